import fs from 'node:fs';
import path from 'node:path';
import { DecisionTemplates } from '../../../src/app/decision-templates.js';
import type { CommandDependencies } from '../../../src/app/command-handler.js';
import { DECISION_TYPES } from '../../../src/domain/case/acts.js';
import {
  agencyTemplateDecider,
  type AgencyTemplateEvent,
  type AgencyTemplateState,
  type SetDecisionTemplate,
} from '../../../src/domain/drafting/agency-templates.js';
import { DEFAULT_TEMPLATES } from '../../../src/domain/drafting/default-templates.js';
import { renderDecision } from '../../../src/domain/drafting/render.js';
import { PLACEHOLDERS, type DecisionTemplate } from '../../../src/domain/drafting/template.js';
import { InvalidBody, loadValidators } from '../../../src/http/validation.js';
import { specification } from '../../support/decider-spec.js';
import { actors } from '../../support/domain.js';

const AGENCY = 'county-justice';
const OWN: DecisionTemplate = {
  title: '司法行政处罚决定书',
  issuer: '某县司法局',
  sections: [
    { heading: '当事人', paragraphs: ['{parties}'] },
    { heading: '查明的事实', paragraphs: ['本局查明：{facts}'] },
    { paragraphs: ['依照{legalBasis}，本局决定：{decision}'] },
    { align: 'right', paragraphs: ['{issuer}', '{decidedOn}'] },
  ],
  remedies: { reviewBody: '某县人民政府', reviewDays: 60, court: '某县人民法院', litigationMonths: 6 },
};

const set = (template: DecisionTemplate | null, more: Partial<SetDecisionTemplate> = {}): SetDecisionTemplate => ({
  type: 'SetDecisionTemplate',
  actor: actors.head,
  agency: AGENCY,
  decisionType: 'fine',
  template,
  reason: '本机关统一文书格式',
  ...more,
});
const setEvent = (version: number, template = OWN): AgencyTemplateEvent => ({
  type: 'DecisionTemplateSet',
  data: { decisionType: 'fine', version, template, reason: 'r' },
});

describe("an agency's own decision templates (本机关文书模板)", () => {
  const spec = specification(agencyTemplateDecider);

  it("when the agency's admin records a template, then it is version 1; the same again is refused as unchanged", () => {
    spec
      .given([])
      .when(set(OWN))
      .then([{ type: 'DecisionTemplateSet', data: { decisionType: 'fine', version: 1, template: OWN } }]);
    spec
      .given([setEvent(1)])
      .when(set(OWN))
      .thenFails('version_unchanged', 409);
    spec
      .given([setEvent(1)])
      .when(set({ ...OWN, title: '行政处罚决定书' }))
      .then([{ type: 'DecisionTemplateSet', data: { version: 2 } }]);
  });

  it('when the agency records the shipped template as it is (a form saved unchanged), then it is refused as unchanged, and no version is made', () => {
    spec.given([]).when(set(DEFAULT_TEMPLATES.fine)).thenFails('version_unchanged', 409);
    // after a return to the shipped template too
    const reset: AgencyTemplateEvent = {
      type: 'DecisionTemplateReset',
      data: { decisionType: 'fine', version: 2, reason: 'r' },
    };
    spec
      .given([setEvent(1), reset])
      .when(set(DEFAULT_TEMPLATES.fine))
      .thenFails('version_unchanged', 409);
    // a change to the shipped template is the agency's own, version 1
    spec
      .given([])
      .when(set({ ...DEFAULT_TEMPLATES.fine, issuer: '某县司法局' }))
      .then([{ type: 'DecisionTemplateSet', data: { version: 1 } }]);
  });

  it('when an officer, or the admin of another agency, records a template, then it is refused', () => {
    spec
      .given([])
      .when(set(OWN, { actor: actors.alice }))
      .thenFails('forbidden', 403);
    spec
      .given([])
      .when(set(OWN, { agency: 'city-market' }))
      .thenFails('forbidden', 403);
  });

  it('when a template names an unknown placeholder or puts {parties} inside a sentence, then it is refused', () => {
    const unknown = { ...OWN, sections: [{ paragraphs: ['罚款{amount}元'] }] };
    expect(spec.given([]).when(set(unknown)).thenFails('template_invalid', 422).details).toEqual({
      unknown: ['amount'],
    });
    const embedded = { ...OWN, sections: [{ paragraphs: ['当事人：{parties}'] }] };
    spec.given([]).when(set(embedded)).thenFails('template_invalid', 422);
  });

  it('when the agency returns to the shipped template, then a reset is recorded once, and a later template counts on', () => {
    spec.given([]).when(set(null)).thenFails('version_unchanged', 409);
    spec
      .given([setEvent(1)])
      .when(set(null))
      .then([{ type: 'DecisionTemplateReset', data: { decisionType: 'fine', version: 2 } }]);
    const reset: AgencyTemplateEvent = {
      type: 'DecisionTemplateReset',
      data: { decisionType: 'fine', version: 2, reason: 'r' },
    };
    spec
      .given([setEvent(1), reset])
      .when(set(null))
      .thenFails('version_unchanged', 409);
    spec
      .given([setEvent(1), reset])
      .when(set(OWN))
      .then([{ type: 'DecisionTemplateSet', data: { version: 3 } }]);
  });
});

