/**
 * UTF-8 byte sequences (RFC 3629: no overlong forms, no surrogates, nothing
 * above U+10FFFF), shared by the text-file reader (which names the first bad
 * byte) and the recipients reader (which counts valid and invalid bytes).
 */

/** How many bytes a sequence starting with `first` has (1 for ASCII); 0 when `first` cannot start one. */
export function utf8LeadLength(first: number): number {
  if (first < 0x80) return 1;
  if (first >= 0xc2 && first <= 0xdf) return 2;
  if (first >= 0xe0 && first <= 0xef) return 3;
  if (first >= 0xf0 && first <= 0xf4) return 4;
  return 0;
}

/** Length of the valid UTF-8 sequence starting at `index`, 0 when it is not one (bytes past the end count as missing). */
export function validUtf8Length(bytes: Uint8Array, index: number): number {
  const first = bytes[index]!;
  const length = utf8LeadLength(first);
  if (length <= 1) return length;
  // The second byte's range is narrower after E0, ED, F0 and F4 (overlong forms, surrogates, past U+10FFFF).
  const [low, high] = first === 0xe0 ? [0xa0, 0xbf] : first === 0xed ? [0x80, 0x9f] : first === 0xf0 ? [0x90, 0xbf] : first === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
  for (let offset = 1; offset < length; offset++) {
    const byte = bytes[index + offset];
    const [min, max] = offset === 1 ? [low, high] : [0x80, 0xbf];
    if (byte === undefined || byte < min || byte > max) return 0;
  }
  return length;
}

/** Offset of the first byte that does not start a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const length = validUtf8Length(bytes, index);
    if (length === 0) return index;
    index += length;
  }
  return -1;
}
