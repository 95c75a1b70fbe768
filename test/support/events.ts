import { randomUUID } from 'node:crypto';
import { keyResolver, type Signer } from '../../src/ledger/ed25519.js';
import { testPrivateKey, testSuite } from './suite.js';
import { sealEvents, type EventDraft, type EventEnvelope, type StreamHead } from '../../src/ledger/envelope.js';

/**
 * A fresh service key for one test file, in the test run's suite (Ed25519, or SM2 with LEDGER_CRYPTO_SUITE=sm2);
 * tests never use keys from the repository.
 */
export function testSigner(): Signer {
  return testSuite.signer(testPrivateKey());
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
