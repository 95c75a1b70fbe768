import { generateKeyPairSync } from 'node:crypto';
import type { SignedCheckpoint } from '../../../src/app/transparency-log.js';
import { WitnessSubmitter, type SubmissionFailure } from '../../../src/app/witness-submitter.js';
import { checkpointBody, signNote } from '../../../src/ledger/checkpoint.js';
import { cosign, cosignatureVerifierKey } from '../../../src/ledger/cosignature.js';
import { ed25519Signer } from '../../../src/ledger/ed25519.js';
import { parseAddCheckpoint, SIZE_CONTENT_TYPE } from '../../../src/ledger/witness-protocol.js';
import type { WitnessResponse } from '../../../src/ports/witness-client.js';

const ORIGIN = 'example.org/log';
const logSigner = ed25519Signer(generateKeyPairSync('ed25519').privateKey);
const witnessSigner = ed25519Signer(generateKeyPairSync('ed25519').privateKey);
const WITNESS = 'witness.example/w';
const root = Buffer.alloc(32, 9);
const body = checkpointBody({ origin: ORIGIN, size: 12, rootHash: root });
const latest: SignedCheckpoint = {
  origin: ORIGIN,
  size: 12,
  rootHash: root.toString('base64'),
  note: signNote(body, ORIGIN, logSigner),
  issuedAt: '2026-11-20T00:00:00.000Z',
  timestamps: [],
};
const proofFrom = (from: number) =>
  Array.from({ length: from % 5 === 0 ? 3 : 2 }, (_, i) => Buffer.alloc(32, from + i).toString('base64'));

/** A submitter over a fake witness that answers from `answer`, recording what it was sent and what was stored. */
function submitter(answer: (oldSize: number) => WitnessResponse) {
  const sent: { oldSize: number; proof: string[] }[] = [];
  const recorded: string[] = [];
  const failures: SubmissionFailure[] = [];
  let settle: () => void = () => {};
  const done = new Promise<void>((resolve) => (settle = resolve));
  const s = new WitnessSubmitter({
    log: {
      latest: () => latest,
      list: () => ({ items: [] }),
      consistency: (from, to) => ({ from, to, proof: proofFrom(from) }),
    },
    client: {
      async addCheckpoint(_url, text) {
        const request = parseAddCheckpoint(text)!;
        sent.push({ oldSize: request.oldSize, proof: request.proof.map((p) => p.toString('base64')) });
        return answer(request.oldSize);
      },
    },
    witnesses: [{ url: 'http://w.example', key: cosignatureVerifierKey(WITNESS, witnessSigner.publicKey) }],
    retryMaxMs: 60_000,
    record: async (_checkpoint, c) => {
      recorded.push(c.line);
      return true;
    },
    onCosigned: () => settle(),
    onFailure: (f) => {
      failures.push(f);
      settle();
    },
  });
  return { s, sent, recorded, failures, done };
}

const cosignature = (): WitnessResponse => ({
  status: 200,
  contentType: 'text/plain',
  body: cosign(body, WITNESS, witnessSigner, 1_800_000_000),
});

describe('the witness submitter', () => {
  it('when the witness answers 409 with its size, then the checkpoint goes again with the proof from that size', async () => {
    const { s, sent, recorded, done } = submitter((old) =>
      old === 5 ? cosignature() : { status: 409, contentType: SIZE_CONTENT_TYPE, body: '5\n' },
    );
    s.nudge();
    await done;
    await s.stop();
    expect(sent).toEqual([
      { oldSize: 0, proof: [] },
      { oldSize: 5, proof: proofFrom(5) },
    ]);
    expect(recorded).toHaveLength(1);
    expect(s.metrics()).toContain(`ledger_witness_cosigned_size{witness="${WITNESS}"} 12`);
  });

  it('when the witness refuses the checkpoint, then nothing is recorded and the refusal is reported', async () => {
    const { s, recorded, failures, done } = submitter(() => ({ status: 422, contentType: 'text/plain', body: 'no\n' }));
    s.nudge();
    await done;
    await s.stop();
    expect(recorded).toEqual([]);
    expect(failures[0]).toMatchObject({
      witness: WITNESS,
      reason: 'http_422',
      refused: true,
      size: 12,
      retryInMs: 1000,
    });
    expect(s.metrics()).toContain(`ledger_witness_failures_total{witness="${WITNESS}",reason="http_422"} 1`);
  });

  it('when the answer is not a valid cosignature by the configured key, then it is not recorded', async () => {
    const other = ed25519Signer(generateKeyPairSync('ed25519').privateKey);
    const { s, recorded, failures, done } = submitter(() => ({
      status: 200,
      contentType: 'text/plain',
      body: cosign(body, WITNESS, other, 1_800_000_000),
    }));
    s.nudge();
    await done;
    await s.stop();
    expect(recorded).toEqual([]);
    expect(failures[0]).toMatchObject({ reason: 'cosignature_invalid', refused: false });
  });
});
