import type { AttachmentMediaType } from '@civic/domain';

/** The extensions a file of each accepted type may carry; the first is the one added when its name has none of them. */
const EXTENSIONS: { readonly [T in AttachmentMediaType]: readonly string[] } = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
  'image/heic': ['heic', 'heif'],
  'image/heif': ['heif', 'heic'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'text/plain': ['txt', 'text'],
};

/**
 * The name a file is handed to staff under: the citizen's, with the extension of what its content is added
 * when the name claims something else. Text is judged as text, so `zapoved.bat` (a script) downloads as
 * `zapoved.bat.txt` and opens in an editor, never in a shell; a PNG called `photo.jpg` becomes `photo.jpg.png`.
 */
export function downloadName(name: string, mediaType: string): string {
  const allowed = EXTENSIONS[mediaType as AttachmentMediaType];
  if (!allowed) return `${name}.bin`;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return allowed.includes(extension) ? name : `${name}.${allowed[0]}`;
}
