/** Classroom codes travel in the URL hash: read on the device, never sent to a server. */
export function readHash(): string {
	try {
		return decodeURIComponent(location.hash.slice(1)).trim();
	} catch {
		return location.hash.slice(1).trim();
	}
}

/** Copy text; false when the browser will not (no permission, insecure context). */
export async function copyText(text: string): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		return false;
	}
}

/** A 15-bit seed for a new quiz. */
export function newSeed(): number {
	return crypto.getRandomValues(new Uint16Array(1))[0]! & 0x7fff;
}
