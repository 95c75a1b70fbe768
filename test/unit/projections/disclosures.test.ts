import { PROJECTIONS } from '../../../projections/index.js';
import { DISCLOSURES, disclosuresProjection, type DisclosureDoc } from '../../../projections/disclosures.js';
import { caseKey } from '../../../projections/case-files.js';
import type { EventEnvelope } from '../../../src/ledger/envelope.js';
import { act, actors, record } from '../../support/domain.js';
import { project, StreamWriter } from '../../support/projection-spec.js';

const PERSON = { kind: 'person' as const, name: '张三丰', idNumber: '140521199001011234', phone: '13912345678' };
const FIRM = { kind: 'organization' as const, name: '某某律师事务所', address: '城关镇人民路 18 号' };

const opened = (caseId: string) =>
  act('CaseOpened', {
    caseId,
    itemCode: 'P-001',
    title: '张三丰未公示执业信息案',
    openedOn: '2019-09-02',
    officers: ['alice', 'bob'],
    parties: [PERSON, FIRM],
  });
const decided = act('DecisionIssued', {
  decisionType: 'fine',
  fineFen: 500_000,
  legalBasis: '《律师法》第五十条',
  documentNo: '县司罚〔2019〕42号',
  decidedOn: '2019-09-27',
});
const disclosed = act('DecisionDisclosed', { publishedOn: '2019-10-08' });
const updated = act('DisclosureUpdated', { reason: '更正文书号' }, { occurredAt: '2019-10-09T10:00:00+08:00' });
const withdrawn = act(
  'DisclosureWithdrawn',
  { reason: '决定已被复议撤销，联系电话 13912345678' },
  { occurredAt: '2019-11-01T15:00:00+08:00' },
);

/** The registry the case reads (item name and category), then the case's events, each recorded at `times[i]`. */
function events(caseId: string, commands: ReturnType<typeof act>[], times: string[] = []): EventEnvelope[] {
  const writer = new StreamWriter();
  const registry = writer.registry('item-county-justice:P-001', 'ItemRegistered', {
    code: 'P-001',
    agency: 'county-justice',
    name: '未按规定公示执业信息',
    category: 'penalty',
    legalBasis: '《律师法》第五十条',
  });
  const sealed = writer.caseEvents(caseId, record(...commands));
  return [...registry, ...sealed.map((e, i) => (times[i] ? { ...e, recordedAt: times[i] } : e))];
}

const exempted = act(
  'DisclosureExempted',
  { ground: 'personal_privacy', legalBasis: '《政府信息公开条例》第十五条', reason: '涉及未成年人个人隐私' },
  { actor: actors.head, occurredAt: '2019-09-30T10:00:00+08:00' },
);

const entry = (docs: ReturnType<typeof project>, caseId = '2019-042') =>
  docs.get<DisclosureDoc>(DISCLOSURES, caseKey('county-justice', caseId));

