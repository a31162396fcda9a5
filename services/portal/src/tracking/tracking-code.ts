/**
 * Tracking codes are 160 random bits in Crockford's base32, in eight groups of four (intake's
 * `tracking/`). People copy them from e-mails and letters, or type them: case, spaces and the letters
 * Crockford's alphabet reads as digits (O as 0, I and L as 1) do not matter.
 */
const SHAPE = /^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/;

export function normaliseTrackingCode(typed: string): string | undefined {
  const compact = typed
    .toUpperCase()
    .replace(/[\s\-‐–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{32}$/.test(compact)) return undefined;
  return (compact.match(/.{4}/g) ?? []).join('-');
}

export const isTrackingCode = (value: string): boolean => SHAPE.test(value);
