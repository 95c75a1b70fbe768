// The projections part of `npm run bench` (`--only projections`):
//   rebuild rate: an SQLite event store is seeded with realistic signed events (registry, case acts, access
//   records; the acts of concurrent cases interleaved in the log as in service), then the raw read rate of the log
//   (`readAll` in batches, JSON parse included) and a full rebuild of the read models (a fresh
//   SqliteReadModelStore, `ProjectionRunner.catchUp`) are measured on it; target: rebuild >= 50% of the raw read.
//   lag: the runner follows a fresh store live (`start`, with the projections on their own thread, as the service
//   runs it) while 64 writers append acts to their own cases; for every append, the time from its acknowledgement
//   until `runner.waitFor(position)` resolves; target: p99 < 50 ms.
// Nothing here asserts a timing: the figures are printed.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECTIONS } from '../projections/index.js';
import { SqliteEventStore } from '../src/adapters/sqlite/event-store.js';
import { SqliteReadModelStore } from '../src/adapters/sqlite/read-model-store.js';
import { systemClock } from '../src/adapters/clock/system-clock.js';
import { ProjectionRunner } from '../src/app/projection-runner.js';
import { openThreadedReadModels } from '../src/compose.js';
import { REBUILD_BATCH } from '../src/cli/rebuild.js';
import { uuidv7Generator } from '../src/app/ids.js';
import { accessStream } from '../src/app/access-log.js';
import { caseStream } from '../src/domain/case/acts.js';
import { itemStream } from '../src/domain/registry/items.js';
import { officerStream } from '../src/domain/registry/officers.js';
import { parseAgencyStream } from '../src/domain/streams.js';
import type { Signer } from '../src/ledger/ed25519.js';
import { sealEvents, type EventDraft, type StreamHead } from '../src/ledger/envelope.js';
import type { EventStore } from '../src/ports/event-store.js';

export interface ProjectionsBenchOptions {
  /** A directory of its own, removed by the caller. */
  readonly dir: string;
  /** Events to seed for the rebuild. */
  readonly events: number;
  /** Length of the live (lag) measurement. */
  readonly seconds: number;
  /** Concurrent writers during the lag measurement. Default 64. */
  readonly writers?: number;
  readonly signer: Signer;
  readonly progress: (text: string) => void;
  /** Pause between seeding and reading, for the store's checkpoint and the kernel to write back. Default 2000 ms. */
  readonly settleMs?: number;
}

export interface ProjectionsBenchResult {
  readonly seed: {
    readonly events: number;
    readonly cases: number;
    readonly seconds: number;
    readonly rate: number;
    readonly bytes: number;
  };
  readonly raw: { readonly events: number; readonly seconds: number; readonly rate: number };
  readonly rebuild: {
    readonly events: number;
    readonly seconds: number;
    readonly rate: number;
    /** Documents the rebuild made: a check that the seeded events are ones the projections understand. */
    readonly docs: { readonly cases: number; readonly disclosures: number; readonly officers: number };
  };
  readonly lag: {
    readonly writers: number;
    readonly seconds: number;
    readonly appends: number;
    readonly rate: number;
    readonly p50: number;
    readonly p99: number;
    readonly max: number;
    /** Appends whose position the runner had not applied within 10 s. */
    readonly timedOut: number;
  };
  /** The whole part, seeding included. */
  readonly totalSeconds: number;
}

/** Events applied per transaction in the rebuild, as `ledger rebuild` does; the raw read uses the same batches. */
export { REBUILD_BATCH };
const WAIT_MS = 10_000;
/** Cases whose events are being recorded at the same time while seeding. */
const SEED_WINDOW = 2000;
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

