import { CASE_ACTS, CASES, caseFilesProjection, caseKey, type CaseFileDoc } from '../../../projections/case-files.js';
import {
  CASE_TEXTS,
  caseText,
  indexedText,
  MAX_SEARCH_CHARS,
  type CaseTextDoc,
} from '../../../projections/case-texts.js';
import {
  PROPOSED_CASES,
  proposedBucket,
  proposedCasesKey,
  type ProposedCasesDoc,
} from '../../../projections/case-major.js';
import { PROJECTIONS } from '../../../projections/index.js';
import type { OfficerDoc, ItemDoc } from '../../../projections/registry.js';
import type { EventEnvelope } from '../../../src/ledger/envelope.js';
import { act, actors, CHECKS_PASSED, items, opened, photo, record, video } from '../../support/domain.js';
import { MemoryDocs, project, StreamWriter } from '../../support/projection-spec.js';

const AGENCY = 'county-justice';
const BASIS = '《律师法》第五十条';

/** The registry as the case file reads it: officers alice and bob, and item P-001 (major from 1,000,000 fen). */
function registry(writer: StreamWriter): EventEnvelope[] {
  const officer = (officerId: string, name: string) =>
    writer.registry(`officer-${AGENCY}:${officerId}`, 'OfficerRegistered', {
      officerId,
      name,
      agency: AGENCY,
      certificateNo: `1405-${officerId}`,
      validFrom: '2018-01-01',
      validTo: '2030-12-31',
      roles: ['officer'],
    });
  return [
    ...officer('alice', '李执法'),
    ...officer('bob', '王执法'),
    ...writer.registry(`item-${AGENCY}:P-001`, 'ItemRegistered', { ...items['P-001'] }),
  ];
}

const review = act(
  'LegalReviewCompleted',
  { outcome: 'approved', opinion: '同意', checks: CHECKS_PASSED },
  { actor: actors.rita, occurredAt: '2019-09-25T10:00:00+08:00' },
);
const propose = act('LegalReviewRequested', {
  proposed: { decisionType: 'fine', fineFen: 2_000_000, legalBasis: BASIS },
});
const warning = () =>
  act('DecisionIssued', {
    decisionType: 'warning',
    legalBasis: BASIS,
    documentNo: '县司告〔2019〕1号',
    decidedOn: '2019-09-26',
  });
const decide = act('DecisionIssued', {
  decisionType: 'fine',
  fineFen: 2_000_000,
  legalBasis: BASIS,
  documentNo: '县司罚〔2019〕7号',
  decidedOn: '2019-09-26',
});

function caseFile(envelopes: EventEnvelope[]): CaseFileDoc {
  return project(PROJECTIONS, envelopes).file(AGENCY, '2019-042')!;
}

