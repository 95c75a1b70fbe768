import type { DocumentWriters } from '../../ports/documents.js';
import { writeDocx } from './docx.js';
import type { DocumentFontSource } from './font.js';
import { writePdf } from './pdf.js';

/** The DOCX declares this East Asian font: the one Chinese editions of office software have, for editing. */
export const DOCX_EAST_ASIA_FONT = '宋体';

/** The two writers of decision documents, the PDF in the given font. */
export function documentWriters(font: DocumentFontSource): DocumentWriters {
  return {
    pdf: async (model, createdAt) => writePdf(model, await font(), createdAt),
    docx: (model, createdAt) => writeDocx(model, DOCX_EAST_ASIA_FONT, createdAt),
  };
}
