/** Save a blob as a file: the browser's download, from a temporary link. */
export function downloadBlob(blob: Blob, fileName: string) {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	document.body.append(a);
	a.click();
	a.remove();
	// The download has started from the URL by now; give slow browsers a moment anyway.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
