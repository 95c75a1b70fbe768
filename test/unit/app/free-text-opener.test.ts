import { randomBytes } from 'node:crypto';
import { freeTextOpener } from '../../../src/app/free-text-opener.js';
import { sealDraft } from '../../../src/app/personal-data.js';
import { caseStream } from '../../../src/domain/case/acts.js';
import type { EventEnvelope } from '../../../src/ledger/envelope.js';
import type { DataKeyStore } from '../../../src/ports/data-keys.js';
import type { RecordedEvent, StoredEvent } from '../../../src/ports/event-store.js';
import { aliceDraft } from '../../support/domain.js';
import { StreamWriter } from '../../support/projection-spec.js';

// The free-text opener keeps the cases' data keys between batches (docs/privacy.md, "Projections"): one key-store
// read per case, not per batch, and never a key past the case's erasure.

const AGENCY = 'county-justice';

/** A data-key store of one key per case, counting its reads; `destroy` destroys a case's key. */
function countingKeys(cases: readonly string[]) {
  const held = new Map(cases.map((c) => [caseStream(AGENCY, c), randomBytes(32) as Uint8Array]));
  const destroyed = new Set<string>();
  const reads = { get: 0, destroyed: 0 };
  const store = {
    get: async (scope: string) => (reads.get++, held.get(scope)),
    destroyed: async (scope: string) => (reads.destroyed++, destroyed.has(scope)),
  } as unknown as DataKeyStore;
  return {
    store,
    reads,
    key: (caseId: string) => held.get(caseStream(AGENCY, caseId))!,
    destroy(caseId: string) {
      held.delete(caseStream(AGENCY, caseId));
      destroyed.add(caseStream(AGENCY, caseId));
    },
  };
}

const writer = new StreamWriter();
let position = 0;

/** An evidence description of the case, sealed under `key`, recorded next in the log. */
function evidence(caseId: string, key: Uint8Array, description: string): RecordedEvent {
  const [event] = writer.seal(caseStream(AGENCY, caseId), [
    sealDraft(aliceDraft('EvidenceCollected', { description }), key),
  ]);
  return { position: ++position, event: event! };
}

function erasure(caseId: string): RecordedEvent {
  const data = { ground: 'retention_expired', reason: '保管期限届满' };
  const [event] = writer.seal(caseStream(AGENCY, caseId), [aliceDraft('CaseDataErased', data)]);
  return { position: ++position, event: event as EventEnvelope };
}

const descriptions = (batch: readonly { opened?: Readonly<Record<string, unknown>> }[]) =>
  batch.map((e) => e.opened?.['/description']);

describe('the free-text opener across batches', () => {
  it('when several batches hold events of one case, then its key is read from the store once', async () => {
    const keys = countingKeys(['c-1']);
    const open = freeTextOpener(keys.store);
    for (let i = 0; i < 4; i++) {
      const batch = await open([evidence('c-1', keys.key('c-1'), `物证${i}`), evidence('c-1', keys.key('c-1'), '又')]);
      expect(descriptions(batch)).toEqual([`物证${i}`, '又']);
    }
    expect(keys.reads).toEqual({ get: 1, destroyed: 0 });
  });

  it('when more cases are used than the cache holds, then the least recently used is read again', async () => {
    const keys = countingKeys(['c-1', 'c-2', 'c-3']);
    const open = freeTextOpener(keys.store, { cachedKeys: 2 });
    const batch = (caseId: string) => open([evidence(caseId, keys.key(caseId), caseId)]);
    for (const caseId of ['c-1', 'c-2', 'c-1', 'c-3', 'c-1', 'c-2']) await batch(caseId);
    // c-1, c-2 read; c-1 kept; c-3 read (c-2 leaves); c-1 kept; c-2 read again
    expect(keys.reads.get).toBe(4);
  });

  it('when a batch holds the erasure while the store still has the key, then the later events open as [erased] and the key is not kept', async () => {
    const keys = countingKeys(['c-1']);
    const key = keys.key('c-1');
    const open = freeTextOpener(keys.store);
    await open([evidence('c-1', key, '之前')]);
    const batch = await open([evidence('c-1', key, '同批之前'), erasure('c-1'), evidence('c-1', key, '之后')]);
    expect(descriptions(batch)).toEqual(['同批之前', undefined, '[erased]']);
    expect(keys.reads.get).toBe(2); // the key was dropped at the erasure and asked again for the event before it

    keys.destroy('c-1'); // the erasure's second step
    expect(descriptions(await open([evidence('c-1', key, '再后')]))).toEqual(['[erased]']);
    expect(descriptions(await open([evidence('c-1', key, '更后')]))).toEqual(['[erased]']);
    expect(keys.reads).toEqual({ get: 3, destroyed: 1 }); // destroyed is remembered: asked once
  });

  it('when the batch comes as stored text and holds the erasure, then the later events open as [erased] and the key is not kept', async () => {
    const keys = countingKeys(['c-1']);
    const key = keys.key('c-1');
    const open = freeTextOpener(keys.store);
    const stored = ({ position, event }: RecordedEvent): StoredEvent => ({
      position,
      stream: event.stream,
      json: JSON.stringify(event),
    });
    await open([stored(evidence('c-1', key, '之前'))]);
    const batch = await open(
      [evidence('c-1', key, '同批之前'), erasure('c-1'), evidence('c-1', key, '之后')].map(stored),
    );
    expect(descriptions(batch)).toEqual(['同批之前', undefined, '[erased]']);
    expect('json' in batch[1]!).toBe(true); // the erasure, holding no sealed value, is handed on as text
    expect(keys.reads.get).toBe(2);
  });

  it('when the store says a key is destroyed, then no key is served for the case afterwards', async () => {
    const keys = countingKeys(['c-1']);
    const key = keys.key('c-1');
    const open = freeTextOpener(keys.store);
    keys.destroy('c-1');
    expect(descriptions(await open([evidence('c-1', key, '甲')]))).toEqual(['[erased]']);
    expect(descriptions(await open([evidence('c-1', key, '乙')]))).toEqual(['[erased]']);
    expect(keys.reads).toEqual({ get: 1, destroyed: 1 });
  });

  it('when the store holds no key for a case, then [sealed] is not remembered: the next batch asks again', async () => {
    const keys = countingKeys([]);
    const open = freeTextOpener(keys.store);
    const foreign = randomBytes(32);
    expect(descriptions(await open([evidence('c-9', foreign, '甲')]))).toEqual(['[sealed]']);
    expect(descriptions(await open([evidence('c-9', foreign, '乙')]))).toEqual(['[sealed]']);
    expect(keys.reads).toEqual({ get: 2, destroyed: 2 });
  });
});
