import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as fontkit from 'fontkit';
import { ConfigError } from '../../errors.js';

/** The font decision documents are written in: embedded (subset) in every PDF, named in every DOCX. */
export interface DocumentFont {
  readonly file: string;
  readonly data: Buffer;
  /** The font's family name, as the file names it. */
  readonly family: string;
}

/** The npm package whose font is the default: Noto Sans CJK SC (as "Noto Sans Hans"), under the SIL OFL 1.1. */
export const DEFAULT_FONT_PACKAGE = '@embedpdf/fonts-sc';
const DEFAULT_FONT_FILE = 'fonts/NotoSansHans-Regular.otf';

/** Characters every decision document needs: a font without them cannot write one. */
export const REQUIRED_CHARACTERS =
  '行政处罚决定书不予准许可强制措施罚款人民币零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整年月日0123456789';

/** The default font's file, inside the installed package. */
export function defaultFontFile(): string {
  const entry = createRequire(import.meta.url).resolve(DEFAULT_FONT_PACKAGE);
  return path.join(path.dirname(entry), '..', DEFAULT_FONT_FILE);
}

const loaded = new Map<string, Promise<DocumentFont>>();

/** The documents' font, read when a document is first written. */
export type DocumentFontSource = () => Promise<DocumentFont>;

/**
 * The documents' font for a service about to start. A configured font (`LEDGER_DOCUMENT_FONT`) is read and checked
 * now, so a bad one stops start-up with a message naming the variable. The default font, the installed package's
 * (checked by the project's tests), is only looked for now (a missing package stops start-up the same way) and read
 * when the first PDF is written: it is a 16 MB file that a service drafting no document never needs.
 */
export async function documentFontSource(configured?: string): Promise<DocumentFontSource> {
  if (configured !== undefined) {
    const font = await loadDocumentFont(configured);
    return () => Promise.resolve(font);
  }
  let file: string;
  try {
    file = defaultFontFile();
    fs.accessSync(file, fs.constants.R_OK);
  } catch (err) {
    throw new ConfigError(
      'LEDGER_DOCUMENT_FONT',
      `unset, and the default font of ${DEFAULT_FONT_PACKAGE} cannot be read: ${(err as Error).message}`,
    );
  }
  return () => loadDocumentFont();
}

/**
 * Reads and checks the documents' font (`LEDGER_DOCUMENT_FONT`, else the default package's): a TrueType or
 * OpenType file that has every {@link REQUIRED_CHARACTERS}. Anything else stops start-up with a message naming the
 * variable. A file is read and checked once per process; fontkit, which parses it, is loaded only then.
 */
export function loadDocumentFont(configured?: string): Promise<DocumentFont> {
  const file = configured ?? defaultFontFile();
  const key = `${configured === undefined ? 'default' : 'configured'}:${path.resolve(file)}`;
  let loading = loaded.get(key);
  if (!loading) {
    loading = readDocumentFont(file, configured);
    loaded.set(key, loading);
    loading.catch(() => loaded.delete(key));
  }
  return loading;
}

async function readDocumentFont(file: string, configured: string | undefined): Promise<DocumentFont> {
  const fail = (message: string) =>
    new ConfigError(
      'LEDGER_DOCUMENT_FONT',
      configured === undefined ? `unset, and the default font of ${DEFAULT_FONT_PACKAGE}: ${message}` : message,
    );
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (err) {
    throw fail(`cannot read ${file}: ${(err as Error).message}`);
  }
  const { create } = await import('fontkit');
  let font: fontkit.Font;
  try {
    const opened = create(data);
    if ('fonts' in opened) throw new Error('a font collection: name one font file');
    font = opened;
  } catch (err) {
    throw fail(`${file} is not a TrueType or OpenType font: ${(err as Error).message}`);
  }
  const missing = [...REQUIRED_CHARACTERS].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!));
  if (missing.length > 0) throw fail(`${file} lacks characters decision documents need: ${missing.join('')}`);
  return { file, data, family: font.familyName };
}
