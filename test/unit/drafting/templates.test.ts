import { DECISION_TYPES } from '../../../src/domain/case/acts.js';
import { DEFAULT_TEMPLATES } from '../../../src/domain/drafting/default-templates.js';
import { renderDecision, writtenDate, type DraftCase } from '../../../src/domain/drafting/render.js';
import { checkTemplate, type DecisionTemplate } from '../../../src/domain/drafting/template.js';
import { RuleViolation } from '../../../src/domain/errors.js';

const FILE: DraftCase = {
  agency: 'county-market',
  caseId: 'c-9',
  title: '某超市销售过期食品案',
  itemName: '食品经营许可',
  parties: [
    { kind: 'person', name: '王某', idNumber: '110101199001011234', address: '县城北路 2 号', phone: '13800000000' },
    { kind: 'organization', name: '某某超市有限公司', idNumber: '91110000MA01234567' },
  ],
  findings: ['货架上有过期食品 12 件', '未建立进货查验记录'],
  evidence: ['现场检查笔录', '照片 6 张'],
};
const proposal = (decisionType: (typeof DECISION_TYPES)[number], fineFen?: number) => ({
  decisionType,
  ...(fineFen === undefined ? {} : { fineFen }),
  legalBasis: '《食品安全法》第一百二十四条',
  documentNo: '县市监罚〔2026〕12号',
  decidedOn: '2026-04-01',
});
const text = (template: DecisionTemplate, p: ReturnType<typeof proposal>, file = FILE) =>
  renderDecision(template, file, p)
    .blocks.map((b) => b.text)
    .join('\n');

const TITLES: Record<(typeof DECISION_TYPES)[number], string> = {
  warning: '行政处罚决定书',
  fine: '行政处罚决定书',
  confiscation: '行政处罚决定书',
  business_suspension: '行政处罚决定书',
  license_suspension: '行政处罚决定书',
  license_revocation: '行政处罚决定书',
  license_granted: '准予行政许可决定书',
  license_denied: '不予行政许可决定书',
  coercive_measure: '行政强制措施决定书',
  other: '行政处理决定书',
};

