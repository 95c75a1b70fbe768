import type { AccessLog } from '../../../src/app/access-log.js';
import type { Principal } from '../../../src/app/auth.js';
import type { MediaHolding } from '../../../src/app/media-holdings.js';
import { MediaReads } from '../../../src/app/media-reads.js';
import { LedgerError } from '../../../src/errors.js';
import type { BlobInfo } from '../../../src/ports/blob-store.js';
import type { ReadModelStore } from '../../../src/ports/read-models.js';
import { MEDIA_REFS } from '../../../projections/media.js';

const SHA = 'a'.repeat(64);
const medium = (agency: string): MediaHolding => ({ sha256: SHA, size: 3, contentType: agency }) as MediaHolding;

/** The store's copies: `stored` is what `head` finds of the recorded version (none by default). */
function reads(cases: { caseId: string; agency: string }[], holders: string[], stored?: BlobInfo, caughtUp = true) {
  const trail: { kind: string; entry: Record<string, unknown> }[] = [];
  const waits: number[] = [];
  const access = {
    record: async (entry: Record<string, unknown>) => void trail.push({ kind: 'record', entry }),
    denied: async (entry: Record<string, unknown>) => void trail.push({ kind: 'denied', entry }),
  } as unknown as AccessLog;
  const readModels = {
    get: (collection: string, id: string) =>
      collection === MEDIA_REFS && id === SHA ? { id, sha256: SHA, cases } : undefined,
  } as unknown as ReadModelStore;
  const use = new MediaReads({
    readModels,
    events: { headPosition: async () => 42 },
    runner: { waitFor: async (position) => (waits.push(position), caughtUp), position: () => 40 },
    holdings: { holding: async (agency) => (holders.includes(agency) ? medium(agency) : undefined) },
    access,
    blobs: { head: async () => stored, get: async () => undefined },
  });
  return { use, trail, waits };
}

const reader = (agency: string, supervises: string[] = []): Principal => ({
  sub: 'ann',
  agency,
  roles: supervises.length ? ['supervisor'] : ['officer'],
  supervises,
});

describe('media reads', () => {
  it('when a readable case of a holding agency references the medium, then the read is recorded on that case, after the read models caught up', async () => {
    const { use, trail, waits } = reads(
      [
        { caseId: 'c-1', agency: 'a' },
        { caseId: 'c-2', agency: 'b' },
      ],
      ['b'],
    );
    const held = await use.retrieve({ principal: reader('p', ['a', 'b']), sha256: SHA, requestId: 'r1' });
    expect(held.contentType).toBe('b');
    expect(waits).toEqual([42]);
    expect(trail).toEqual([
      {
        kind: 'record',
        entry: expect.objectContaining({ action: 'read_media', media: SHA, agency: 'b', caseId: 'c-2' }),
      },
    ]);
  });

  it("when only another agency's case references the medium, then 404 not_found, recorded on the reader's own trail", async () => {
    const { use, trail } = reads([{ caseId: 'c-1', agency: 'a' }], ['a']);
    await expect(
      use.retrieve({ principal: reader('b'), sha256: SHA, requestId: 'r2', purpose: 'audit' }),
    ).rejects.toMatchObject({ code: 'not_found', status: 404 });
    expect(trail).toEqual([{ kind: 'denied', entry: expect.objectContaining({ media: SHA, purpose: 'audit' }) }]);
    expect(trail[0]!.entry).not.toHaveProperty('caseId');
  });

  it('when the read models have not applied the latest acts within the wait and no readable case references the medium yet, then 503 not_caught_up, and nothing is recorded as refused', async () => {
    const { use, trail } = reads([{ caseId: 'c-1', agency: 'a' }], ['a'], undefined, false);
    await expect(use.retrieve({ principal: reader('b'), sha256: SHA, requestId: 'r3' })).rejects.toMatchObject({
      code: 'not_caught_up',
      status: 503,
      retryAfterSeconds: 1,
    });
    expect(trail).toEqual([]);
  });

  it('when the read models lag but a readable case of a holding agency references the medium already, then it is served and recorded', async () => {
    const { use, trail } = reads([{ caseId: 'c-1', agency: 'a' }], ['a'], undefined, false);
    const held = await use.retrieve({ principal: reader('a'), sha256: SHA, requestId: 'r4' });
    expect(held.contentType).toBe('a');
    expect(trail).toEqual([{ kind: 'record', entry: expect.objectContaining({ agency: 'a', caseId: 'c-1' }) }]);
  });

  it('when the store no longer has the version the log recorded, then the medium is an integrity fault, never served', async () => {
    const { use } = reads([{ caseId: 'c-1', agency: 'a' }], ['a']);
    const err = await use.open({ principal: reader('a'), sha256: SHA, requestId: 'r1' }).catch((e: unknown) => e);
    expect((err as LedgerError).code).toBe('integrity_fault');
  });

  it('when the stored object has another size than the log recorded, then the medium is an integrity fault', async () => {
    const { use } = reads([{ caseId: 'c-1', agency: 'a' }], ['a'], { sha256: SHA, size: 4, contentType: 'a' });
    const err = await use.open({ principal: reader('a'), sha256: SHA, requestId: 'r1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LedgerError);
    expect((err as LedgerError).code).toBe('integrity_fault');
  });

  it('when the stored object is the one the log recorded, then it is opened with the holding', async () => {
    const info = { sha256: SHA, size: 3, contentType: 'a' };
    const { use } = reads([{ caseId: 'c-1', agency: 'a' }], ['a'], info);
    const opened = await use.open({ principal: reader('a'), sha256: SHA, requestId: 'r1' });
    expect(opened).toEqual({ holding: medium('a'), info });
    const gone = await use.bytes(opened).catch((e: unknown) => e);
    expect((gone as LedgerError).code).toBe('integrity_fault');
  });
});
