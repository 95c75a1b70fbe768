import { randomBytes } from 'node:crypto';
import { CASE_ACTS, CASES, caseKey, type CaseSummaryDoc } from '../../../projections/case-files.js';
import { CASE_TEXTS, indexedText, type CaseTextDoc } from '../../../projections/case-texts.js';
import { PROJECTIONS } from '../../../projections/index.js';
import { caseCodec } from '../../../src/app/case-service.js';
import { freeTextOpener } from '../../../src/app/free-text-opener.js';
import { projected } from '../../../src/app/projection-applier.js';
import { sealDraft } from '../../../src/app/personal-data.js';
import { caseStream } from '../../../src/domain/case/acts.js';
import type { EventEnvelope } from '../../../src/ledger/envelope.js';
import type { DataKeyStore } from '../../../src/ports/data-keys.js';
import type { RecordedEvent, StoredEvent } from '../../../src/ports/event-store.js';
import { act, actors, opened, photo, record } from '../../support/domain.js';
import { MemoryDocs, StreamWriter } from '../../support/projection-spec.js';

// Free text sealed in case events: the runner opens it for the case's row and searched text, which forget it when
// the erasure is recorded (docs/privacy.md, "Projections").

const AGENCY = 'county-justice';
const CASE = '2019-042';
const KEY = caseKey(AGENCY, CASE);
const FINDINGS = '张三丰在琉璃巷冒用律师名义代写诉状';
const OPINION = '张三丰系初犯，建议从轻处罚';

/** A data-key store holding one key, which `destroy` destroys. */
function keyStore(key: Uint8Array) {
  let held: Uint8Array | undefined = key;
  const store = {
    get: async () => held,
    destroyed: async () => held === undefined,
    destroy: () => void (held = undefined),
  };
  return store as unknown as DataKeyStore & { destroy(): void };
}

function caseEvents(key: Uint8Array): { acts: EventEnvelope[]; erasure: EventEnvelope[] } {
  const writer = new StreamWriter();
  const events = record(
    opened(),
    act('OnSiteInspectionRecorded', {
      location: '琉璃巷',
      findings: FINDINGS,
      credentialsShown: true,
      partyNotified: true,
    }),
    act('CaseMarkedComplex', { reason: '法律适用争议较大' }),
    act('CounselOpinionRecorded', { counsel: 'liu', opinion: OPINION, givenOn: '2019-09-19' }, { media: [photo] }),
  );
  const stream = caseStream(AGENCY, CASE);
  const acts = writer.seal(
    stream,
    events.map((e) => sealDraft(caseCodec.toDraft(e, e.id), key)),
  );
  const erasure = writer.seal(stream, [
    {
      id: '00000000-0000-7000-8000-0000000000ee',
      type: 'CaseDataErased',
      schemaVersion: 1,
      occurredAt: '2019-10-01T09:00:00+08:00',
      actor: actors.head,
      data: { ground: 'retention_expired', reason: '保管期限届满' },
      media: [],
    },
  ]);
  return { acts, erasure };
}

const positioned = (envelopes: readonly EventEnvelope[], from = 1): RecordedEvent[] =>
  envelopes.map((event, i) => ({ position: from + i, event }));

