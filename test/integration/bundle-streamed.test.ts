import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeBenchBundle } from '../../scripts/bench-integrity.js';
import { verifyBundle, type BundleReport } from '../../src/ledger/bundle-verify.js';
import { LookAhead } from '../../src/ledger/bundle-look-ahead.js';
import { inlineSignatureChecker, type SignatureChecker } from '../../src/ledger/signature-checker.js';
import { eventSigningInput } from '../../src/ledger/envelope.js';
import { suiteOfSigner } from '../../src/ledger/suite.js';
import { pack, resign, unpack, type Member } from '../support/bundles.js';
import { testSigner } from '../support/events.js';

// Without a signature checker the verifier checks each event and proof file on its own as it is read and keeps only
// the answer; with one it holds the files and checks them at the end (the look-ahead's path). Both must report the
// same, failure included, whatever is wrong with the files, in whatever order the archive holds them and however
// its bytes are cut into chunks.

const signer = testSigner();
let members: Member[];

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bundle-streamed-'));
  try {
    const file = path.join(dir, 'case.tar');
    await writeBenchBundle(file, { events: 24, signer });
    members = unpack(fs.readFileSync(file));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

async function* chunks(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** The report read as one chunk and in chunks of 100 bytes without a checker, and as one chunk holding the files. */
async function reports(bundle: Buffer): Promise<BundleReport[]> {
  const trustedKeys = [signer.publicKey];
  return [
    await verifyBundle(chunks(bundle, bundle.length), { trustedKeys }),
    await verifyBundle(chunks(bundle, 100), { trustedKeys }),
    await verifyBundle(chunks(bundle, bundle.length), {
      trustedKeys,
      signatureChecker: inlineSignatureChecker,
      signatureCheckerFrom: 0,
    }),
  ];
}

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
const parsed = (m: Member) => JSON.parse(m.bytes.toString('utf8')) as Record<string, unknown>;
const proofs = () => members.filter((m) => m.name.startsWith('proofs/'));
const eventFiles = () => members.filter((m) => m.name.startsWith('events/'));

/** The bundle with member `name`'s JSON changed by `edit`, the manifest listing it as it now is. */
function edited(name: string, edit: (value: Record<string, unknown>) => unknown): Promise<Buffer> {
  const list = members.map((m) => (m.name === name ? { ...m, bytes: json(edit(parsed(m))) } : m));
  return pack(resign(list, signer));
}

function replaced(name: string, bytes: Buffer): Promise<Buffer> {
  return pack(
    resign(
      members.map((m) => (m.name === name ? { ...m, bytes } : m)),
      signer,
    ),
  );
}

describe('checking event and proof files as they are read', () => {
  it('when the bundle is valid, or holds its proofs before its events, then every way of reading it says valid', async () => {
    const early = members.filter((m) => m === members[0] || m.name === 'checkpoint.txt' || m.name.startsWith('keys/'));
    const proofFirst = [...early, ...proofs(), ...members.filter((m) => !early.includes(m) && !proofs().includes(m))];
    for (const bundle of [await pack(members), await pack(resign(proofFirst, signer))]) {
      const [one, ...others] = await reports(bundle);
      expect(one).toMatchObject({ valid: true, counts: { events: 24, accessRecords: 2, proofs: 26 } });
      for (const other of others) expect(other).toEqual(one);
    }
  });

  const proofCases: Record<string, (proof: Record<string, unknown>, other: Record<string, unknown>) => unknown> = {
    "another event's leaf hash": (p, other) => ({ ...p, leafHash: other.leafHash }),
    'another leaf index': (p) => ({ ...p, leafIndex: (p.leafIndex as number) + 1 }),
    'another tree size': (p) => ({ ...p, treeSize: (p.treeSize as number) + 1 }),
    'a sibling changed': (p) => ({ ...p, proof: ['A'.repeat(43) + '=', ...(p.proof as string[]).slice(1)] }),
    'a sibling in non-canonical base64': (p) => {
      const path = [...(p.proof as string[])];
      const last = path[3]!;
      path[3] = `${last.slice(0, 42)}${last[42] === 'B' ? 'C' : 'B'}=`;
      return { ...p, proof: path };
    },
    'a leaf hash in non-canonical base64': (p) => {
      const leaf = p.leafHash as string;
      return { ...p, leafHash: `${leaf.slice(0, 42)}${leaf[42] === 'B' ? 'C' : 'B'}=` };
    },
    'a path one hash short': (p) => ({ ...p, proof: (p.proof as string[]).slice(0, -1) }),
    'another event id': (p, other) => ({ ...p, eventId: other.eventId }),
    'a path that is not an array': (p) => ({ ...p, proof: 'none' }),
  };
  for (const [what, edit] of Object.entries(proofCases)) {
    it(`when a proof has ${what}, then every way of reading it reports the same failure`, async () => {
      const [target, other] = [proofs()[7]!, proofs()[8]!];
      const [one, ...others] = await reports(await edited(target.name, (p) => edit(p, parsed(other))));
      expect(one!.valid).toBe(false);
      expect(one!.failure!.code).toBe('proof_invalid');
      for (const report of others) expect(report).toEqual(one);
    });
  }

  it('when a proof or an event is not JSON, or an event is changed before one that is not, then the same failure', async () => {
    const cases = [
      await replaced(proofs()[3]!.name, Buffer.from('{"eventId":')),
      await replaced(eventFiles()[5]!.name, Buffer.from('[1,')),
      await pack(
        resign(
          members.map((m) =>
            m.name === eventFiles()[2]!.name
              ? { ...m, bytes: json({ ...parsed(m), type: 'Changed' }) }
              : m.name === eventFiles()[9]!.name
                ? { ...m, bytes: Buffer.from('not json') }
                : m,
          ),
          signer,
        ),
      ),
      await edited(eventFiles()[4]!.name, (e) => ({ ...e, type: 'Changed' })),
      await edited(eventFiles()[6]!.name, (e) => ({ ...e, revision: 7 })),
    ];
    const codes: string[] = [];
    for (const bundle of cases) {
      const [one, ...others] = await reports(bundle);
      codes.push(one!.failure!.code);
      for (const report of others) expect(report).toEqual(one);
    }
    expect(codes).toEqual([
      'proof_invalid',
      'malformed_event',
      'malformed_event',
      'event_hash_mismatch',
      'event_hash_mismatch',
    ]);
  });

  it('when the archive holds a listed file or the manifest twice, then malformed, as the archive reader says', async () => {
    const event = eventFiles()[3]!;
    const twice = [
      await pack([...members.slice(0, -1), event, members.at(-1)!]),
      await pack([...members.slice(0, 3), members[0]!, ...members.slice(3)]),
    ];
    for (const bundle of twice) {
      const [one, ...others] = await reports(bundle);
      expect(one!.failure).toEqual({
        code: 'malformed',
        detail: expect.stringMatching(/ appears twice \(at byte \d+\)$/),
      });
      for (const report of others) expect(report).toEqual(one);
    }
  });
});

describe('signatures checked of a bundle that fails', () => {
  const EVENT_SIGNATURE = eventSigningInput('');

  /**
   * The report of reading `bundle` without a checker, which must be that of the look-ahead's path, and how many
   * event and access record signatures it checked.
   */
  async function counted(bundle: Buffer): Promise<{ report: BundleReport; checked: number }> {
    const [, , reference] = await reports(bundle);
    const verify = jest.spyOn(suiteOfSigner(signer), 'verify');
    try {
      const report = await verifyBundle(chunks(bundle, bundle.length), { trustedKeys: [signer.publicKey] });
      expect(report).toEqual(reference);
      const checked = verify.mock.calls.filter(([, message]) =>
        Buffer.from(message).subarray(0, EVENT_SIGNATURE.length).equals(EVENT_SIGNATURE),
      ).length;
      return { report, checked };
    } finally {
      verify.mockRestore();
    }
  }

  /** A checker that never answers. */
  const silent: SignatureChecker = { check: () => new Promise(() => {}) };

  const flipped = (m: Member, at: number) => {
    const bytes = Buffer.from(m.bytes);
    bytes[at]! ^= 0x04;
    return { ...m, bytes };
  };

  it('when the bundle is valid, then every event and access record signature is checked once', async () => {
    const { report, checked } = await counted(await pack(members));
    expect(report.valid).toBe(true);
    expect(checked).toBe(26);
  });

  it('when a bit of an event or of a later file is flipped, then no event signature is checked', async () => {
    const late = members.at(-1)!;
    for (const name of [eventFiles()[1]!.name, proofs().at(-1)!.name, late.name]) {
      const target = members.find((m) => m.name === name)!;
      const bundle = await pack(members.map((m) => (m === target ? flipped(m, m.bytes.length >> 1) : m)));
      const { report, checked } = await counted(bundle);
      expect(report.failure).toMatchObject({ code: 'file_hash_mismatch', detail: expect.stringContaining(name) });
      expect(report.counts.events).toBe(name === eventFiles()[1]!.name ? 1 : 24);
      expect(checked).toBe(0);
    }
  });

  it("when the checkpoint is not the manifest's, then no event signature is checked, nor waited for from a checker", async () => {
    const note = members.find((m) => m.name === 'checkpoint.txt')!;
    const text = note.bytes.toString('utf8').replace(/^(.*\n)(\d+)\n/, (_all, origin: string, size: string) => {
      return `${origin}${Number(size) + 1}\n`;
    });
    const bundle = await replaced(note.name, Buffer.from(text));
    const { report, checked } = await counted(bundle);
    expect(report.failure?.code).toBe('checkpoint_invalid');
    expect(checked).toBe(0);
    // given a checker, the verifier neither waits for it nor checks what it was handed
    const settled = jest.spyOn(LookAhead.prototype, 'settled');
    try {
      const options = { trustedKeys: [signer.publicKey], signatureChecker: silent, signatureCheckerFrom: 0 };
      expect(await verifyBundle(chunks(bundle, bundle.length), options)).toEqual(report);
      expect(settled).not.toHaveBeenCalled();
    } finally {
      settled.mockRestore();
    }
  });

  it('when an event fails, then no later signature of the case or the access records is checked', async () => {
    const forged = await edited(eventFiles()[3]!.name, (e) => {
      const sig = e.sig as { value: string };
      const other = parsed(eventFiles()[4]!).sig as { value: string };
      return { ...e, sig: { ...sig, value: other.value } };
    });
    const changed = await edited(eventFiles()[2]!.name, (e) => ({ ...e, type: 'Changed' }));
    const expected = [
      { bundle: forged, code: 'signature_invalid', checked: 4 },
      { bundle: changed, code: 'event_hash_mismatch', checked: 2 },
    ];
    for (const { bundle, code, checked } of expected) {
      const counts = await counted(bundle);
      expect([counts.report.failure?.code, counts.checked]).toEqual([code, checked]);
    }
  });
});
