/** `npm run -s fsm:table`: the transition table as JSON, in the contract's names. Stable output. */
import { TRANSITIONS } from '../src/lib/core/fsm';

const rows = TRANSITIONS.map(({ from, event, to, send, cond, source }) =>
	cond ? { from, event, to, send, cond, source } : { from, event, to, send, source }
);
process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