describe('free text sealed in case events, in the case-files projection', () => {
  it('when the runner opens the free text, then the row and the searched text hold it while each act keeps it sealed', async () => {
    const key = randomBytes(32);
    const { acts } = caseEvents(key);
    const docs = new MemoryDocs(PROJECTIONS).apply(await freeTextOpener(keyStore(key))(positioned(acts)));
    const row = docs.get<CaseSummaryDoc>(CASES, KEY)!;
    expect(row.title).toBe('某律师事务所未公示执业信息案');
    expect(docs.get<CaseTextDoc>(CASE_TEXTS, KEY)!.findings).toEqual([FINDINGS]);
    const inspection = docs.all<{ type: string; data: Record<string, unknown> }>(CASE_ACTS)[1]!;
    expect(inspection.data.findings).toMatchObject({ sealed: 'aes-256-gcm/v1' });
    expect(JSON.stringify(docs.all(CASE_ACTS))).not.toContain(FINDINGS);
    // a counsel's opinion: opened into the row's counsel section, sealed in its act
    expect(row.counsel!.opinions.map((o) => o.opinion)).toEqual([OPINION]);
    expect(JSON.stringify(docs.all(CASE_ACTS))).not.toContain(OPINION);
  });

  it('when no one opens the free text, then the row shows [sealed] and the searched text holds none of it', () => {
    const { acts } = caseEvents(randomBytes(32));
    const docs = new MemoryDocs(PROJECTIONS).apply(positioned(acts));
    expect(docs.get<CaseSummaryDoc>(CASES, KEY)!.title).toBe('[sealed]');
    expect(JSON.stringify(docs.get(CASE_TEXTS, KEY))).not.toContain(FINDINGS);
  });

  it('when the erasure is recorded, then the row and the searched text forget the free text, as a rebuild after it makes them', async () => {
    const key = randomBytes(32);
    const store = keyStore(key);
    const { acts, erasure } = caseEvents(key);
    const open = freeTextOpener(store);
    const live = new MemoryDocs(PROJECTIONS).apply(await open(positioned(acts)));
    store.destroy();
    live.apply(await open(positioned(erasure, acts.length + 1)));
    const text = live.get<CaseTextDoc>(CASE_TEXTS, KEY)!;
    expect(live.get<CaseSummaryDoc>(CASES, KEY)!.title).toBe('[erased]');
    expect(live.get<CaseSummaryDoc>(CASES, KEY)!.counsel!.opinions.map((o) => o.opinion)).toEqual(['[erased]']);
    expect(text).toMatchObject({ title: '[erased]', parts: [], findings: [], decided: false });
    expect(indexedText(text)).toBe('');
    // the erasure's act in the file: its ground, not its reason (which may name the person)
    const erasureAct = live.all<{ type: string; data: unknown }>(CASE_ACTS).find((a) => a.type === 'CaseDataErased');
    expect(erasureAct!.data).toEqual({ ground: 'retention_expired' });
    expect(JSON.stringify(live.all(CASE_ACTS))).not.toContain('保管期限届满');

    const rebuilt = new MemoryDocs(PROJECTIONS).apply(await open(positioned([...acts, ...erasure])));
    expect(rebuilt.get(CASES, KEY)).toEqual(live.get(CASES, KEY));
    expect(rebuilt.get(CASE_TEXTS, KEY)).toEqual(live.get(CASE_TEXTS, KEY));
  });

  it('when the events come as the store keeps them (their text), then those with nothing sealed are handed on untouched, the others parsed with their text opened, and the projections make the same documents', async () => {
    const key = randomBytes(32);
    const { acts } = caseEvents(key);
    const stored: StoredEvent[] = positioned(acts).map(({ position, event }) => ({
      position,
      stream: event.stream,
      json: JSON.stringify(event),
    }));
    const open = freeTextOpener(keyStore(key));
    const handed = await open(stored);
    const sealed = acts.map((e) => JSON.stringify(e).includes('"sealed":"aes-256-gcm/v1"'));
    expect(sealed).toContain(false);
    expect(sealed).toContain(true);
    handed.forEach((h, i) => {
      if (sealed[i]) expect(h).toEqual({ position: stored[i]!.position, event: acts[i], opened: expect.any(Object) });
      else expect(h).toBe(stored[i]);
    });
    const fromText = new MemoryDocs(PROJECTIONS).apply(handed.map(projected));
    const parsed = new MemoryDocs(PROJECTIONS).apply(await open(positioned(acts)));
    expect(fromText.get(CASES, KEY)).toEqual(parsed.get(CASES, KEY));
    expect(fromText.get(CASE_TEXTS, KEY)).toEqual(parsed.get(CASE_TEXTS, KEY));
    expect(fromText.get<CaseTextDoc>(CASE_TEXTS, KEY)!.findings).toEqual([FINDINGS]);
  });
});
