/** A link to the RFC section a transition cites, e.g. "RFC 9293 §3.10.7.4" → rfc-editor.org. */
export function rfcUrl(source: string): string | undefined {
	const m = /RFC (\d+) §([\d.]+\d)/.exec(source);
	return m ? `https://www.rfc-editor.org/rfc/rfc${m[1]}#section-${m[2]}` : undefined;
}
