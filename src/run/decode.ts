/**
 * Bytes -> text for answers read from files or stdin. Answers are UTF-8; a UTF-8 byte-order mark is
 * dropped and UTF-16 (LE or BE) is accepted when it starts with its byte-order mark, because that is
 * what some Windows editors save. Anything else that is not valid text is refused with a reason,
 * rather than linted as mojibake.
 */

/** Why bytes could not be read as an answer; the caller adds the path. */
export class DecodeError extends Error {
  override name = 'DecodeError';
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Offset of the first byte that starts an invalid UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    // The second byte's range excludes overlong forms, UTF-16 surrogates and code points above U+10FFFF.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    const second = bytes[i + 1] as number;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  const label = encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
  let text: string;
  try {
    // The decoder drops the byte-order mark itself.
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new DecodeError(`invalid ${label} text (odd length or unpaired surrogate)`);
  }
  if (text.includes('\0')) throw new DecodeError('binary file (contains NUL characters), expected text');
  return text;
}

/** Decode an answer's bytes; throws DecodeError naming the problem. */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes, 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes, 'utf-16be');
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  // NUL never appears in text; checked before UTF-8 so an image is called binary, not "invalid UTF-8".
  if (body.includes(0)) throw new DecodeError('binary file (contains NUL bytes), expected UTF-8 text');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const offset = firstInvalidUtf8(body);
    const where = offset >= 0 ? ` at line ${lineAt(body, offset)} (byte ${offset + (body === bytes ? 0 : UTF8_BOM.length)})` : '';
    throw new DecodeError(`invalid UTF-8${where}, expected UTF-8 text`);
  }
}
