import type { DocumentModel } from '../../domain/drafting/render.js';
import type { DocumentFont } from './font.js';

const FONT = 'document';
/** A4, with margins near those of official documents (GB/T 9704: 37 mm top, 28 mm left, 26 mm right). */
const PAGE = { size: 'A4', margins: { top: 105, bottom: 100, left: 79, right: 74 } } as const;
const SIZE = { issuer: 18, title: 22, number: 12, heading: 14, text: 12 } as const;

/**
 * Writes the document as a PDF in the given font, embedded as a subset of the glyphs used (pdfkit embeds a
 * TrueType font as `/FontFile2`, an OpenType one as `/FontFile3`, each with a `/ToUnicode` map so that the text
 * can be searched and copied). `createdAt` is the document's creation date: the same document and date give the
 * same bytes.
 */
export async function writePdf(model: DocumentModel, font: DocumentFont, createdAt: Date): Promise<Buffer> {
  // loaded on first use: a service that drafts no document never loads pdfkit
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    ...PAGE,
    info: { Title: `${model.title} ${model.documentNo}`, Author: model.issuer, CreationDate: createdAt },
    lang: 'zh-CN',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(FONT, font.data);
  doc.font(FONT);
  doc.fontSize(SIZE.issuer).text(model.issuer, { align: 'center' });
  doc.moveDown(0.5);
  doc.fontSize(SIZE.title).text(model.title, { align: 'center' });
  doc.moveDown(0.5);
  doc.fontSize(SIZE.number).text(model.documentNo, { align: 'right' });
  doc.moveDown(1);
  for (const block of model.blocks) {
    if (block.kind === 'heading') {
      doc.moveDown(0.5).fontSize(SIZE.heading).text(block.text);
    } else if (block.kind === 'entry') {
      doc.fontSize(SIZE.text).text(block.text, { indent: SIZE.text * 2, lineGap: 4 });
    } else {
      const indent = block.align === 'right' ? 0 : SIZE.text * 2;
      doc.fontSize(SIZE.text).text(block.text, { align: block.align, indent, lineGap: 4 });
    }
  }
  doc.end();
  return done;
}
