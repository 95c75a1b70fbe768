import { loadDocumentFont, type DocumentFont } from '../../../src/adapters/documents/font.js';
import { documentWriters, DOCX_EAST_ASIA_FONT } from '../../../src/adapters/documents/writers.js';
import { DEFAULT_TEMPLATES } from '../../../src/domain/drafting/default-templates.js';
import { renderDecision, type DraftCase } from '../../../src/domain/drafting/render.js';
import { docxParts, docxText, pdfStreams, pdfText } from '../../support/documents.js';

const FILE: DraftCase = {
  agency: 'county-justice',
  caseId: 'c-1',
  title: '某律师事务所未按规定公示执业信息案',
  itemName: '未按规定公示执业信息',
  parties: [{ kind: 'organization', name: '某某律师事务所', idNumber: '31110000MD0123456X', address: '县城南路 1 号' }],
  findings: ['当事人未在执业场所公示律师执业信息'],
  evidence: ['现场检查笔录', '执法记录仪视频'],
};
const PROPOSED = {
  decisionType: 'fine' as const,
  fineFen: 150_000,
  legalBasis: '《律师法》第五十条',
  documentNo: '县司罚〔2026〕7号',
  decidedOn: '2026-03-05',
};
const CREATED = new Date('2026-03-05T09:00:00+08:00');

let font: DocumentFont;
let writers: ReturnType<typeof documentWriters>;
beforeAll(async () => {
  font = await loadDocumentFont();
  writers = documentWriters(() => Promise.resolve(font));
});
const model = renderDecision(DEFAULT_TEMPLATES.fine, FILE, PROPOSED);

describe('decision documents as files', () => {
  it('when a fine is written as PDF, then the font is embedded as a subset with a ToUnicode map that gives the Chinese text back', async () => {
    const pdf = await writers.pdf(model, CREATED);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const streams = pdfStreams(pdf);
    const raw = pdf.toString('latin1');
    expect(/\/FontFile[23]\b/.test(raw)).toBe(true);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+/); // a subset: a six-letter tag before the font's name
    expect(streams.some((s) => s.includes('begincmap'))).toBe(true);
    const text = pdfText(pdf);
    expect(text).toContain('行政处罚决定书');
    expect(text).toContain('县司罚〔2026〕7号');
    expect(text).toContain('壹仟伍佰元整');
    expect(text).toContain('1,500.00 元');
    expect(text).toContain('某某律师事务所');
    expect(text).not.toContain('\uFFFD');
    // a subset holds the glyphs used, not the whole font
    expect(pdf.length).toBeLessThan(font.data.length / 20);
  });

  it('when the same document is written twice with the same date, then the PDF and the DOCX are the same bytes', async () => {
    expect((await writers.pdf(model, CREATED)).equals(await writers.pdf(model, CREATED))).toBe(true);
    expect(writers.docx(model, CREATED).equals(writers.docx(model, CREATED))).toBe(true);
  });

  it('when a fine is written as DOCX, then it is a zip with word/document.xml holding the filled text and the East Asian font declared', () => {
    const docx = writers.docx(model, CREATED);
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const parts = docxParts(docx);
    expect(Object.keys(parts).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/core.xml',
      'word/_rels/document.xml.rels',
      'word/document.xml',
      'word/styles.xml',
    ]);
    const text = docxText(docx);
    expect(text.split('\n').slice(0, 3)).toEqual(['county-justice', '行政处罚决定书', '县司罚〔2026〕7号']);
    expect(text).toContain('处罚款人民币壹仟伍佰元整（1,500.00 元）。');
    expect(text).toContain('1. 现场检查笔录');
    expect(parts['word/document.xml']).toContain(`w:eastAsia="${DOCX_EAST_ASIA_FONT}"`);
    expect(parts['word/styles.xml']).toContain('w:eastAsia="zh-CN"');
  });

  it('when text holds XML markup, then the DOCX escapes it and still reads it back', () => {
    const hostile = renderDecision(
      DEFAULT_TEMPLATES.warning,
      { ...FILE, findings: ['<w:t>&"\'</w:t>'] },
      {
        ...PROPOSED,
        decisionType: 'warning',
      },
    );
    const docx = writers.docx(hostile, CREATED);
    expect(docxText(docx)).toContain('经查，<w:t>&"\'</w:t>');
  });
});
