/** Probe (not part of the bench): how fast pouchdb-server hands out 400 batches by each read. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toBatches } from '../../src/lib/sync/batches';
import { setup } from '../sync/setup';
import { familiesOf, fiveYearsOfStudy } from './five-years';

const port = 5999;
const dir = mkdtempSync(join(tmpdir(), 'probe-'));
writeFileSync(join(dir, 'config.json'), JSON.stringify({ admins: { admin: 'a' }, log: { file: join(dir, 'log.txt'), level: 'warning' } }));
const child = spawn('node_modules/.bin/pouchdb-server', ['--in-memory', '--host', '127.0.0.1', '--port', String(port), '--config', join(dir, 'config.json')], { stdio: 'ignore' });
const url = `http://127.0.0.1:${port}`;
for (let i = 0; i < 200 && !(await fetch(url).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
const auth = { authorization: `Basic ${Buffer.from('learner:pw').toString('base64')}`, 'content-type': 'application/json' };
try {
	await setup({ admin: { name: 'admin', password: 'a' }, user: 'learner', userPassword: 'pw', log: () => {}, server: url, db: 'p' });
	const bank = JSON.parse(readFileSync('build/data/bank.json', 'utf8')) as { questions: { family: string }[] };
	const { cards, quiz } = familiesOf(bank.questions);
	const batches = toBatches(fiveYearsOfStudy(cards, quiz, 200_000, 5, Date.now()), 'bench-other-device', 0);
	for (let i = 0; i < batches.length; i += 20) await fetch(`${url}/p/_bulk_docs`, { method: 'POST', headers: auth, body: JSON.stringify({ docs: batches.slice(i, i + 20) }) });
	const time = async (label: string, f: () => Promise<unknown>) => {
		const t = performance.now();
		await f();
		console.log(`${label}: ${Math.round(performance.now() - t)} ms`);
	};
	const get = (q: string) => fetch(`${url}/p/${q}`, { headers: auth }).then((r) => r.text());
	await time('_changes (400, no docs)', () => get('_changes?style=all_docs&since=0&limit=500'));
	const ids = batches.map((b) => b._id);
	await time('_all_docs keys, include_docs, 100 per request ×4 sequential', async () => {
		for (let i = 0; i < 400; i += 100) await fetch(`${url}/p/_all_docs?include_docs=true`, { method: 'POST', headers: auth, body: JSON.stringify({ keys: ids.slice(i, i + 100) }) }).then((r) => r.text());
	});
	await time('_all_docs range, include_docs, 100 per request ×4 sequential', async () => {
		for (let i = 0; i < 400; i += 100) await get(`_all_docs?include_docs=true&startkey=${encodeURIComponent(JSON.stringify(ids[i]))}&limit=100`);
	});
	await time('_all_docs range, include_docs, one request', () => get('_all_docs?include_docs=true&startkey="b:"&endkey="b:\uffff"'));
	await time('_bulk_get 100 per request ×4', async () => {
		for (let i = 0; i < 400; i += 100) await fetch(`${url}/p/_bulk_get?revs=true&latest=true`, { method: 'POST', headers: auth, body: JSON.stringify({ docs: ids.slice(i, i + 100).map((id) => ({ id })) }) }).then((r) => r.status + ' ' + r.text().then((t) => t.length));
	});
	await time('_changes include_docs, one request', () => get('_changes?style=all_docs&since=0&include_docs=true'));
} finally {
	child.kill();
}
