import type { OfficerDoc } from '../../projections/registry.js';
import { officerKeyClaimStream } from '../domain/registry/officer-key-claims.js';
import { officerStream } from '../domain/registry/officers.js';
import type { EventEnvelope } from '../ledger/envelope.js';
import type { EventStore } from '../ports/event-store.js';
import type { ReadModelStore } from '../ports/read-models.js';

export interface KeyRevocationRecordsDependencies {
  readonly events: Pick<EventStore, 'readStream'>;
  /** The read models, caught up: the officers' registry names every revoked key. */
  readonly readModels: Pick<ReadModelStore, 'query'>;
  /** Records a revocation on its key's stream (RegistryService.recordKeyRevocation). */
  readonly record: (revocation: EventEnvelope) => Promise<void>;
  /** Officers read at a time from the registry. Default 500. */
  readonly pageSize?: number;
}

/**
 * Records on each revoked key's own stream the revocation its officer's stream holds, where that stream does not
 * show it yet (`OfficerKeyRevocationRecorded`, docs/integrity.md §6): for a revocation recorded before keys' streams
 * recorded them, or one whose second append a crash cut off. The service runs it once its read models caught up at
 * start-up. Reads one stream per revoked key, and the officer's stream only for a revocation to record. Returns the
 * number recorded.
 */
export async function recordKeyRevocations(deps: KeyRevocationRecordsDependencies): Promise<number> {
  let recorded = 0;
  let after: string | undefined;
  for (;;) {
    const limit = deps.pageSize ?? 500;
    const page = deps.readModels.query<OfficerDoc>('officers', { limit, ...(after ? { after } : {}) });
    for (const officer of page.items) {
      for (const key of officer.keys ?? []) {
        if (key.revokedFrom === undefined) continue;
        if (await shown(deps, officer, key.keyId)) continue;
        const revocation = await revocationOf(deps, officer, key.keyId);
        if (!revocation) continue; // the registry is ahead of nothing: the read models follow the log
        await deps.record(revocation);
        recorded += 1;
      }
    }
    if (!page.next) return recorded;
    after = page.next;
  }
}

/** Whether the key's stream records a revocation of it by `officer`. */
async function shown(deps: KeyRevocationRecordsDependencies, officer: OfficerDoc, keyId: string): Promise<boolean> {
  const stream = await deps.events.readStream(officerKeyClaimStream(officer.agency, keyId));
  return stream.some(
    ({ event }) =>
      event.type === 'OfficerKeyRevocationRecorded' &&
      (event.data as { officerId?: unknown }).officerId === officer.officerId,
  );
}

async function revocationOf(
  deps: KeyRevocationRecordsDependencies,
  officer: OfficerDoc,
  keyId: string,
): Promise<EventEnvelope | undefined> {
  const stream = await deps.events.readStream(officerStream(officer.agency, officer.officerId));
  return stream.find(
    ({ event }) => event.type === 'OfficerKeyRevoked' && (event.data as { keyId?: unknown }).keyId === keyId,
  )?.event;
}
