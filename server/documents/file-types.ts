/**
 * What a file is, from its bytes: the name and the browser's declared type are whatever the
 * sender says, so uploads are accepted or refused on content only.
 */
export const ALLOWED_TYPES = {
  'application/pdf': '.pdf',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'application/dicom': '.dcm',
  'text/plain': '.txt',
} as const;

export type AllowedType = keyof typeof ALLOWED_TYPES;

const startsWith = (bytes: Buffer, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Valid UTF-8 with no control characters other than tab, line feed, form feed, carriage return. */
function isPlainText(bytes: Buffer): boolean {
  if (!bytes.length) return false;
  for (const b of bytes) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) return false;
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function detectType(bytes: Buffer): AllowedType | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // DICOM Part 10: a 128-byte preamble, then "DICM".
  if (startsWith(bytes, [0x44, 0x49, 0x43, 0x4d], 128)) return 'application/dicom';
  if (isPlainText(bytes)) return 'text/plain';
  return undefined;
}
