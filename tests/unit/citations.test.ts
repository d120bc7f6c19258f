import { describe, expect, it } from 'vitest';
import { rfcUrl } from '../../src/lib/features/content/sources';

describe('links to the RFC', () => {
	it('reads a section even when a figure is named after it, and a whole RFC without one', () => {
		expect(rfcUrl('RFC 9293 §3.3.2 (Figure 5)')).toBe('https://www.rfc-editor.org/rfc/rfc9293#section-3.3.2');
		expect(rfcUrl('RFC 1337')).toBe('https://www.rfc-editor.org/rfc/rfc1337');
		expect(rfcUrl('man 7 tcp')).toBeUndefined();
	});
});
