import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { ed25519Signer, keyResolver, type Signer } from '../../src/ledger/ed25519.js';
import { sealEvents, type EventDraft, type EventEnvelope, type StreamHead } from '../../src/ledger/envelope.js';

/** A fresh Ed25519 service key for one test file; tests never use keys from the repository. */
export function testSigner(): Signer {
  return ed25519Signer(generateKeyPairSync('ed25519').privateKey);
}

export function resolverFor(...signers: Signer[]) {
  return keyResolver(signers.map((s) => s.publicKey));
}

export function draft(overrides: Partial<EventDraft> = {}): EventDraft {
  return {
    id: randomUUID(),
    type: 'EvidenceCollected',
    schemaVersion: 1,
    occurredAt: '2026-11-20T09:30:00+08:00',
    actor: { sub: 'officer-1', agency: 'county-justice', roles: ['officer'] },
    data: { description: '现场照片三张' },
    media: [],
    ...overrides,
  };
}

export const RECORDED_AT = '2026-11-20T01:31:00.000Z';

/** Seals `count` new events after `head` on `stream`. */
export function seal(
  stream: string,
  head: StreamHead | null,
  signer: Signer,
  count = 1,
  overrides: Partial<EventDraft> = {},
): EventEnvelope[] {
  const drafts = Array.from({ length: count }, () => draft(overrides));
  return sealEvents(stream, head, drafts, signer, RECORDED_AT);
}

export function headOf(events: readonly EventEnvelope[]): StreamHead {
  const last = events[events.length - 1]!;
  return { revision: last.revision, hash: last.hash };
}
