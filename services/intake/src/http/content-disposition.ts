/**
 * `Content-Disposition: attachment` with the file's name (RFC 6266): `filename*` in UTF-8 (RFC 8187) for
 * every client of the last decade, and an ASCII `filename` for the rest (non-ASCII letters as `_`).
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(name)}`;
}

/** Percent-encodes everything but RFC 8187's attr-char (letters, digits and !#$&+-.^_`|~). */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