describe('the case-file projection', () => {
  it('given an opening recorded days after the day it names, then the last activity is that day, and a later act moves it', () => {
    const writer = new StreamWriter();
    const opening = opened();
    const late = { ...opening, act: { ...opening.act, occurredAt: '2019-09-20T20:00:00Z' } };
    const openedOnly = record(late as typeof opening);
    expect(caseFile([...registry(writer), ...writer.caseEvents('2019-042', openedOnly)]).lastActivityOn).toBe(
      '2019-09-02',
    );
    const writer2 = new StreamWriter();
    const events = record(
      late as typeof opening,
      act('EvidenceCollected', { description: '现场照片' }, { occurredAt: '2019-09-21T10:00:00+08:00' }),
    );
    expect(caseFile([...registry(writer2), ...writer2.caseEvents('2019-042', events)]).lastActivityOn).toBe(
      '2019-09-21',
    );
  });

  it('given an opening and evidence, then the file has the item, officers by name, the timeline with hashes and the media', () => {
    const writer = new StreamWriter();
    const events = record(
      opened(),
      act('EvidenceCollected', { description: '现场照片' }, { media: [photo], officers: ['alice', 'bob'] }),
    );
    const envelopes = writer.caseEvents('2019-042', events);
    const file = caseFile([...registry(writer), ...envelopes]);
    expect(file).toMatchObject({
      caseId: '2019-042',
      agency: AGENCY,
      itemCode: 'P-001',
      itemName: items['P-001']!.name,
      itemCategory: 'penalty',
      status: 'open',
      major: false,
      revision: 1,
      openedOn: '2019-09-02',
      officers: ['alice', 'bob'],
      handlingOfficers: [
        { officerId: 'alice', name: '李执法', certificateNo: '1405-alice' },
        { officerId: 'bob', name: '王执法', certificateNo: '1405-bob' },
      ],
      parties: [{ kind: 'organization', name: '某某律师事务所' }],
    });
    expect(file.timeline.map((t) => [t.type, t.revision, t.hash, t.eventId])).toEqual(
      envelopes.map((e) => [e.type, e.revision, e.hash, e.id]),
    );
    expect(file.timeline[1]).toMatchObject({ officers: ['alice', 'bob'], media: [photo.sha256], recordedBy: 'alice' });
    expect(file.media).toEqual([{ ...photo, eventIds: [envelopes[1]!.id] }]);
    expect(file.evidence).toEqual([
      expect.objectContaining({ eventId: envelopes[1]!.id, description: '现场照片', media: [photo.sha256] }),
    ]);
    expect(file.completeness).toEqual({
      recordings: { status: 'not_applicable', missing: [] },
      legalReview: { status: 'not_applicable' },
      disclosure: { status: 'not_applicable' },
      service: { status: 'not_applicable' },
    });
  });

  it('given a major fine through review, decision, disclosure and service, then the file shows each step and completes', () => {
    const writer = new StreamWriter();
    const before = record(opened(), propose);
    const proposed = caseFile([...registry(writer), ...writer.caseEvents('2019-042', before)]);
    expect(proposed).toMatchObject({ major: true, completeness: { legalReview: { status: 'pending' } } });

    const writer2 = new StreamWriter();
    const all = record(
      opened(),
      propose,
      review,
      decide,
      act('DecisionDisclosed', { publishedOn: '2019-09-27' }),
      act('DocumentServed', { document: '处罚决定书', method: 'direct' }, { officers: ['alice', 'bob'] }),
    );
    const file = caseFile([...registry(writer2), ...writer2.caseEvents('2019-042', all)]);
    expect(file.status).toBe('disclosed');
    expect(file.reviews).toEqual([
      expect.objectContaining({
        outcome: 'approved',
        reviewer: 'rita',
        opinion: '同意',
        checks: CHECKS_PASSED,
        proposal: { decisionType: 'fine', fineFen: 2_000_000, legalBasis: BASIS },
      }),
    ]);
    expect(file.decision).toMatchObject({
      decisionType: 'fine',
      fineFen: 2_000_000,
      documentNo: '县司罚〔2019〕7号',
      decidedOn: '2019-09-26',
      major: true,
      disclosedOn: '2019-09-27',
      disclosedOnTime: true,
    });
    expect(file.decision!.disclosureDueBy > '2019-09-26').toBe(true);
    expect(file.completeness).toMatchObject({
      legalReview: { status: 'complete' },
      disclosure: { status: 'complete' },
      service: { status: 'complete' },
    });
    expect(file.audit).toEqual({ missingRecordings: false, decided: true, disclosed: true, discretionOutside: false });
  });

  it('when a review disagreement is resolved with proposal_upheld and the decision is issued, then the case file shows the legal review as cleared', () => {
    const writer = new StreamWriter();
    const rejected = act(
      'LegalReviewCompleted',
      {
        outcome: 'rejected',
        opinion: '证据不足以支持该罚款数额',
        checks: { ...CHECKS_PASSED, evidenceSufficient: false },
      },
      { actor: actors.rita, occurredAt: '2019-09-25T10:00:00+08:00' },
    );
    const upheld = act(
      'ReviewDisagreementResolved',
      { outcome: 'proposal_upheld', reasoning: '集体讨论决定' },
      { actor: actors.head, occurredAt: '2019-09-26T09:00:00+08:00' },
    );
    const resolved = record(opened(), propose, rejected, upheld);
    const beforeDecision = caseFile([...registry(writer), ...writer.caseEvents('2019-042', resolved)]);
    expect(beforeDecision.completeness.legalReview).toEqual({ status: 'complete', clearedBy: 'coordination' });

    const writer2 = new StreamWriter();
    const events = record(opened(), propose, rejected, upheld, decide);
    const file = caseFile([...registry(writer2), ...writer2.caseEvents('2019-042', events)]);
    expect(file).toMatchObject({ status: 'decided', major: true, decision: { decisionType: 'fine', major: true } });
    expect(file.reviews).toEqual([expect.objectContaining({ outcome: 'rejected', resolution: 'proposal_upheld' })]);
    expect(file.completeness.legalReview).toEqual({ status: 'complete', clearedBy: 'coordination' });
  });

  it('when the head upholds the review opinion, then the case file keeps the legal review pending', () => {
    const writer = new StreamWriter();
    const rejected = act(
      'LegalReviewCompleted',
      { outcome: 'rejected', opinion: '事实不清', checks: { ...CHECKS_PASSED, factsClear: false } },
      { actor: actors.rita, occurredAt: '2019-09-25T10:00:00+08:00' },
    );
    const reviewUpheld = act(
      'ReviewDisagreementResolved',
      { outcome: 'review_upheld', reasoning: '采纳审核意见' },
      { actor: actors.head, occurredAt: '2019-09-26T09:00:00+08:00' },
    );
    const events = record(opened(), propose, rejected, reviewUpheld);
    const file = caseFile([...registry(writer), ...writer.caseEvents('2019-042', events)]);
    expect(file.completeness.legalReview).toEqual({ status: 'pending' });
  });

  it('given a decision without disclosure or service, then both are pending', () => {
    const writer = new StreamWriter();
    const events = record(opened('I-001'), warning());
    const file = project(PROJECTIONS, writer.caseEvents('2019-042', events)).file(AGENCY, '2019-042')!;
    expect(file.completeness).toMatchObject({ disclosure: { status: 'pending' }, service: { status: 'pending' } });
    expect(file.audit).toMatchObject({ decided: true, disclosed: false });
  });

  it('given a seizure with its video and a correction, then the recording check passes and the correction sits beside the act', () => {
    const writer = new StreamWriter();
    const seized = act(
      'PropertySeized',
      { items: '设备两台', legalBasis: '第二十条' },
      { media: [video], officers: ['alice', 'bob'] },
    );
    const events = record(opened(), seized);
    const correction = act('RecordCorrected', {
      corrects: events[1]!.id,
      reason: '笔误',
      data: { items: '设备三台' },
    });
    const all = [...events, ...record(opened(), seized, correction).slice(2)];
    const envelopes = writer.caseEvents('2019-042', all);
    const file = project(PROJECTIONS, envelopes).file(AGENCY, '2019-042')!;
    expect(file.completeness.recordings).toEqual({ status: 'complete', missing: [] });
    expect(file.timeline[1]!.corrections).toEqual([
      { eventId: envelopes[2]!.id, occurredAt: envelopes[2]!.occurredAt, reason: '笔误', data: { items: '设备三台' } },
    ]);
    expect(file.timeline[1]!.data).toMatchObject({ items: '设备两台' }); // the act as first recorded stays
    expect(file.timeline[2]).toMatchObject({ type: 'RecordCorrected', corrects: events[1]!.id });
  });

  it('given a seizure recorded without audio or video (an imported record), then the file flags it until a recording is attached for it', () => {
    const writer = new StreamWriter();
    const [opening] = writer.caseEvents('2019-042', record(opened()));
    const draft = (id: string, type: string, data: Record<string, unknown>, media: (typeof photo)[]) => ({
      id,
      type,
      schemaVersion: 1,
      occurredAt: '2019-09-20T09:30:00+08:00',
      actor: actors.alice,
      data,
      media,
    });
    const [seizure] = writer.seal('case-county-justice:2019-042', [
      draft('00000000-0000-7000-8000-00000000a001', 'PropertySeized', { items: '设备', legalBasis: '第二十条' }, [
        photo,
      ]),
    ]);
    const flagged = project(PROJECTIONS, [opening!, seizure!]).file(AGENCY, '2019-042')!;
    expect(flagged.completeness.recordings).toEqual({ status: 'missing', missing: [seizure!.id] });
    expect(flagged.audit.missingRecordings).toBe(true);

    const [attached] = writer.seal('case-county-justice:2019-042', [
      draft(
        '00000000-0000-7000-8000-00000000a002',
        'RecordingAttached',
        { description: '补录视频', relatesTo: seizure!.id },
        [video],
      ),
    ]);
    const fixed = project(PROJECTIONS, [opening!, seizure!, attached!]).file(AGENCY, '2019-042')!;
    expect(fixed.completeness.recordings).toEqual({ status: 'complete', missing: [] });
    expect(fixed.audit.missingRecordings).toBe(false);
  });

  it('when a service by leaving recorded without a medium (an imported record) gets a photo attached for it, then its recording check completes', () => {
    const writer = new StreamWriter();
    const [opening] = writer.caseEvents('2019-042', record(opened()));
    const draft = (id: string, type: string, data: Record<string, unknown>, media: (typeof photo)[]) => ({
      id,
      type,
      schemaVersion: 1,
      occurredAt: '2019-09-20T09:30:00+08:00',
      actor: actors.alice,
      data,
      media,
    });
    const stream = 'case-county-justice:2019-042';
    const [served] = writer.seal(stream, [
      draft('00000000-0000-7000-8000-00000000b001', 'DocumentServed', { document: '通知书', method: 'left' }, []),
    ]);
    const flagged = project(PROJECTIONS, [opening!, served!]).file(AGENCY, '2019-042')!;
    expect(flagged.completeness.recordings).toEqual({ status: 'missing', missing: [served!.id] });

    const [attached] = writer.seal(stream, [
      draft(
        '00000000-0000-7000-8000-00000000b002',
        'RecordingAttached',
        { description: '留置送达现场照片', relatesTo: served!.id },
        [photo],
      ),
    ]);
    const fixed = project(PROJECTIONS, [opening!, served!, attached!]).file(AGENCY, '2019-042')!;
    expect(fixed.completeness.recordings).toEqual({ status: 'complete', missing: [] });
  });

  it('given a withdrawn publication, then the decision carries the withdrawal and the case is no longer disclosed', () => {
    const writer = new StreamWriter();
    const events = record(
      opened('I-001'),
      warning(),
      act('DecisionDisclosed', { publishedOn: '2019-09-27' }),
      act('DisclosureUpdated', { reason: '更正文号' }),
      act('DisclosureWithdrawn', { reason: '复议撤销' }),
    );
    const file = project(PROJECTIONS, writer.caseEvents('2019-042', events)).file(AGENCY, '2019-042')!;
    expect(file.status).toBe('withdrawn');
    expect(file.decision!.updates).toEqual([expect.objectContaining({ reason: '更正文号' })]);
    expect(file.decision!.withdrawn).toMatchObject({ reason: '复议撤销' });
    expect(file.audit.disclosed).toBe(false);
    // published, then taken down: the checklist says so, neither complete nor due again
    expect(file.completeness.disclosure).toEqual({ status: 'withdrawn' });
  });

  it('given a publication withdrawn and the decision then exempted, then the checklist says exempted', () => {
    const writer = new StreamWriter();
    const events = record(
      opened('I-001'),
      warning(),
      act('DecisionDisclosed', { publishedOn: '2019-09-27' }),
      act('DisclosureWithdrawn', { reason: '误将涉密决定公示' }),
      act(
        'DisclosureExempted',
        { ground: 'state_secret', legalBasis: '《保守国家秘密法》第二十八条', reason: '涉及国家秘密' },
        { actor: actors.head, occurredAt: '2019-09-27T10:00:00+08:00' },
      ),
    );
    const file = project(PROJECTIONS, writer.caseEvents('2019-042', events)).file(AGENCY, '2019-042')!;
    expect(file.completeness.disclosure).toEqual({ status: 'exempted' });
  });

  it('given a decision exempted from publication, then the file shows the exemption, its ground and who recorded it', () => {
    const writer = new StreamWriter();
    const events = record(
      opened('I-001'),
      warning(),
      act(
        'DisclosureExempted',
        { ground: 'state_secret', legalBasis: '《保守国家秘密法》第二十八条', reason: '涉及国家秘密' },
        { actor: actors.head, occurredAt: '2019-09-27T10:00:00+08:00' },
      ),
    );
    const file = project(PROJECTIONS, writer.caseEvents('2019-042', events)).file(AGENCY, '2019-042')!;
    expect(file.status).toBe('exempted');
    expect(file.decision!.exemption).toEqual({
      eventId: events[2]!.id,
      occurredAt: '2019-09-27T10:00:00+08:00',
      exemptedOn: '2019-09-27',
      recordedBy: 'head',
      recordedOn: '2026-11-20',
      ground: 'state_secret',
      legalBasis: '《保守国家秘密法》第二十八条',
      reason: '涉及国家秘密',
    });
    expect(file.completeness.disclosure).toEqual({ status: 'exempted' });
    expect(file.audit.disclosed).toBe(false);
  });

  it('given events of other streams or acts of a case never opened, then no case file appears', () => {
    const writer = new StreamWriter();
    const events = record(opened(), act('EvidenceCollected', { description: 'x' }, { officers: ['alice', 'bob'] }));
    const orphan = writer.caseEvents('never-opened', events.slice(1));
    const docs = project(PROJECTIONS, [...registry(writer), ...orphan]);
    expect(docs.all('cases')).toEqual([]);
    expect(
      docs
        .all<OfficerDoc>('officers')
        .map((o) => o.officerId)
        .sort(),
    ).toEqual(['alice', 'bob']);
    expect(docs.all<ItemDoc>('items')).toEqual([expect.objectContaining({ code: 'P-001', retired: false })]);
  });

  it('when a long case keeps adding text, then its searched text stops at the cap and each later act writes only its own row and the case row, whose size stays the same', () => {
    const writer = new StreamWriter();
    const description = '现场检查发现该所未按规定在执业场所公示律师执业信息，已拍照固定证据。'; // 36 characters
    const acts = Array.from({ length: 400 }, () => act('EvidenceCollected', { description }));
    const envelopes = [...registry(writer), ...writer.caseEvents('2019-042', record(opened(), ...acts))];
    const docs = new MemoryDocs(PROJECTIONS);
    const written: string[][] = [];
    const rowSizes: number[] = [];
    for (const envelope of envelopes) {
      const recorded = { position: docs.position + 1, event: envelope };
      written.push(caseFilesProjection.apply(recorded, docs).map((c) => c.collection));
      docs.apply([recorded]);
      const row = docs.get(CASES, caseKey(AGENCY, '2019-042'));
      if (row) rowSizes.push(JSON.stringify(row).length);
    }
    const text = docs.get<CaseTextDoc>(CASE_TEXTS, caseKey(AGENCY, '2019-042'))!;
    expect(text.chars).toBeLessThanOrEqual(MAX_SEARCH_CHARS);
    expect(text.chars).toBeGreaterThan(MAX_SEARCH_CHARS - description.length);
    const full = Math.floor(MAX_SEARCH_CHARS / description.length); // the acts whose text fits
    expect(written.at(-1)).toEqual([CASES, CASE_ACTS]);
    expect(written.slice(-100).every((w) => w.join() === [CASES, CASE_ACTS].join())).toBe(true);
    expect(written.at(-400 + full - 1)).toEqual([CASES, CASE_ACTS, CASE_TEXTS]);
    expect(new Set(rowSizes.slice(-300)).size).toBe(1); // the row does not grow with the acts
    expect(docs.file(AGENCY, '2019-042')!.timeline).toHaveLength(401);
  });

  it('when a case is decided, then its text enters the full-text index, which held nothing for it before', () => {
    const writer = new StreamWriter();
    const events = record(opened(), act('EvidenceCollected', { description: '现场照片显示未公示' }), warning());
    const envelopes = [...registry(writer), ...writer.caseEvents('2019-042', events)];
    const undecided = project(PROJECTIONS, envelopes.slice(0, -1));
    const open = undecided.get<CaseTextDoc>(CASE_TEXTS, caseKey(AGENCY, '2019-042'))!;
    expect(caseText(open)).toContain('现场照片显示未公示');
    expect(indexedText(open)).toBe('');
    const decided = undecided.apply(envelopes.slice(-1));
    const text = decided.get<CaseTextDoc>(CASE_TEXTS, caseKey(AGENCY, '2019-042'))!;
    expect(text.decided).toBe(true);
    expect(indexedText(text)).toBe(caseText(text));
    expect(indexedText(text)).toContain('现场照片显示未公示');
  });
});

