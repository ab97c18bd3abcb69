// Windows-1252 ("ANSI", what Excel for Windows writes as « CSV (séparateur : point-virgule) ») encoder.
// TextEncoder only produces UTF-8 (https://encoding.spec.whatwg.org/#interface-textencoder), so writing a file back
// in the association's own encoding needs this small table; decoding too (see `decodeWindows1252`: Node 20's
// TextDecoder reads the label as ISO-8859-1).

/** Code points of bytes 0x80–0x9F in Windows-1252 (WHATWG index-windows-1252); 0x81, 0x8D, 0x8F, 0x90, 0x9D map to C1 controls. */
const HIGH_TABLE: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

const REVERSE = new Map<number, number>(HIGH_TABLE.map((codePoint, offset) => [codePoint, 0x80 + offset]));

/**
 * Typographic characters with an obvious Windows-1252 stand-in, written without counting them as lost: the narrow
 * no-break space that `toLocaleString('fr-FR')` puts in « 1 207 m » becomes a no-break space, etc.
 */
const STAND_INS = new Map<number, number>([
  [0x202f, 0xa0], // narrow no-break space → no-break space
  [0x2007, 0xa0], // figure space → no-break space
  [0x2009, 0x20], // thin space → space
  [0x2011, 0x2d], // non-breaking hyphen → hyphen-minus
  [0x2212, 0x2d], // minus sign → hyphen-minus
]);

/** Bytes of `text` in Windows-1252, and how many characters could not be represented (each written as `?`). */
export interface EncodedText {
  bytes: Uint8Array;
  /** Number of characters replaced by `?` (e.g. `Ł`, `œ` is representable, emoji are not). */
  replaced: number;
  /** Up to 10 distinct replaced characters, to tell the user which ones. */
  replacedSamples: string[];
}

/**
 * Encodes a string as Windows-1252. Unrepresentable characters become `?` and are counted, so that the UI can say
 * « 3 caractères remplacés par ? » instead of silently corrupting names.
 *
 * @example
 * encodeWindows1252('Rue Blanche – Croix').bytes; // [..., 0x96, ...] (en dash is 0x96)
 * encodeWindows1252('Łódź').replaced; // 2
 */
export function encodeWindows1252(text: string): EncodedText {
  const bytes = new Uint8Array(text.length);
  let length = 0;
  let replaced = 0;
  const samples = new Set<string>();
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0x3f;
    let byte: number | undefined;
    if (codePoint < 0x80 || (codePoint >= 0xa0 && codePoint <= 0xff)) byte = codePoint;
    else byte = REVERSE.get(codePoint) ?? STAND_INS.get(codePoint);
    if (byte === undefined) {
      byte = 0x3f;
      replaced += 1;
      if (samples.size < 10) samples.add(char);
    }
    bytes[length] = byte;
    length += 1;
  }
  return { bytes: bytes.subarray(0, length), replaced, replacedSamples: [...samples] };
}

/**
 * Decodes Windows-1252 bytes. Not `new TextDecoder('windows-1252')`: Node 20 maps that label to ISO-8859-1
 * (nodejs/node#56542), which turns « – », « Œ », « € » (0x80–0x9F) into invisible C1 controls. Single-byte, so it
 * is also safe on arbitrary chunks of a stream.
 *
 * @example
 * decodeWindows1252(new Uint8Array([0x80, 0x20, 0xe9])); // '€ é'
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 8192;
  for (let start = 0; start < bytes.length; start += chunk) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, start + chunk);
    for (let index = start; index < end; index += 1) {
      const byte = bytes[index]!;
      codes.push(byte >= 0x80 && byte <= 0x9f ? HIGH_TABLE[byte - 0x80]! : byte);
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}
