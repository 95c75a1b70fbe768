// The log the projections part of `npm run bench` works on: realistic signed events (the registry of four
// agencies, cases of 20 acts and 2 access records each, a case of thousands of acts), seeded into an event store
// one event per append with the acts of concurrent cases interleaved as in service, and copies of a log's start.
import { randomBytes } from 'node:crypto';
import { systemClock } from '../src/adapters/clock/system-clock.js';
import { uuidv7Generator } from '../src/app/ids.js';
import { accessStream } from '../src/app/access-log.js';
import { caseStream } from '../src/domain/case/acts.js';
import { itemStream } from '../src/domain/registry/items.js';
import { officerStream } from '../src/domain/registry/officers.js';
import type { Signer } from '../src/ledger/ed25519.js';
import { sealEvents, type EventDraft, type StreamHead } from '../src/ledger/envelope.js';
import type { EventStore, Position } from '../src/ports/event-store.js';

/** Cases whose events are being recorded at the same time while seeding. */
export const SEED_WINDOW = 2000;
const DAY = 86_400_000;

const now = () => process.hrtime.bigint();
const secondsSince = (from: bigint) => Number(now() - from) / 1e9;
const n = (v: number) => Math.round(v).toLocaleString('en');

// ---------------------------------------------------------------- realistic events