describe('the major flag before and after the decision', () => {
  const { major: _criteria, ...plain } = items['P-001']!;
  const catalogue = (writer: StreamWriter, entries: object[], agency = AGENCY) =>
    writer.registry(
      `reviewcatalogue-${agency}:current`,
      'ReviewCatalogueAdjusted',
      { level: 'county', entries, reason: '动态调整', inForceFrom: '2019-09-21T09:00:00+08:00' },
      agency,
    );
  const fromTenThousand = { entryId: 'E-1', description: '罚款一万元以上', amountFenAtLeast: 1_000_000 };
  const amend = (writer: StreamWriter, itemCode: string, major: object) =>
    writer.registry(`item-${AGENCY}:${itemCode}`, 'ItemAmended', {
      changes: { major },
      reason: '调整重大执法决定标准',
    });
  /** Officers, an item P-001 with no major criteria of its own, and a case proposing a fine of 20,000 yuan. */
  const proposed = (writer: StreamWriter) => {
    const docs = project(PROJECTIONS, [
      ...registry(writer).filter((e) => e.type !== 'ItemRegistered'),
      ...writer.registry(`item-${AGENCY}:P-001`, 'ItemRegistered', { ...plain }),
      ...writer.caseEvents('2019-042', record(opened(), propose)),
    ]);
    return { docs, major: () => docs.file(AGENCY, '2019-042')! };
  };

  it('when the catalogue is adjusted after the proposal, then the file judges the proposal under it without waiting for another act', () => {
    const writer = new StreamWriter();
    const { docs, major } = proposed(writer);
    expect(major()).toMatchObject({ major: false, completeness: { legalReview: { status: 'not_applicable' } } });
    docs.apply(catalogue(writer, [fromTenThousand]));
    expect(major()).toMatchObject({ major: true, completeness: { legalReview: { status: 'pending' } } });
    // another agency's catalogue is not this case's
    docs.apply(catalogue(writer, [], 'city-market'));
    expect(major().major).toBe(true);
    docs.apply(catalogue(writer, [{ ...fromTenThousand, amountFenAtLeast: 5_000_000 }]));
    expect(major()).toMatchObject({ major: false, completeness: { legalReview: { status: 'not_applicable' } } });
  });

  it("when many cases await a decision, then they are spread over the agency's rows by key, all judged again, and a row is deleted once empty", () => {
    const writer = new StreamWriter();
    const caseIds = Array.from({ length: 40 }, (_, i) => `2019-${100 + i}`);
    const proposal = () =>
      act('LegalReviewRequested', { proposed: { decisionType: 'fine', fineFen: 2_000_000, legalBasis: BASIS } });
    const docs = project(PROJECTIONS, [
      ...registry(writer).filter((e) => e.type !== 'ItemRegistered'),
      ...writer.registry(`item-${AGENCY}:P-001`, 'ItemRegistered', { ...plain }),
      ...caseIds.flatMap((caseId) => writer.caseEvents(caseId, record(opened(), proposal()))),
    ]);
    const rows = () => [...(docs.collections.get(PROPOSED_CASES) ?? new Map<string, ProposedCasesDoc>())];
    expect(rows().length).toBeGreaterThan(1);
    const listed = rows().flatMap(([row, doc]) =>
      Object.entries((doc as ProposedCasesDoc).cases).map(([key, itemCode]) => {
        expect(row).toBe(proposedCasesKey(AGENCY, proposedBucket(key)));
        return [key, itemCode];
      }),
    );
    expect(listed.sort()).toEqual(caseIds.map((caseId) => [caseKey(AGENCY, caseId), 'P-001']).sort());
    docs.apply(catalogue(writer, [fromTenThousand]));
    for (const caseId of caseIds) expect(docs.file(AGENCY, caseId)!.major).toBe(true);
    for (const caseId of caseIds) {
      docs.apply(writer.caseEvents(caseId, record(opened(), proposal(), review, decide).slice(2)));
    }
    expect(rows()).toEqual([]);
  });

  it("when the item's own criteria are amended after the proposal, then the file follows them until the decision, and keeps the decision's finding after it", () => {
    const writer = new StreamWriter();
    const { docs, major } = proposed(writer);
    docs.apply(amend(writer, 'P-001', { fineFenAtLeast: 1_000_000 }));
    expect(major()).toMatchObject({ major: true, completeness: { legalReview: { status: 'pending' } } });
    // an amendment that leaves the criteria alone changes nothing
    docs.apply(writer.registry(`item-${AGENCY}:P-001`, 'ItemAmended', { changes: { name: '改名' }, reason: '更名' }));
    expect(major().major).toBe(true);
    docs.apply(amend(writer, 'P-001', { fineFenAtLeast: 3_000_000 }));
    expect(major().major).toBe(false);
    // decided as major (the decider's context holds P-001 major from 1,000,000 fen): that finding stays
    docs.apply(amend(writer, 'P-001', { fineFenAtLeast: 1_000_000 }));
    const decided = record(opened(), propose, review, decide).slice(2);
    docs.apply(writer.caseEvents('2019-042', decided));
    expect(major()).toMatchObject({ major: true, decision: { major: true } });
    docs.apply(amend(writer, 'P-001', { fineFenAtLeast: 9_000_000 }));
    docs.apply(catalogue(writer, []));
    expect(major()).toMatchObject({ major: true, completeness: { legalReview: { status: 'complete' } } });
  });
});
