import { zipSync, strToU8 } from 'fflate';
import type { Block, DocumentModel } from '../../domain/drafting/render.js';

/**
 * Writes the document as a DOCX (Office Open XML, ECMA-376): the text in runs whose East Asian font is the one
 * named (`w:rFonts w:eastAsia`, with `w:hint="eastAsia"`), the language zh-CN. The font is declared, not embedded:
 * a DOCX is edited on the agency's own machines, which have the fonts their documents use; the PDF, which is what
 * is issued, embeds its font. `createdAt` dates the parts: the same document and date give the same bytes.
 */
export function writeDocx(model: DocumentModel, eastAsiaFont: string, createdAt: Date): Buffer {
  const mtime = createdAt;
  const file = (text: string) => [strToU8(text), { mtime }] as [Uint8Array, { mtime: Date }];
  const zipped = zipSync(
    {
      '[Content_Types].xml': file(CONTENT_TYPES),
      '_rels/.rels': file(PACKAGE_RELS),
      'docProps/core.xml': file(coreProperties(model, createdAt)),
      'word/_rels/document.xml.rels': file(DOCUMENT_RELS),
      'word/styles.xml': file(styles(eastAsiaFont)),
      'word/document.xml': file(documentXml(model, eastAsiaFont)),
    },
    { level: 6 },
  );
  return Buffer.from(zipped);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const CONTENT_TYPES =
  `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '</Types>';

const PACKAGE_RELS =
  `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '</Relationships>';

const DOCUMENT_RELS =
  `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>` +
  '</Relationships>';

/** Text as XML character data or attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function coreProperties(model: DocumentModel, createdAt: Date): string {
  const at = createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(`${model.title} ${model.documentNo}`)}</dc:title>` +
    `<dc:creator>${escapeXml(model.issuer)}</dc:creator>` +
    '<dc:language>zh-CN</dc:language>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    '</cp:coreProperties>'
  );
}

const fonts = (eastAsia: string) =>
  `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="${escapeXml(eastAsia)}" w:hint="eastAsia"/>`;

function styles(eastAsia: string): string {
  return (
    `${XML}<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr>${fonts(eastAsia)}` +
    '<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault>' +
    '</w:docDefaults></w:styles>'
  );
}

/** One paragraph: alignment, a first-line indent of two characters for body text, the size in half-points. */
function paragraph(text: string, eastAsia: string, options: { jc?: string; indent?: boolean; halfPoints: number }) {
  const ppr =
    (options.jc ? `<w:jc w:val="${options.jc}"/>` : '') + (options.indent ? '<w:ind w:firstLineChars="200"/>' : '');
  const rpr = `${fonts(eastAsia)}<w:sz w:val="${options.halfPoints}"/><w:szCs w:val="${options.halfPoints}"/>`;
  return `<w:p><w:pPr>${ppr}</w:pPr><w:r><w:rPr>${rpr}</w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

function blockXml(block: Block, eastAsia: string): string {
  if (block.kind === 'heading') return paragraph(block.text, eastAsia, { halfPoints: 28 });
  if (block.kind === 'entry') return paragraph(block.text, eastAsia, { indent: true, halfPoints: 24 });
  return block.align === 'right'
    ? paragraph(block.text, eastAsia, { jc: 'right', halfPoints: 24 })
    : paragraph(block.text, eastAsia, { indent: true, halfPoints: 24 });
}

function documentXml(model: DocumentModel, eastAsia: string): string {
  const body = [
    paragraph(model.issuer, eastAsia, { jc: 'center', halfPoints: 36 }),
    paragraph(model.title, eastAsia, { jc: 'center', halfPoints: 44 }),
    paragraph(model.documentNo, eastAsia, { jc: 'right', halfPoints: 24 }),
    ...model.blocks.map((block) => blockXml(block, eastAsia)),
  ].join('');
  // A4 (11906 × 16838 twentieths of a point), margins as in the PDF
  const section =
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>' +
    '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>';
  return `${XML}<w:document xmlns:w="${W}"><w:body>${body}${section}</w:body></w:document>`;
}