/** An extra access record, to make the seeded log exactly as long as asked. */
function accessRecord(caseId: string, newId: () => string): EventDraft {
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
async function seed(
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

// ---------------------------------------------------------------- the measurements

async function rawRead(store: EventStore): Promise<number> {
  let after = 0;
  let events = 0;
  for (;;) {
    const batch = await store.readAll({ after, limit: REBUILD_BATCH });
    if (batch.length === 0) return events;
    events += batch.length;
    after = batch[batch.length - 1]!.position;
  }
}

async function rebuild(store: EventStore, file: string, progress: (text: string) => void) {
  const models = new SqliteReadModelStore({ path: file, projections: PROJECTIONS, bulk: true });
  try {
    const runner = new ProjectionRunner(store, models, PROJECTIONS, { batchSize: REBUILD_BATCH });
    await runner.reset();
    const started = now();
    let tenth = 0;
    await runner.catchUp({
      onProgress: (position, head) => {
        if (position >= ((tenth + 1) * head) / 10) {
          tenth = Math.floor((10 * position) / head);
          const rate = position / secondsSince(started);
          progress(
            `projections: rebuilt ${n(position)} / ${n(head)} (${n(rate)} events/s, ` +
              `${((head - position) / rate).toFixed(0)} s to go)`,
          );
        }
      },
    });
    models.finishBulk();
    const seconds = secondsSince(started);
    const events = runner.stats().eventsApplied;
    const docs = {
      cases: models.count('cases'),
      disclosures: models.count('disclosures'),
      officers: models.count('officers'),
    };
    return { events, seconds, rate: events / seconds, docs };
  } finally {
    models.close();
  }
}

/**
 * The runner follows a fresh store live, as in the service (default batch size); `writers` concurrent writers
 * each record the acts of their own cases, one act per append, for `seconds`. Each acknowledged append starts a
 * `waitFor` of its position; the writer goes on at once (a client reading its own write waits, the others do not).
 */
async function lag(dir: string, writers: number, duration: number, signer: Signer) {
  const store = new SqliteEventStore({ path: path.join(dir, 'live-events.sqlite') });
  // as in the service: the projections are applied on their own thread, this one reads
  const { store: models, applier } = await openThreadedReadModels(path.join(dir, 'live-models.sqlite'));
  const newId = uuidv7Generator(systemClock);
  const live = new AbortController();
  try {
    for (const { stream, draft } of registryEvents(newId)) {
      await store.append(stream, sealEvents(stream, null, [draft], signer, new Date().toISOString()), 'no_stream');
    }
    const runner = new ProjectionRunner(store, models, PROJECTIONS, { applier });
    await runner.start(live.signal);
    const lags: number[] = [];
    const waits: Promise<void>[] = [];
    let timedOut = 0;
    let appends = 0;
    let nextCase = 0;
    const deadline = now() + BigInt(Math.round(duration * 1e9));
    const started = now();
    await Promise.all(
      Array.from({ length: writers }, async () => {
        while (now() < deadline) {
          // the case's acts only: its access records are not what this measures
          const acts = caseEvents(nextCase++, newId).filter((e) => parseAgencyStream(e.stream)?.category === 'case');
          let head: StreamHead | null = null;
          for (const { stream, draft } of acts) {
            if (now() >= deadline) break;
            const sealed = sealEvents(stream, head, [draft], signer, new Date().toISOString());
            const result = await store.append(stream, sealed, head ? head.revision : 'no_stream');
            const acknowledged = now();
            head = { revision: result.revision, hash: result.hash };
            appends++;
            waits.push(
              runner.waitFor(result.position, WAIT_MS).then((ok) => {
                if (ok) lags.push(Number(now() - acknowledged) / 1e6);
                else timedOut++;
              }),
            );
          }
        }
      }),
    );
    const seconds = secondsSince(started);
    await Promise.all(waits);
    lags.sort((x, y) => x - y);
    const q = (p: number) => lags[Math.min(lags.length - 1, Math.floor(p * lags.length))] ?? NaN;
    return {
      writers,
      seconds,
      appends,
      rate: appends / seconds,
      p50: q(0.5),
      p99: q(0.99),
      max: lags[lags.length - 1] ?? NaN,
      timedOut,
    };
  } finally {
    live.abort();
    await store.close();
    await applier.close();
    models.close();
  }
}

export async function projectionsBench(options: ProjectionsBenchOptions): Promise<ProjectionsBenchResult> {
  const { dir, signer, progress } = options;
  const started = now();
  const file = path.join(dir, 'events.sqlite');
  const store = new SqliteEventStore({ path: file });
  let seedResult;
  let raw;
  let rebuilt;
  try {
    progress(`projections: seeding ${n(options.events)} signed events`);
    const seedStarted = now();
    const seeded = await seed(store, options.events, signer, progress);
    const seedSeconds = secondsSince(seedStarted);
    const bytes = ['', '-wal'].reduce(
      (sum, s) => sum + (fs.statSync(file + s, { throwIfNoEntry: false })?.size ?? 0),
      0,
    );
    seedResult = { ...seeded, seconds: seedSeconds, rate: seeded.events / seedSeconds, bytes };
    // let the checkpoint thread and the kernel write back the seeding before reading
    await new Promise((resolve) => setTimeout(resolve, options.settleMs ?? 2000));

    progress('projections: raw read of the log');
    const rawStarted = now();
    const read = await rawRead(store);
    const rawSeconds = secondsSince(rawStarted);
    raw = { events: read, seconds: rawSeconds, rate: read / rawSeconds };

    progress('projections: full rebuild');
    rebuilt = await rebuild(store, path.join(dir, 'models.sqlite'), progress);
  } finally {
    await store.close();
  }
  const writers = options.writers ?? 64;
  progress(`projections: live, ${writers} writers`);
  const live = await lag(dir, writers, options.seconds, signer);
  return { seed: seedResult, raw, rebuild: rebuilt, lag: live, totalSeconds: secondsSince(started) };
}

export function reportProjections(r: ProjectionsBenchResult): void {
  const line = (label: string, figures: string) => console.log(`  ${label.padEnd(38)}${figures}`);
  const fmt = (v: number) => n(v).padStart(10);
  const pct = (x: number, y: number) => `${((100 * x) / y).toFixed(0)}%`.padStart(10);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const { seed, raw, rebuild: built, lag: l } = r;
  console.log(`(g) projections (${PROJECTIONS.length}): read models rebuilt from the log, and followed live`);
  line(
    'seeding: signed, 1 event per append',
    `${fmt(seed.rate)} events/s   ${n(seed.events)} events, ${n(seed.cases)} cases of ${EVENTS_PER_CASE} ` +
      `interleaved ${n(Math.min(seed.cases, SEED_WINDOW))} at a time, ${(seed.bytes / 2 ** 20).toFixed(0)} MiB, ` +
      `${seed.seconds.toFixed(0)} s`,
  );
  line(`raw read: readAll ${REBUILD_BATCH}/batch + JSON`, `${fmt(raw.rate)} events/s   ${raw.seconds.toFixed(1)} s`);
  line(
    `full rebuild: catchUp ${REBUILD_BATCH}/batch`,
    `${fmt(built.rate)} events/s   ${built.seconds.toFixed(1)} s  ` +
      `(${n(built.docs.cases)} case files, ${n(built.docs.disclosures)} disclosures)`,
  );
  line('rebuild / raw read', `${pct(built.rate, raw.rate)}   (target >= 50%)`);
  line(
    `live: ${l.writers} writers, 1 act per append`,
    `${fmt(l.rate)} appends/s  ${n(l.appends)} appends in ${l.seconds.toFixed(1)} s`,
  );
  line(
    'lag: append ack -> read models',
    `p50 ${ms(l.p50)}  p99 ${ms(l.p99)}  max ${ms(l.max)}   (target p99 < 50 ms; ` +
      `${l.timedOut} not applied within ${WAIT_MS / 1000} s)`,
  );
  const minutes = r.totalSeconds / 60;
  line(
    'this part took',
    `${minutes.toFixed(1).padStart(10)} min` +
      (minutes > 5 ? '   (over the ~5 min budget: the full rebuild is the long step)' : ''),
  );
}
