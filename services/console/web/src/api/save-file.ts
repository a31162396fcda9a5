/**
 * Hands a file the page holds (an object URL of a blob) to the browser as a download under `name`: through a
 * link clicked for it, as a fetched file (a POST, or one with headers) cannot be a plain link.
 */
export function saveFile(url: string, name: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
}