const AGENCIES = ['county-justice', 'city-market', 'county-ecology', 'city-transport'];
const OFFICERS_PER_AGENCY = 50;
const REVIEWERS_PER_AGENCY = 5;
const ITEMS = [
  {
    code: 'P-001',
    name: '未按规定公示执业信息',
    category: 'penalty',
    legalBasis: '《律师法》第五十条',
    major: { fineFenAtLeast: 1_000_000, decisionTypes: ['business_suspension', 'license_revocation'] },
  },
  {
    code: 'P-002',
    name: '无照经营',
    category: 'penalty',
    legalBasis: '《无证无照经营查处办法》第十三条',
    major: { fineFenAtLeast: 500_000 },
  },
  {
    code: 'L-001',
    name: '许可（法定十日公示）',
    category: 'licensing',
    legalBasis: '《办法》第八条',
    disclosureWorkingDays: 10,
  },
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const CHECKS_PASSED = {
  subjectLawful: true,
  officersQualified: true,
  procedureLawful: true,
  factsClear: true,
  evidenceSufficient: true,
  lawAppliedCorrectly: true,
  discretionAppropriate: true,
  withinAuthority: true,
  documentsComplete: true,
  criminalReferralNeeded: false,
};

const officerId = (agency: number, i: number) => `${AGENCIES[agency]}-o${String(i).padStart(3, '0')}`;
const reviewerId = (agency: number, i: number) => `${AGENCIES[agency]}-r${String(i).padStart(2, '0')}`;
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const at = (ms: number, hour: number) => `${date(ms)}T${String(hour).padStart(2, '0')}:30:00+08:00`;
const hex = () => randomBytes(32).toString('hex');

export interface Append {
  readonly stream: string;
  readonly draft: EventDraft;
}

/** The registry every case refers to: officers, reviewers and enforcement items of four agencies. */
export function registryEvents(newId: () => string): Append[] {
  const appends: Append[] = [];
  AGENCIES.forEach((agency, a) => {
    const head = { sub: `${agency}-head`, agency, roles: ['admin'] };
    const register = (stream: string, type: string, data: Record<string, unknown>) =>
      appends.push({
        stream,
        draft: {
          id: newId(),
          type,
          schemaVersion: 1,
          occurredAt: '2025-01-02T09:00:00+08:00',
          actor: head,
          data,
          media: [],
        },
      });
    for (const item of ITEMS) register(itemStream(agency, item.code), 'ItemRegistered', { ...item, agency });
    const officer = (id: string, i: number, roles: string[]) =>
      register(officerStream(agency, id), 'OfficerRegistered', {
        officerId: id,
        name: SURNAMES[i % SURNAMES.length]! + (roles[0] === 'reviewer' ? '审核' : '执法') + (i % 10),
        agency,
        certificateNo: `14${a}${String(i).padStart(5, '0')}`,
        validFrom: '2020-01-01',
        validTo: '2030-12-31',
        roles,
        categories: ['penalty', 'licensing'],
      });
    for (let i = 0; i < OFFICERS_PER_AGENCY; i++) officer(officerId(a, i), i, ['officer']);
    for (let i = 0; i < REVIEWERS_PER_AGENCY; i++) officer(reviewerId(a, i), i, ['reviewer']);
  });
  return appends;
}

/** Events of one case's life, by stream, in the order they are recorded. */
export const EVENTS_PER_CASE = 22;

/**
 * The 20 acts of case `i` (opened, inspected, evidence, seizure, service, hearing, legal review, decision,
 * publication, closing) and 2 `CaseAccessed` records of its access stream, in recording order. Decisions vary
 * with `i`: warnings, fines below and above the major threshold, business suspensions.
 */
export function caseEvents(i: number, newId: () => string): Append[] {
  const a = i % AGENCIES.length;
  const agency = AGENCIES[a]!;
  const item = ITEMS[(i >> 2) % ITEMS.length]!;
  const caseId = `${2025 + (i % 2)}-${agency}-${String(i).padStart(7, '0')}`;
  const stream = caseStream(agency, caseId);
  const officers = [officerId(a, i % OFFICERS_PER_AGENCY), officerId(a, (i + 7) % OFFICERS_PER_AGENCY)];
  const reviewer = reviewerId(a, i % REVIEWERS_PER_AGENCY);
  const officer = { sub: officers[0]!, agency, roles: ['officer'] };
  const opened = Date.UTC(2025, 0, 6) + (i % 300) * DAY;
  const day = (d: number) => opened + d * DAY;
  const person = i % 3 === 0;
  const party = person
    ? {
        kind: 'person',
        name: `${SURNAMES[i % SURNAMES.length]}某${i % 100}`,
        idNumber: `1101011980${String(i % 10_000).padStart(8, '0')}`,
        phone: `138${String(i).padStart(8, '0').slice(-8)}`,
        address: `城关镇人民路 ${i % 300} 号`,
      }
    : { kind: 'organization', name: `某某${['律师事务所', '商贸有限公司', '餐饮店', '运输公司'][a]}（${i}）` };
  const kind = i % 10;
  const decisionType = kind === 0 ? 'warning' : kind === 9 ? 'business_suspension' : 'fine';
  const fineFen = decisionType === 'fine' ? (kind === 8 ? 2_000_000 : 50_000 + (i % 50) * 10_000) : undefined;
  const major = decisionType === 'business_suspension' || (fineFen ?? 0) >= (item.major?.fineFenAtLeast ?? Infinity);
  const proposal = { decisionType, ...(fineFen === undefined ? {} : { fineFen }), legalBasis: item.legalBasis };
  const video = { sha256: hex(), size: 48_000_000 + (i % 1000), contentType: 'video/mp4' };
  const photo = () => ({ sha256: hex(), size: 2_400_000 + (i % 1000), contentType: 'image/jpeg' });
  const decidedOn = date(day(40));
  const dueBy = date(day(47));
  const inspection = newId();

  const events: Append[] = [];
  const act = (d: number, type: string, data: Record<string, unknown>, media: unknown[] = [], actor = officer) =>
    events.push({
      stream,
      draft: {
        id: type === 'OnSiteInspectionRecorded' ? inspection : newId(),
        type,
        schemaVersion: 1,
        occurredAt: at(day(d), 9 + (d % 8)),
        actor,
        data: type === 'CaseOpened' ? data : { ...data, officers },
        media: media as EventDraft['media'],
      },
    });
  const accessed = (d: number, purpose: string) =>
    events.push({
      stream: accessStream(agency, caseId),
      draft: {
        id: newId(),
        type: 'CaseAccessed',
        schemaVersion: 1,
        occurredAt: at(day(d), 15),
        actor: { sub: `${agency}-supervisor`, agency, roles: ['supervisor'] },
        data: { caseId, action: 'read_case', outcome: 'granted', requestId: newId(), purpose },
        media: [],
      },
    });

  act(0, 'CaseOpened', {
    caseId,
    itemCode: item.code,
    title: `${party.name}${item.name}案`,
    openedOn: date(opened),
    officers,
    parties: [party],
  });
  act(
    1,
    'OnSiteInspectionRecorded',
    {
      location: `城关镇人民路 ${i % 300} 号`,
      findings: '现场检查发现未按规定公示许可证件，已当场告知当事人陈述、申辩权利。',
      credentialsShown: true,
      partyNotified: true,
    },
    [video],
  );
  act(1, 'CredentialsShown', { note: '执法人员出示执法证件' });
  act(1, 'PartyNotified', { grounds: '涉嫌违反《条例》第十条', rights: '陈述、申辩、申请回避' });
  act(2, 'EvidenceCollected', { description: '现场照片三张' }, [photo()]);
  act(2, 'EvidenceCollected', { description: '营业执照复印件' }, [photo()]);
  accessed(3, '案卷评查');
  act(3, 'EvidenceCollected', { description: `询问笔录（第 ${1 + (i % 3)} 次）` });
  act(3, 'RecordingAttached', { description: '询问过程录音', relatesTo: inspection }, [
    { sha256: hex(), size: 3_000_000, contentType: 'audio/mpeg' },
  ]);
  act(5, 'PropertySeized', { items: '涉案物品一批（清单附后）', legalBasis: item.legalBasis }, [
    { ...video, sha256: hex() },
  ]);
  act(5, 'DocumentServed', { document: '查封（扣押）决定书', method: 'direct' });
  act(10, 'EvidenceCollected', { description: '当事人陈述申辩材料' }, [photo()]);
  act(20, 'HearingHeld', { heldOn: date(day(20)) });
  act(25, 'LegalReviewRequested', { proposed: proposal });
  act(
    30,
    'LegalReviewCompleted',
    {
      outcome: 'approved',
      opinion: '事实清楚，证据确凿，适用依据正确，程序合法。',
      checks: CHECKS_PASSED,
      reviewer,
      proposal,
    },
    [],
    { sub: reviewer, agency, roles: ['reviewer'] },
  );
  act(32, 'DocumentServed', { document: '行政处罚事先告知书', method: 'mail' });
  act(40, 'DecisionIssued', {
    ...proposal,
    documentNo: `${agency}罚决字〔2025〕${i}号`,
    decidedOn,
    major,
    disclosureWorkingDays: 7,
    disclosureDueBy: dueBy,
    calendarBasis: 'official_schedule',
  });
  act(41, 'DocumentServed', { document: '行政处罚决定书', method: 'left' }, [photo()]);
  act(44, 'DecisionDisclosed', { publishedOn: date(day(44)), dueBy, onTime: true });
  accessed(45, '公示核查');
  if (i % 5 === 0) act(50, 'DisclosureUpdated', { reason: '更正当事人名称' });
  else act(50, 'EvidenceCollected', { description: '罚没款缴纳凭证' }, [photo()]);
  act(60, 'CaseClosed', { closedOn: date(day(60)) });
  return events;
}

/** The acts a case under investigation records again and again. */
const INVESTIGATION = new Set([
  'OnSiteInspectionRecorded',
  'CredentialsShown',
  'PartyNotified',
  'EvidenceCollected',
  'RecordingAttached',
  'PropertySeized',
  'DocumentServed',
  'HearingHeld',
]);

/**
 * The first `count` acts of one long case, case `i`: opened, then investigated at length, recording again and
 * again the investigation acts of {@link caseEvents} (inspections with findings and video, evidence with photos,
 * recordings, seizures, services, hearings) of cases `i + 4`, `i + 8`, … of the same agency, each with its own
 * texts, media and officers.
 */
export function longCaseActs(i: number, count: number, newId: () => string): Append[] {
  const opened = caseEvents(i, newId)[0]!;
  const acts: Append[] = [opened];
  for (let k = i + AGENCIES.length; acts.length < count; k += AGENCIES.length) {
    for (const { draft } of caseEvents(k, newId)) {
      if (acts.length < count && INVESTIGATION.has(draft.type)) acts.push({ stream: opened.stream, draft });
    }
  }
  return acts;
}

/** An extra access record, to make the seeded log exactly as long as asked. */
export function accessRecord(caseId: string, newId: () => string): EventDraft {
  return {
    id: newId(),
    type: 'CaseAccessed',
    schemaVersion: 1,
    occurredAt: '2025-12-01T10:00:00+08:00',
    actor: { sub: 'county-justice-supervisor', agency: 'county-justice', roles: ['supervisor'] },
    data: { caseId, action: 'read_events', outcome: 'granted', requestId: newId(), purpose: '执法监督' },
    media: [],
  };
}

// ---------------------------------------------------------------- seeding

/**
 * Appends the registry, then the events of `cases` cases, `window` cases at a time: each append is one event (one
 * act, as the service records them), the active cases taking turns, so a case's events lie far apart in the log.
 * Sealing (canonical JSON, SHA-256, Ed25519 with the real key) runs on this thread while the store's writer
 * thread commits the previous appends.
 */
export async function seed(
  store: EventStore,
  target: number,
  signer: Signer,
  progress: (text: string) => void,
): Promise<{ events: number; cases: number }> {
  const newId = uuidv7Generator(systemClock);
  const heads = new Map<string, StreamHead | null>();
  let appended = 0;
  let reported = 0;
  const started = now();
  const inFlight: Promise<unknown>[] = [];
  const append = async (stream: string, drafts: EventDraft[], recordedAt: string) => {
    const head = heads.get(stream) ?? null;
    const sealed = sealEvents(stream, head, drafts, signer, recordedAt);
    const last = sealed[sealed.length - 1]!;
    heads.set(stream, { revision: last.revision, hash: last.hash });
    inFlight.push(store.append(stream, sealed, head ? head.revision : 'no_stream'));
    appended += sealed.length;
    if (inFlight.length >= 4096) await Promise.all(inFlight.splice(0, 2048));
    if (appended - reported >= target / 10 || appended === target) {
      reported = appended;
      progress(
        `projections: seeding ${n(appended)} / ${n(target)} events (${n(appended / secondsSince(started))} events/s)`,
      );
    }
  };

  const registry = registryEvents(newId);
  for (const { stream, draft } of registry) await append(stream, [draft], new Date().toISOString());
  const cases = Math.max(1, Math.floor((target - registry.length) / EVENTS_PER_CASE));
  const window = Math.min(cases, SEED_WINDOW);
  const active: { events: Append[]; next: number }[] = [];
  let opened = 0;
  const open = () => ({ events: caseEvents(opened++, newId), next: 0 });
  while (active.length < window) active.push(open());
  while (active.length > 0) {
    const recordedAt = new Date().toISOString();
    for (let slot = 0; slot < active.length; slot++) {
      const c = active[slot]!;
      const { stream, draft } = c.events[c.next++]!;
      await append(stream, [draft], recordedAt);
      if (c.next === c.events.length) {
        if (opened < cases) active[slot] = open();
        else active.splice(slot--, 1);
      }
    }
  }
  const rest = target - appended;
  if (rest > 0) {
    const drafts = Array.from({ length: rest }, () => accessRecord('2025-county-justice-0000000', newId));
    await append(accessStream('county-justice', '2025-county-justice-0000000'), drafts, new Date().toISOString());
  }
  await Promise.all(inFlight.splice(0));
  return { events: appended, cases };
}

/**
 * Appends the events of `from` up to position `until` to the empty store `to`, in log order, one event per append,
 * so that they take the same positions there; resolves with the copy's head position.
 */
export async function copyLog(from: EventStore, to: EventStore, until: Position): Promise<Position> {
  const inFlight: Promise<unknown>[] = [];
  let after = 0;
  while (after < until) {
    const batch = (await from.readAll({ after, limit: 10_000 })).filter((r) => r.position <= until);
    if (batch.length === 0) break;
    for (const { event } of batch) {
      inFlight.push(to.append(event.stream, [event], event.revision === 0 ? 'no_stream' : event.revision - 1));
      if (inFlight.length >= 4096) await Promise.all(inFlight.splice(0, 2048));
    }
    after = batch[batch.length - 1]!.position;
  }
  await Promise.all(inFlight);
  return to.headPosition();
}
