/**
 * Saves a file the app made (CSV export, GeoJSON, PNG) through the browser's download: an object URL of this page,
 * so nothing is sent anywhere. Shared by the file check and the actions panel.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
