import type { ExportedFile } from '../../shared/domain/reports';

/**
 * Hands an exported file to the browser as a download (a Blob behind a link with `download`):
 * the same bytes main made, under the name main chose. The desktop app's Chromium asks where
 * to save it with the system's save dialog.
 */
export function offerDownload(file: ExportedFile): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Let the download start before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
