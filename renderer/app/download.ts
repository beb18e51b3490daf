/**
 * Hands bytes to the browser (or Electron) as a download, without a round trip to a file path:
 * exports, PDFs, quiz files and mail drafts all leave the app this way.
 */
export function downloadFile(fileName: string, contentType: string, content: Uint8Array | string): void {
  const url = URL.createObjectURL(new Blob([typeof content === 'string' ? content : (content as BlobPart)], { type: contentType }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, not before the download starts.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** True in the desktop app, where the shell can open files in the system's own programs. */
export const isDesktop = (): boolean => typeof window !== 'undefined' && Boolean(window.hmis);
