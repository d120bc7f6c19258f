import { text } from '../core/text';

/** The error page: an address that is not part of the app, a page not saved for offline use, a failure. */
export const ERROR_UI = {
	notFoundTitle: text('找不到这个页面', 'Page not found'),
	notFound: text('这个地址不是 TCP Quest 的页面，可能链接有误。', 'This address is not a page of TCP Quest; the link may be wrong.'),
	offlineTitle: text('离线时打不开这个页面', 'This page is not available offline'),
	offline: text('它不在本机保存的页面里：可能地址有误，或者要联网才能打开。', 'It is not among the pages saved on this device: the address may be wrong, or it needs the network.'),
	failedTitle: text('页面出错了', 'Something went wrong'),
	failed: text('这个页面没能打开。请重新载入试试；你的学习记录不受影响。', 'This page could not open. Try reloading; your progress is not affected.'),
	home: text('回到首页', 'Back to home')
};
