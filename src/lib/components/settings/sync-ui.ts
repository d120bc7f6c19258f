import { text } from '../../core/text';

/** Settings → Sync (loaded with the panel, only when sync is opened or set up). */
export const SYNC_UI = {
	title: text('同步', 'Sync'),
	intro: text(
		'用你自己的 CouchDB 3 在手机和电脑之间同步复习记录。密码只存在这台设备上，不会出现在网址、日志或备份里。',
		'Sync your answers between phone and laptop through your own CouchDB 3. The password stays on this device, never in a URL, a log or a backup.'
	),
	server: text('服务器地址', 'Server address'),
	serverHint: text('https://…（本机可用 http://localhost）', 'https://… (http://localhost for this machine)'),
	db: text('数据库', 'Database'),
	user: text('用户名', 'User'),
	password: text('密码', 'Password'),
	auto: text('联网时自动同步', 'Sync by itself while online'),
	save: text('保存并同步', 'Save and sync'),
	now: text('立即同步', 'Sync now'),
	forget: text('停止并忘记', 'Stop and forget'),
	forgotten: text('已停止同步，服务器信息已从这台设备删除。复习记录都还在。', 'Sync stopped and the server details are gone from this device. Your answers all stay.'),
	reloading: text('页面将重新加载一次，以便允许连接这个服务器……', 'The page reloads once to allow connections to this server…'),
	off: text('未同步', 'Not syncing'),
	connecting: text('正在连接……', 'Connecting…'),
	syncing: text('正在同步……', 'Syncing…'),
	synced: (time: string) => text(`已同步，最近一次在 ${time}`, `Synced, last at ${time}`),
	retry: (why: string, time: string) => text(`${why}（${time} 重试）`, `${why} (next try at ${time})`),
	refused: (n: number) => text(`有 ${n} 个批次被拒绝：已写入的批次不能修改`, `${n} batch${n === 1 ? ' was' : 'es were'} refused: a written batch cannot be changed`)
};