describe('the JSON Schema of a template (set-decision-template)', () => {
  const validate = loadValidators(path.resolve(__dirname, '../../../schemas'));
  const ID = 'urn:evidence-ledger:schema:command:set-decision-template';
  const accepts = (template: unknown) => {
    try {
      validate(ID, { template, reason: 'r' });
      return true;
    } catch (err) {
      if (err instanceof InvalidBody) return false;
      throw err;
    }
  };

  it('when the shipped templates and an own one are sent, then each is accepted, and so is null (back to default)', () => {
    for (const type of DECISION_TYPES) expect([type, accepts(DEFAULT_TEMPLATES[type])]).toEqual([type, true]);
    expect(accepts(OWN)).toBe(true);
    expect(accepts(null)).toBe(true);
  });

  it('when the schema lists the placeholders, then they are exactly the ones the renderer fills', () => {
    const schema = JSON.parse(
      fs.readFileSync(path.resolve(__dirname, '../../../schemas/commands/set-decision-template.schema.json'), 'utf8'),
    );
    const pattern = String(schema.$defs.text.pattern);
    const names = /\\\{\(\?:([^)]*)\)\\\}/.exec(pattern)![1]!.split('|');
    expect(names.sort()).toEqual([...PLACEHOLDERS].sort());
  });

  it('when a template names an unknown placeholder, holds stray braces or code, or is oversized, then it is refused', () => {
    const paragraph = (text: string) => ({ ...OWN, sections: [{ paragraphs: [text] }] });
    expect(accepts(paragraph('罚款{amount}元'))).toBe(false);
    expect(accepts(paragraph('${process.exit()}'))).toBe(false);
    expect(accepts(paragraph('{{decision}}'))).toBe(false);
    expect(accepts({ ...OWN, issuer: '{issuer}' })).toBe(false);
    expect(accepts({ ...OWN, title: '书'.repeat(101) })).toBe(false);
    expect(accepts(paragraph('文'.repeat(2001)))).toBe(false);
    expect(accepts({ ...OWN, sections: Array.from({ length: 21 }, () => ({ paragraphs: ['x'] })) })).toBe(false);
    expect(accepts({ ...OWN, script: 'alert(1)' })).toBe(false);
    expect(accepts({ ...OWN, remedies: { ...OWN.remedies, reviewDays: 0 } })).toBe(false);
  });
});

describe('the choice of template when drafting', () => {
  const states = new Map<string, AgencyTemplateState>();
  const templates = new DecisionTemplates({} as CommandDependencies, {
    decisionTemplate: async (agency, type) => states.get(`${agency}/${type}`) ?? { version: 0 },
  });

  it('when the agency has no template of its own, then the shipped one is used and the draft says "default"', async () => {
    const chosen = await templates.lookup(AGENCY, 'fine');
    expect(chosen).toEqual({ template: DEFAULT_TEMPLATES.fine, used: { source: 'default' } });
  });

  it("when the agency's template is in force, then it is used with the agency and version; after a reset, the default", async () => {
    states.set(`${AGENCY}/fine`, { version: 3, template: OWN });
    expect(await templates.lookup(AGENCY, 'fine')).toEqual({
      template: OWN,
      used: { source: 'agency', agency: AGENCY, version: 3 },
    });
    expect((await templates.lookup('city-market', 'fine')).used).toEqual({ source: 'default' });
    expect((await templates.lookup(AGENCY, 'warning')).used).toEqual({ source: 'default' });
    states.set(`${AGENCY}/fine`, { version: 4 });
    expect((await templates.lookup(AGENCY, 'fine')).used).toEqual({ source: 'default' });
  });

  it("when a draft is rendered with the agency's template, then its title, issuer and own wording are in the document", () => {
    const model = renderDecision(
      OWN,
      {
        agency: AGENCY,
        caseId: 'c-1',
        title: '某律所未公示执业信息案',
        parties: [{ kind: 'organization', name: '某某律师事务所' }],
        findings: ['执业场所未公示律师执业信息'],
        evidence: [],
      },
      {
        decisionType: 'fine',
        fineFen: 150_000,
        legalBasis: '《律师法》第五十条',
        documentNo: '县司罚〔2026〕7号',
        decidedOn: '2026-03-02',
      },
    );
    expect(model.title).toBe('司法行政处罚决定书');
    expect(model.issuer).toBe('某县司法局');
    const text = model.blocks.map((b) => b.text);
    expect(text).toContain('本局查明：执业场所未公示律师执业信息');
    expect(text).toContain('依照《律师法》第五十条，本局决定：处罚款人民币壹仟伍佰元整（1,500.00 元）。');
    expect(text.join('\n')).not.toContain('救济途径');
  });
});
