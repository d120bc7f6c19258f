/** The roles table is worked out when first asked for, not when the module loads, and only once. */
import { expect, it, vi } from 'vitest';

const played = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/lib/core/fsm/simulate', async (original) => {
	const actual = await original<typeof import('../../src/lib/core/fsm/simulate')>();
	return { ...actual, simulate: (...args: Parameters<typeof actual.simulate>) => (played.count++, actual.simulate(...args)) };
});

it('plays no scenario on import, all of them on the first question, none after', async () => {
	const { rolesOf, roleOf } = await import('../../src/lib/core/fsm/roles');
	expect(played.count).toBe(0);
	expect(rolesOf('TIME_WAIT')).toContain('active_closer');
	const once = played.count;
	expect(once).toBeGreaterThan(0);
	expect(roleOf('SYN_SENT')).toBe('active_opener');
	expect(rolesOf('CLOSING')).toEqual(['simultaneous_close']);
	expect(played.count).toBe(once);
});
