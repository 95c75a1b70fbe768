import zlib from 'node:zlib';
import { unzipSync, strFromU8 } from 'fflate';

/**
 * Reading back the decision documents the service writes, as any reader would: a PDF's streams inflated, its text
 * decoded through the fonts' `/ToUnicode` maps; a DOCX unzipped.
 */

/** The PDF's streams, inflated where they are compressed. */
export function pdfStreams(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  return [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => {
    const bytes = Buffer.from(m[1]!, 'latin1');
    try {
      return zlib.inflateSync(bytes).toString('latin1');
    } catch {
      return m[1]!;
    }
  });
}

const hex = (h: string) => Number.parseInt(h, 16);
const utf16 = (h: string) => Buffer.from(h, 'hex').swap16().toString('utf16le');

/** The code → text map of every `/ToUnicode` CMap in the PDF (bfchar and bfrange entries). */
export function toUnicodeMap(streams: readonly string[]): Map<number, string> {
  const map = new Map<number, string>();
  for (const cmap of streams.filter((s) => s.includes('begincmap'))) {
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const [, code, text] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
        map.set(hex(code!), utf16(text!));
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, lo, , rest] of block[1]!.matchAll(
        /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
      )) {
        if (rest!.startsWith('[')) {
          [...rest!.matchAll(/<([0-9a-fA-F]+)>/g)].forEach((m, i) => map.set(hex(lo!) + i, utf16(m[1]!)));
        } else {
          map.set(hex(lo!), utf16(rest!.slice(1, -1)));
        }
      }
    }
  }
  return map;
}

/** The PDF's text, each text-showing operation decoded through the `/ToUnicode` maps, one per line. */
export function pdfText(pdf: Buffer): string {
  const streams = pdfStreams(pdf);
  const map = toUnicodeMap(streams);
  const lines: string[] = [];
  for (const content of streams.filter((s) => /\bBT\b/.test(s))) {
    for (const op of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const strings = op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]!) : [op[2]!];
      const codes = strings.flatMap((s) => s.match(/.{4}/g) ?? []);
      lines.push(codes.map((c) => map.get(hex(c)) ?? '\uFFFD').join(''));
    }
  }
  return lines.join('\n');
}

/** The files of a DOCX (a zip), by name, as text. */
export function docxParts(docx: Buffer): Record<string, string> {
  const files = unzipSync(new Uint8Array(docx));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** The text of a DOCX's body: its `w:t` runs, one paragraph a line. */
export function docxText(docx: Buffer): string {
  const xml = docxParts(docx)['word/document.xml'] ?? '';
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)]
    .map((p) => [...p[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join(''))
    .join('\n');
}

const unescapeXml = (s: string) =>
  s.replace(/&#(\d+);|&(lt|gt|amp|quot|apos);/g, (_, code: string | undefined, name: string | undefined) =>
    code
      ? String.fromCharCode(Number(code))
      : ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as const)[name as 'lt'],
  );
