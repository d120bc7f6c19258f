/// <reference lib="webworker" />
/** The game summary for a big log (years of study), off the page: see summary-protocol.ts. */
import { summaryServer, type SummaryRequest } from './summary-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = summaryServer();

scope.addEventListener('message', (event: MessageEvent<SummaryRequest>) => {
	const reply = handle(event.data);
	if (reply) scope.postMessage(reply);
});