describe('decision templates and the renderer', () => {
  it.each(DECISION_TYPES)(
    'when a %s is drafted with the default template, then the document has its title and no placeholder is left',
    (type) => {
      const template = DEFAULT_TEMPLATES[type];
      expect(() => checkTemplate(template)).not.toThrow();
      const model = renderDecision(template, FILE, proposal(type));
      expect(model.title).toBe(TITLES[type]);
      expect(model.documentNo).toBe('县市监罚〔2026〕12号');
      const all = model.blocks.map((b) => b.text).join('\n');
      expect(all).not.toMatch(/[{}]/);
      expect(all).toContain('《食品安全法》第一百二十四条');
      expect(all).toContain('2026年4月1日');
    },
  );

  it('when a fine is drafted, then the amount is written in capitals and figures, with how to pay', () => {
    const all = text(DEFAULT_TEMPLATES.fine, proposal('fine', 150_000));
    expect(all).toContain('处罚款人民币壹仟伍佰元整（1,500.00 元）。');
    expect(all).toContain('十五日内');
  });

  it('when another penalty comes with a fine, then the fine is added to it', () => {
    expect(text(DEFAULT_TEMPLATES.confiscation, proposal('confiscation', 200_000))).toContain(
      '没收违法所得、非法财物，并处罚款人民币贰仟元整（2,000.00 元）。',
    );
  });

  it('when a penalty is drafted, then the remedies name review within 60 days and suit within 6 months', () => {
    const all = text(DEFAULT_TEMPLATES.warning, proposal('warning'));
    expect(all).toContain('自收到本决定书之日起60日内');
    expect(all).toContain('申请行政复议');
    expect(all).toContain('6个月内');
    expect(all).toContain('提起行政诉讼');
  });

  it('when the parties are listed, then a person has name, id number and address, an organisation its credit code, and no phone is written', () => {
    const model = renderDecision(DEFAULT_TEMPLATES.fine, FILE, proposal('fine', 100));
    const entries = model.blocks.filter((b) => b.kind === 'entry').map((b) => b.text);
    expect(entries.slice(0, 2)).toEqual([
      '姓名：王某，身份证件号码：110101199001011234，住址：县城北路 2 号',
      '名称：某某超市有限公司，统一社会信用代码：91110000MA01234567',
    ]);
    expect(model.blocks.map((b) => b.text).join('')).not.toContain('13800000000');
  });

  it('when the officer states no facts, then the findings are used; stated facts replace them; none at all leaves a visible gap', () => {
    expect(text(DEFAULT_TEMPLATES.warning, proposal('warning'))).toContain(
      '经查，货架上有过期食品 12 件；未建立进货查验记录',
    );
    expect(text(DEFAULT_TEMPLATES.warning, { ...proposal('warning'), facts: '当事人销售过期食品' } as never)).toContain(
      '经查，当事人销售过期食品',
    );
    expect(text(DEFAULT_TEMPLATES.warning, proposal('warning'), { ...FILE, findings: [], evidence: [] })).toContain(
      '经查，（待填写）',
    );
  });

  it('when the stated facts begin with the words the template leads them in with, then those words are written once', () => {
    const stated = (facts: string) => text(DEFAULT_TEMPLATES.warning, { ...proposal('warning'), facts } as never);
    expect(stated('经查，当事人销售过期食品')).toContain('经查，当事人销售过期食品');
    expect(stated('经查，当事人销售过期食品')).not.toContain('经查，经查');
    expect(stated('经审查：当事人销售过期食品')).toContain('经查，当事人销售过期食品');
    // words that merely begin alike are the officer's own
    expect(stated('经查明的事实如下：当事人销售过期食品')).toContain('经查，经查明的事实如下');
  });

  it('when an agency template names its issuer and remedies, then the document uses them and the closing is right-aligned', () => {
    const template = {
      ...DEFAULT_TEMPLATES.license_denied,
      issuer: '某某县市场监督管理局',
      remedies: { reviewBody: '某某县人民政府', reviewDays: 60, court: '某某县人民法院', litigationMonths: 6 },
    };
    const model = renderDecision(template, FILE, proposal('license_denied'));
    expect(model.issuer).toBe('某某县市场监督管理局');
    const all = model.blocks.map((b) => b.text).join('\n');
    expect(all).toContain('向某某县人民政府申请行政复议');
    expect(all).toContain('向某某县人民法院提起行政诉讼');
    expect(model.blocks.slice(-2)).toEqual([
      { kind: 'paragraph', text: '某某县市场监督管理局（印章）', align: 'right' },
      { kind: 'paragraph', text: '2026年4月1日', align: 'right' },
    ]);
  });

  it('when the template names no issuer, then the document is issued in the name the agency recorded, else its code', () => {
    const named = renderDecision(
      DEFAULT_TEMPLATES.warning,
      { ...FILE, agencyName: '某某县司法局' },
      proposal('warning'),
    );
    expect(named.issuer).toBe('某某县司法局');
    expect(named.blocks.at(-2)).toEqual({ kind: 'paragraph', text: '某某县司法局（印章）', align: 'right' });
    expect(renderDecision(DEFAULT_TEMPLATES.warning, FILE, proposal('warning')).issuer).toBe(FILE.agency);
    // a template's own issuer stands
    const own = { ...DEFAULT_TEMPLATES.warning, issuer: '某某县市场监督管理局' };
    expect(renderDecision(own, { ...FILE, agencyName: '某某县司法局' }, proposal('warning')).issuer).toBe(
      '某某县市场监督管理局',
    );
  });

  it('when a template names an unknown placeholder or embeds a list one, then it is refused as template_invalid', () => {
    const base = DEFAULT_TEMPLATES.warning;
    const unknown = { ...base, sections: [{ paragraphs: ['{partyPhone}'] }] };
    const embedded = { ...base, sections: [{ paragraphs: ['当事人：{parties}'] }] };
    for (const bad of [unknown, embedded]) {
      const err = (() => {
        try {
          checkTemplate(bad);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(err).toBeInstanceOf(RuleViolation);
      expect((err as RuleViolation).code).toBe('template_invalid');
    }
  });

  it('when a date is written, then it reads as on official documents', () => {
    expect(writtenDate('2026-12-09')).toBe('2026年12月9日');
  });
});
