import { randomBytes } from 'node:crypto';
import { SqliteEventStore } from '../../../src/adapters/sqlite/event-store.js';
import { dataKeyCoverage } from '../../../src/app/data-key-coverage.js';
import { sealDraft } from '../../../src/app/personal-data.js';
import { draftStream } from '../../../src/app/decision-drafts.js';
import { caseStream } from '../../../src/domain/case/acts.js';
import type { DataKeyStore } from '../../../src/ports/data-keys.js';
import { aliceDraft } from '../../support/domain.js';
import { StreamWriter } from '../../support/projection-spec.js';

// Whether a data-key store opens the log's newest sealed data (the start-up check, docs/privacy.md).

const AGENCY = 'county-justice';
const scope = (caseId: string) => caseStream(AGENCY, caseId);

/** A log of one sealed evidence description per case (in this order), then one event in clear. */
async function logOf(keys: Record<string, Uint8Array>): Promise<SqliteEventStore> {
  const store = new SqliteEventStore({ path: ':memory:' });
  const writer = new StreamWriter();
  for (const [caseId, key] of Object.entries(keys)) {
    const events = writer.seal(scope(caseId), [
      sealDraft(aliceDraft('EvidenceCollected', { description: '物证' }), key),
    ]);
    await store.append(scope(caseId), events, 'no_stream');
  }
  const clear = writer.seal(scope('clear'), [aliceDraft('CaseMarkedComplex', { reason: '争议较大' })]);
  await store.append(scope('clear'), clear, 'no_stream');
  return store;
}

function keyStore(held: Record<string, Uint8Array>, destroyed: string[], failing: string[] = []): DataKeyStore {
  return {
    get: async (s: string) => {
      if (failing.some((c) => scope(c) === s)) throw new Error('Unsupported state or unable to authenticate data');
      return Object.entries(held).find(([c]) => scope(c) === s)?.[1];
    },
    destroyed: async (s: string) => destroyed.some((c) => scope(c) === s),
  } as unknown as DataKeyStore;
}

describe('data-key coverage of the log', () => {
  it('when each case has its key or a tombstone, then nothing is uncovered; else each case says why', async () => {
    const keys = { held: randomBytes(32), erased: randomBytes(32), lost: randomBytes(32), other: randomBytes(32) };
    const events = await logOf({ ...keys, unwrap: randomBytes(32) });
    try {
      const all = await dataKeyCoverage(
        events,
        keyStore({ held: keys.held, other: randomBytes(32) }, ['erased'], ['unwrap']),
      );
      expect(all).toMatchObject({ eventsRead: 6, scopesChecked: 5 });
      expect(all!.uncovered).toEqual([
        {
          scope: scope('unwrap'),
          why: 'unreadable',
          reason: 'Error: Unsupported state or unable to authenticate data',
        },
        { scope: scope('other'), why: 'other_key' },
        { scope: scope('lost'), why: 'missing' },
      ]);
      const covered = await dataKeyCoverage(events, keyStore(keys, ['unwrap']));
      expect(covered!.uncovered).toEqual([]);
    } finally {
      await events.close();
    }
  });

  it('when the look back is bounded, then only the newest events and cases are asked for', async () => {
    const events = await logOf({ old: randomBytes(32), new1: randomBytes(32), new2: randomBytes(32) });
    try {
      const none = keyStore({}, []);
      expect(await dataKeyCoverage(events, none, { events: 3, cases: 100 })).toMatchObject({
        eventsRead: 3,
        scopesChecked: 2,
      });
      const newest = await dataKeyCoverage(events, none, { events: 100, cases: 1 });
      expect(newest!.uncovered.map((u) => u.scope)).toEqual([scope('new2')]);
    } finally {
      await events.close();
    }
  });

  it("when the newest sealed data is a decision draft's, then its case's key is the one asked for, in the draft's own stream", async () => {
    const key = randomBytes(32);
    const events = new SqliteEventStore({ path: ':memory:' });
    try {
      const writer = new StreamWriter();
      const stream = draftStream(AGENCY, 'd-1');
      const data = { draftId: 'd-1', caseId: 'drafted', facts: '张三未公示执业信息' };
      await events.append(
        stream,
        writer.seal(stream, [sealDraft(aliceDraft('DecisionDrafted', data), key)]),
        'no_stream',
      );
      const held = await dataKeyCoverage(events, keyStore({ drafted: key }, []));
      expect(held).toMatchObject({ scopesChecked: 1, uncovered: [] });
      expect((await dataKeyCoverage(events, keyStore({}, ['drafted'])))!.uncovered).toEqual([]);
      const lost = await dataKeyCoverage(events, keyStore({}, []));
      expect(lost!.uncovered).toEqual([{ scope: scope('drafted'), why: 'missing' }]);
    } finally {
      await events.close();
    }
  });
});
