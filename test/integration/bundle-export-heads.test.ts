import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { SqliteReadModelStore } from '../../src/adapters/sqlite/read-model-store.js';
import { BundleExporter } from '../../src/app/bundle-export.js';
import { ProjectionRunner } from '../../src/app/projection-runner.js';
import { StreamLocks } from '../../src/app/stream-locks.js';
import { TransparencyLog } from '../../src/app/transparency-log.js';
import { accessStreamOf, caseStreamOf } from '../../src/ledger/bundle.js';
import { verifyBundle } from '../../src/ledger/bundle-verify.js';
import type { BlobStore } from '../../src/ports/blob-store.js';
import type { Clock } from '../../src/ports/clock.js';
import { PROJECTIONS, LOG_LAYOUT } from '../../projections/index.js';
import { headOf, seal, testSigner } from '../support/events.js';
import { closeAfterEach } from '../support/closing.js';

const clock: Clock = { now: () => new Date('2026-11-20T00:00:00Z') };
const ORIGIN = 'evidence-ledger.local/log';
const bundleCase = { agency: 'county-justice', caseId: 'race-1' };

describe('exporting a bundle while the case grows', () => {
  const closing = closeAfterEach();
  it('when an event is appended after the streams were read and before the checkpoint, then the bundle holds it and verifies complete', async () => {
    const events = closing(new SqliteEventStore({ path: ':memory:' }));
    const readModels = closing(new SqliteReadModelStore({ path: ':memory:', projections: PROJECTIONS }));
    const runner = new ProjectionRunner(events, readModels, PROJECTIONS);
    await runner.reset();
    const signer = testSigner();
    let n = 0;
    const log = new TransparencyLog({
      events,
      readModels,
      runner,
      signer,
      clock,
      locks: new StreamLocks(),
      newId: () => `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
      origin: ORIGIN,
      layout: LOG_LAYOUT,
    });
    const stream = caseStreamOf(bundleCase);
    const first = seal(stream, null, signer, 2);
    await events.append(stream, first, 'no_stream');
    await events.append(accessStreamOf(bundleCase), seal(accessStreamOf(bundleCase), null, signer, 1), 'no_stream');
    await runner.catchUp();

    // the checkpoint is asked for after the exporter read the streams: another act lands in between
    let appended = false;
    const racing = {
      current: async () => {
        if (!appended) {
          appended = true;
          await events.append(stream, seal(stream, headOf(first), signer, 1), 1);
          await runner.catchUp();
        }
        return log.current();
      },
      inclusion: (id: string, size?: number) => log.inclusion(id, size),
      consistency: (from: number, to: number) => log.consistency(from, to),
      head: (s: string, size?: number) => log.head(s, size),
    };
    const exporter = new BundleExporter({
      events,
      blobs: {} as BlobStore, // the events reference no media
      log: racing,
      keys: () => [{ publicKey: signer.publicKey }],
      signer,
      clock,
    });
    const prepared = (await exporter.prepare(bundleCase.agency, bundleCase.caseId))!;
    expect(appended).toBe(true);
    expect(prepared.manifest.streams).toEqual([
      { stream, revision: 2 },
      { stream: accessStreamOf(bundleCase), revision: 0 },
    ]);
    const report = await verifyBundle(prepared.body, { trustedKeys: [signer.publicKey] });
    expect(report.failure).toBeUndefined();
    expect(report.complete?.streams).toEqual([
      { stream, revision: 2 },
      { stream: accessStreamOf(bundleCase), revision: 0 },
    ]);
  });
});
