// Turning the bytes of an uploaded file into text, or saying clearly why we cannot.
// Associations export from Excel (Windows-1252 « CSV séparateur point-virgule », or « CSV UTF-8 » with a BOM),
// LibreOffice (UTF-8 without BOM) or business software (anything). Strict UTF-8 decoding fails on any Windows-1252
// accented letter, so « try UTF-8 fatally, fall back to Windows-1252 » recognises both without guessing
// (a Windows-1252 text that happens to be valid UTF-8 is vanishingly rare for French: é = 0xE9 alone is invalid UTF-8).

import { decodeWindows1252 } from './windows-1252.ts';

/**
 * Encodings we read and write. `utf-8-bom` is UTF-8 whose file started with EF BB BF (kept on export); `utf-16le` is
 * Excel's « Texte Unicode (*.txt) » export (tab-separated, FF FE byte-order mark).
 */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le';

export const ENCODING_LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 avec BOM',
  'windows-1252': 'Windows-1252 (ANSI, Excel Windows)',
  'utf-16le': 'UTF-16 (« Texte Unicode » d’Excel)',
};

/** What the first bytes say the file is. */
export type FileKind = 'texte' | 'xlsx' | 'xls' | 'binaire' | 'vide';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound document: old Excel `.xls` (97-2003), which read-excel-file does not read. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte);
}

/**
 * Sniffs the kind of file from its first bytes, whatever its name says (an XLSX renamed `.csv` is still a ZIP).
 *
 * @example
 * sniffFileKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04])); // 'xlsx'
 * sniffFileKind(new TextEncoder().encode('Adresse\n1 Rue Blanche')); // 'texte'
 */
export function sniffFileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'vide';
  if (startsWith(bytes, ZIP_MAGIC)) return 'xlsx';
  if (startsWith(bytes, OLE_MAGIC)) return 'xls';
  // UTF-16 text is full of NUL bytes: recognise its byte-order mark before the binary test below.
  if (startsWith(bytes, UTF16LE_BOM)) return 'texte';
  // NUL bytes or many control characters in the first 4 KiB: an image, a PDF, a UTF-16 export…
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return 'binaire';
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control += 1;
  }
  return control > sample.length / 20 ? 'binaire' : 'texte';
}

const BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];

/**
 * True when the bytes start with the UTF-8 byte-order mark.
 *
 * @example
 * hasUtf8Bom(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])); // true
 */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return startsWith(bytes, BOM);
}

/** Decoded text (BOM removed) and the encoding it was read with. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * Decodes a whole text file: UTF-8 (with or without BOM) when the bytes are valid UTF-8, Windows-1252 otherwise.
 *
 * @example
 * decodeText(new Uint8Array([0x52, 0xe9])); // { text: 'Ré', encoding: 'windows-1252' }
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, UTF16LE_BOM)) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (hasUtf8Bom(bytes)) {
    // A BOM announces UTF-8; a broken sequence after it is decoded as U+FFFD rather than re-read as Windows-1252.
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Checks UTF-8 validity chunk by chunk without keeping the text (the CLI streams files too large to hold twice).
 * Returns a function to feed chunks and one to conclude.
 *
 * @example
 * const probe = createUtf8Probe();
 * probe.push(new Uint8Array([0xc3])); probe.push(new Uint8Array([0xa9]));
 * probe.valid(); // true ('é' split across two chunks)
 */
export function createUtf8Probe(): { push(chunk: Uint8Array): void; valid(): boolean } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let ok = true;
  return {
    push(chunk) {
      if (!ok) return;
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        ok = false;
      }
    },
    valid() {
      if (!ok) return false;
      try {
        decoder.decode();
        return true;
      } catch {
        return false;
      }
    },
  };
}
