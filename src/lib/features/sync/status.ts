/** What the sync status line says, in words (see SyncPanel). */
import { text, type Text } from '../../core/text';

export type SyncStatus =
	| { kind: 'off' }
	| { kind: 'connecting' }
	| { kind: 'syncing'; pulled: number }
	| { kind: 'synced'; at: number }
	| { kind: 'waiting'; retryAt: number; why: SyncFault }
	| { kind: 'failed'; why: SyncFault };

export type SyncFault = 'offline' | 'unreachable' | 'password' | 'forbidden' | 'missing' | 'refused' | 'csp' | 'other';

/** Sort an error from PouchDB or fetch into what the learner can act on. */
export function faultOf(error: unknown, online: boolean): SyncFault {
	if (!online) return 'offline';
	const e = error as { status?: number; name?: string; message?: string } | null;
	if (e?.status === 401) return 'password';
	if (e?.status === 403) return 'forbidden';
	if (e?.status === 404) return 'missing';
	if (!e?.status || e.status >= 500 || e.name === 'TypeError' || /fetch|network/i.test(e.message ?? '')) return 'unreachable';
	return 'other';
}

/** Faults retrying cannot fix: the learner must change something first. */
export const needsLearner = (f: SyncFault): boolean => f === 'password' || f === 'forbidden' || f === 'missing' || f === 'csp';

export const FAULT: Record<SyncFault, Text> = {
	offline: text('设备离线，联网后自动继续', 'This device is offline; sync resumes when it is back online'),
	unreachable: text('连不上服务器，稍后自动重试', 'Cannot reach the server; trying again shortly'),
	password: text('用户名或密码不对', 'The user name or password is wrong'),
	forbidden: text('这个用户不是该数据库的成员', 'This user is not a member of the database'),
	missing: text('服务器上没有这个数据库（先运行 npm run sync:setup）', 'The server has no such database (run npm run sync:setup first)'),
	refused: text('服务器拒绝了一些批次：已写入的批次不能修改', 'The server refused some batches: a written batch cannot be changed'),
	csp: text('需要重新加载页面才能连接这个服务器', 'The page must reload before it can reach this server'),
	other: text('同步出错，稍后重试', 'Sync failed; trying again later')
};