describe('the disclosures projection', () => {
  it('is applied after the case-files projection, whose documents it reads', () => {
    const names = PROJECTIONS.map((p) => p.name);
    expect(names.indexOf('disclosures')).toBeGreaterThan(names.indexOf('case-files'));
    expect(disclosuresProjection.collections[0]!.indexes).toEqual(
      expect.arrayContaining(['agency', 'category', 'itemCode', 'publishedOn', 'updatedAt', 'status']),
    );
  });

  it('when an entry is searched, then its text is the document number, item and redacted party names, nothing else', () => {
    const docs = project(PROJECTIONS, events('2019-042', [opened('2019-042'), decided, disclosed]));
    const text = disclosuresProjection.collections[0]!.text!(entry(docs)!);
    // in its search fold: every bracket as round ASCII ones (src/domain/search-fold.ts)
    expect(text.split('\n')).toEqual(['县司罚(2019)42号', 'P-001', '未按规定公示执业信息', '张**', '某某律师事务所']);
    expect(text).not.toMatch(/张三丰|140521199001011234|13912345678|人民路|《律师法》/);
  });

  it('when a decision is disclosed, then the entry has the decision and the parties redacted', () => {
    const docs = project(PROJECTIONS, events('2019-042', [opened('2019-042'), decided, disclosed]));
    expect(entry(docs)).toEqual({
      caseId: '2019-042',
      agency: 'county-justice',
      itemCode: 'P-001',
      itemName: '未按规定公示执业信息',
      category: 'penalty',
      decisionType: 'fine',
      fineFen: 500_000,
      legalBasis: '《律师法》第五十条',
      documentNo: '县司罚〔2019〕42号',
      decidedOn: '2019-09-27',
      publishedOn: '2019-10-08',
      updatedAt: '2026-11-20T01:31:00.000Z',
      parties: [
        { kind: 'person', name: '张**' },
        { kind: 'organization', name: '某某律师事务所' },
      ],
      status: 'published',
      position: 4,
      eventId: '00000000-0000-7000-8000-000000000002',
      eventHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      disclosedEventId: '00000000-0000-7000-8000-000000000002',
      dueBy: '2019-10-12',
      onTime: true,
    });
    const text = JSON.stringify(docs.all(DISCLOSURES));
    for (const secret of ['张三丰', '140521199001011234', '13912345678', '人民路', 'idNumber', 'phone', 'address']) {
      expect(text).not.toContain(secret);
    }
  });

  it('when a decision is issued but not disclosed, then there is no entry', () => {
    const docs = project(PROJECTIONS, events('2019-042', [opened('2019-042'), decided]));
    expect(docs.get('cases', caseKey('county-justice', '2019-042'))).toBeDefined();
    expect(docs.all(DISCLOSURES)).toEqual([]);
  });

  it('when the disclosure is updated, then the same entry is replaced with a new updatedAt, position, event and the update', () => {
    const times = ['', '', '2019-10-08T02:00:00.000Z', '2019-10-09T02:00:00.000Z'];
    const all = events('2019-042', [opened('2019-042'), decided, disclosed, updated], times);
    const before = entry(project(PROJECTIONS, all.slice(0, -1)))!;
    const docs = project(PROJECTIONS, all);
    expect(docs.all(DISCLOSURES)).toHaveLength(1);
    const after = entry(docs)!;
    expect(before.updatedAt).toBe('2019-10-08T02:00:00.000Z');
    expect(after).toEqual({
      ...before,
      updatedAt: '2019-10-09T02:00:00.000Z',
      position: before.position + 1,
      eventId: all.at(-1)!.id,
      eventHash: all.at(-1)!.hash,
      updates: [{ updatedAt: '2019-10-09T10:00:00+08:00', reason: '更正文书号' }],
    });
    expect(before.eventId).toBe(all.at(-2)!.id);
    // what a disclosure's timeliness is of stays its DecisionDisclosed event (docs/integrity.md §15.5)
    expect(after.disclosedEventId).toBe(all.at(-2)!.id);
  });

  it('when the disclosure is withdrawn, then only a withdrawal notice remains, its decision type the one thing of the decision it keeps', () => {
    const times = ['', '', '', '2019-11-01T07:00:00.000Z'];
    const docs = project(PROJECTIONS, events('2019-042', [opened('2019-042'), decided, disclosed, withdrawn], times));
    expect(entry(docs)).toEqual({
      caseId: '2019-042',
      agency: 'county-justice',
      itemCode: 'P-001',
      itemName: '未按规定公示执业信息',
      category: 'penalty',
      decisionType: 'fine',
      documentNo: '县司罚〔2019〕42号',
      publishedOn: '2019-10-08',
      updatedAt: '2019-11-01T07:00:00.000Z',
      status: 'withdrawn',
      withdrawal: { withdrawnAt: '2019-11-01T15:00:00+08:00', reason: '决定已被复议撤销，联系电话 [已删除]' },
      position: 5,
      eventId: expect.any(String),
      eventHash: expect.any(String),
    });
    expect(JSON.stringify(entry(docs))).not.toMatch(/fineFen|parties|legalBasis|dueBy|onTime|13912345678/);
  });

  it('when other cases and registry events pass, then only disclosed cases have entries, keyed by agency and case id', () => {
    const writer = new StreamWriter();
    const log = [
      ...writer.registry('officer-county-justice:alice', 'OfficerRegistered', {
        officerId: 'alice',
        agency: 'county-justice',
      }),
      ...writer.caseEvents('a-1', record(opened('a-1'), decided, disclosed)),
      ...writer.caseEvents('a-2', record(opened('a-2'))),
    ];
    const docs = project(PROJECTIONS, log);
    expect(docs.all<DisclosureDoc>(DISCLOSURES).map((d) => d.caseId)).toEqual(['a-1']);
    // without the registry's item, the entry has no category or item name, and is published all the same
    expect(entry(docs, 'a-1')).toMatchObject({ status: 'published', itemCode: 'P-001' });
    expect(entry(docs, 'a-1')).not.toHaveProperty('category');
  });

  it('when the decision carries no fine, then the entry has no fineFen (never a fine of 0)', () => {
    const warning = act('DecisionIssued', {
      decisionType: 'warning',
      legalBasis: '《律师法》第五十条',
      documentNo: '县司告〔2019〕7号',
      decidedOn: '2019-09-27',
    });
    const docs = project(PROJECTIONS, events('2019-042', [opened('2019-042'), warning, disclosed]));
    expect(entry(docs)).toMatchObject({ status: 'published', decisionType: 'warning' });
    expect(entry(docs)).not.toHaveProperty('fineFen');
  });

  it('when a decision is exempted from publication, then there is no entry; nothing of the exemption is public', () => {
    const docs = project(PROJECTIONS, events('2019-042', [opened('2019-042'), decided, exempted]));
    expect(docs.get('cases', caseKey('county-justice', '2019-042'))).toMatchObject({ status: 'exempted' });
    expect(docs.all(DISCLOSURES)).toEqual([]);
  });

  it('when a published decision is withdrawn and then exempted, then only the withdrawal notice remains', () => {
    const exemptedLater = act('DisclosureExempted', exempted.act.data as never, {
      actor: actors.head,
      occurredAt: '2019-11-02T10:00:00+08:00',
    });
    const commands = [opened('2019-042'), decided, disclosed, withdrawn, exemptedLater];
    const docs = project(PROJECTIONS, events('2019-042', commands));
    expect(entry(docs)).toMatchObject({ status: 'withdrawn' });
    expect(JSON.stringify(docs.all(DISCLOSURES))).not.toMatch(/personal_privacy|未成年人|第十五条|fineFen/);
  });
});
