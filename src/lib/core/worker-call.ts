/**
 * Calling a worker, for both of the app's workers (the game summary, the store's long jobs): the
 * worker starts on the first call and not before, each call carries an id and gets its own reply
 * (progress on the way, then a result or an error), and a worker that cannot load — a blocked
 * script, an old browser — is reported as `WorkerError` and never started again, so the caller
 * can do the work itself.
 */

export type WorkerReply = { id: number; progress: number } | { id: number; result: unknown } | { id: number; error: { name: string; message: string } };

/** What a worker is sent: fire-and-forget messages carry no id, calls do. */
export type WorkerMessage<M> = M & { id?: number };

export const WORKER_ERROR = 'WorkerError';
export const isWorkerError = (e: unknown): boolean => e instanceof Error && e.name === WORKER_ERROR;

/** Anything that can stand in for a Worker (tests pass a fake). */
export type WorkerLike = Pick<Worker, 'postMessage' | 'addEventListener' | 'removeEventListener' | 'terminate'>;

export class WorkerCall<M extends object> {
	#worker: WorkerLike | null | undefined;
	#next = 0;

	/** `start` makes the worker (called at most until it fails once); throws or returns null where there is none. */
	constructor(private readonly start: () => WorkerLike | null) {}

	/** True once the worker could not start: the caller does the work itself from then on. */
	get unavailable(): boolean {
		return this.#worker === null;
	}

	/** Whether the worker has been started (and not failed). */
	get started(): boolean {
		return !!this.#worker;
	}

	#get(): WorkerLike | null {
		if (this.#worker !== undefined) return this.#worker;
		try {
			this.#worker = this.start();
		} catch {
			this.#worker = null;
		}
		this.#worker?.addEventListener('error', this.#failed);
		return this.#worker;
	}

	#failed = (event: Event) => {
		event.preventDefault();
		this.#worker?.terminate();
		this.#worker = null;
	};

	/** Post a message that wants no reply; false when there is no worker. */
	post(message: M): boolean {
		const w = this.#get();
		w?.postMessage(message);
		return !!w;
	}

	/** Send `message` and wait for its reply; `onProgress` gets 0–1 along the way. */
	call<R>(message: M, onProgress: (fraction: number) => void = () => {}): Promise<R> {
		const w = this.#get();
		if (!w) return Promise.reject(Object.assign(new Error('no worker'), { name: WORKER_ERROR }));
		const id = ++this.#next;
		return new Promise<R>((resolve, reject) => {
			const done = () => {
				w.removeEventListener('message', onMessage as EventListener);
				w.removeEventListener('error', onError);
			};
			const onMessage = (event: MessageEvent<WorkerReply>) => {
				const reply = event.data;
				if (reply?.id !== id) return;
				if ('progress' in reply) return onProgress(reply.progress);
				done();
				if ('error' in reply) reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
				else resolve(reply.result as R);
			};
			const onError = (event: Event) => {
				done();
				reject(Object.assign(new Error((event as ErrorEvent).message || 'worker failed'), { name: WORKER_ERROR }));
			};
			w.addEventListener('message', onMessage as EventListener);
			w.addEventListener('error', onError);
			w.postMessage({ ...message, id });
		});
	}
}

/** Anything a worker's global scope offers that `serve` needs. */
export type ScopeLike = Pick<DedicatedWorkerGlobalScope, 'postMessage' | 'addEventListener'>;

/**
 * The worker's side: `handle` answers each message; a message with an id gets its result (or the
 * error it threw) posted back, with `progress` calls in between.
 */
export function serve<M extends object>(scope: ScopeLike, handle: (message: M, progress: (fraction: number) => void) => unknown) {
	scope.addEventListener('message', async (event: MessageEvent<WorkerMessage<M>>) => {
		const { id } = event.data;
		let last = -1;
		const progress = (fraction: number) => {
			// A message per percent is plenty for a progress bar.
			const step = Math.floor(fraction * 100);
			if (id !== undefined && step !== last) scope.postMessage({ id, progress: fraction });
			last = step;
		};
		try {
			const result = await handle(event.data, progress);
			if (id !== undefined) scope.postMessage({ id, result });
		} catch (e) {
			const error = e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };
			if (id !== undefined) scope.postMessage({ id, error });
		}
	});
}
