import { createPublicKey, type KeyObject } from 'node:crypto';
import { suiteOfKey } from '../ledger/suite.js';
import { keyIdOf, keyResolver } from '../ledger/ed25519.js';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { availableCores, SignaturePool } from '../app/signature-pool.js';
import { verifyBundle, type BundleReport, type ConsistencyProofInput } from '../ledger/bundle-verify.js';
import { parseCheckpoint } from '../ledger/checkpoint.js';
import { COSIGNATURE_V1, parseVerifierKey, splitNote } from '../ledger/cosignature.js';
import { timestampRoots, type TimestampRoots } from '../ledger/timestamp-verify.js';
import { osReason, print, UsageError, type CliIo } from './io.js';
import { progressBar } from './progress.js';

export const verifyHelp = `Usage: ledger verify FILE|- [--key PEM_FILE ...] [--officer-key [OFFICER=]PEM_FILE ...] [--trusted-checkpoint NOTE_FILE]
                     [--consistency-proof JSON_FILE] [--require-complete] [--witness VKEY ... [--quorum N]]
                     [--tsa-ca PEM_FILE ...]
                     [--threads N] [--json]

Checks an evidence bundle offline, with no server (docs/integrity.md §13.5): the manifest against the files, the
manifest's signature, the signed checkpoint, every event's hash and signature, the hash chains of the case and of
its access records, every medium's size and SHA-256, every event's inclusion proof against the checkpoint, and,
when the checkpoint commits to the heads of all streams, that the bundle holds every event of the case, of its
access records and of the own streams of the officers' keys it carries (so no revocation of those keys is left
out) up to the head the log had at the checkpoint (a cut tail is stream_incomplete); then the RFC 3161
time-stamps of its checkpoints (§15) and, with --witness, the witnesses' cosignatures of them, with what they show
of each disclosure: published by <attested time> (the earlier of the earliest time-stamp and the time a quorum of
the given witnesses vouches for), due <date>: on time, late or not yet attested. Names the first thing that fails.
FILE - reads the bundle from the standard input (a pipe); a named pipe is read as it streams.

Options:
  --key PEM_FILE                trust only this Ed25519 or SM2 public key, or the keys of a file of several PEM blocks
                                and nothing else (repeatable); get them from GET /v1/ledger/keys, every one listed (a rotation leaves
                                the retired key, which signed the older events, beside the current one).
                                Without --key the keys in the bundle are trusted, which shows only that the bundle
                                is consistent with itself: compare their ids with the service's published keys.
  --officer-key [OFFICER=]PEM_FILE
                                trust only this officer's Ed25519 public key (repeatable) for the acts officers
                                signed (actorSig, docs/integrity.md §6), instead of the officers' keys the bundle
                                carries (officers/, each checked as a key event signed by the service); with
                                OFFICER= (the officer's id, e.g. alice=alice.pem) only for that officer's acts,
                                without it for any officer's (not both ways for one key)
  --trusted-checkpoint FILE     a checkpoint (signed note) you already trust, e.g. from the disclosure feed: the
                                bundle's checkpoint must be consistent with it (same log, never rewritten); the
                                report names the revisions of each stream that checkpoint covers, which any later
                                bundle of the case must still hold; only one of the bundle's own size (or
                                --witness) also vouches for the stream heads its checkpoint names (the bundle's
                                completeness): a later one's consistency proof covers the tree, not the heads
  --consistency-proof FILE      the consistency proof between the two ({from, to, proof}, as GET
                                /v1/ledger/proof/consistency serves it) [default: the bundle's consistency.json]
  --require-complete            refuse (stream_incomplete) a bundle whose checkpoint commits to no stream heads
                                (one issued before the ledger committed to them), which cannot show it is complete,
                                and a v4 bundle with officers' keys, which cannot show their revocations are
  --witness VKEY                a witness's verifier key, as \`ledger witness key\` prints it (or a file holding
                                it; repeatable): the checkpoint must carry valid cosignatures (C2SP
                                cosignature/v1) of --quorum distinct given witnesses [witness_quorum_not_met];
                                a cosignature line of a given witness that does not verify is cosignature_invalid
  --quorum N                    how many of the given witnesses must have cosigned [default: all of them]; also
                                how many must have cosigned a checkpoint covering a disclosure for their
                                timestamps to attest its time (the N-th earliest, one per witness)
  --tsa-ca PEM_FILE             trust time-stamps whose TSA certificate chains to this CA certificate (or is this
                                certificate) (repeatable); a token that does not is timestamp_untrusted. Without
                                it, tokens are checked except their chain, and reported as not trusted
  --threads N                   threads that check the bundle: for bundles of 1,000 events or more (100 in the SM2
                                suite), N - 1 worker threads check the events' signatures while this one checks
                                the rest; 1 checks everything here. The report is the same. [default: the number
                                of cores]
  --json                        print the whole report as JSON on stdout

Exit codes: 0 valid, 1 invalid (the first failure on stderr), not verified against --trusted-checkpoint for want of
a consistency proof (said so, with how to give it), or a file that cannot be read (the system's reason on stderr),
2 usage error. Without --key a bundle that passes is only "consistent with itself" (its first line
says so, as the browser's verdict does; its JSON report's trustedKeys have source "bundle"), and exits 0 too:
a script that must know the bundle came from a given ledger passes --key.

Example:
  npx ledger bundle 01a22a3b-1ec5-7a41-9b6e-2f0c4d8e1a37 -o case.tar
  curl -s http://localhost:8080/v1/ledger/keys | node -p 'JSON.parse(require("fs").readFileSync(0)).keys.map((k) => k.publicKeyPem).join("")' > ledger-key.pem
  npx ledger verify case.tar --key ledger-key.pem
  curl -s -H "Authorization: Bearer $TOKEN" http://localhost:8080/v1/cases/01a22a3b-1ec5-7a41-9b6e-2f0c4d8e1a37/bundle | npx ledger verify - --key ledger-key.pem
  npx ledger verify case.tar --key ledger-key.pem --witness "$(cat procuratorate.vkey)" --witness "$(cat court.vkey)" --quorum 1
`;

/** Bundles larger than this show progress on stderr. */
const PROGRESS_FROM_BYTES = 16 * 1024 * 1024;

export async function verify(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      key: { type: 'string', multiple: true },
      'officer-key': { type: 'string', multiple: true },
      'trusted-checkpoint': { type: 'string' },
      'consistency-proof': { type: 'string' },
      'require-complete': { type: 'boolean' },
      'tsa-ca': { type: 'string', multiple: true },
      threads: { type: 'string' },
      witness: { type: 'string', multiple: true },
      quorum: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (values.help) {
    print(io.stdout, verifyHelp);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] === '') throw new UsageError('give exactly one bundle FILE');
  const source = bundleSource(io, positionals[0]!);
  const trustedKeys = values.key?.flatMap((k) => readKeys(path.resolve(io.cwd, k), k));
  const givenOfficerKeys = values['officer-key']?.map((k) => readOfficerKey(io.cwd, k));
  const officerKeys = givenOfficerKeys?.map((k) => k.key);
  // a key is given for one officer, or for any: never both ways, which would leave unsaid which was meant
  const officerKeyOwners = new Map<string, string | undefined>();
  for (const { key, officer } of givenOfficerKeys ?? []) {
    const keyId = keyIdOf(key);
    if (officerKeyOwners.has(keyId) && officerKeyOwners.get(keyId) !== officer) {
      const [a, b] = [officerKeyOwners.get(keyId), officer].map((o) => o ?? 'any officer');
      throw new UsageError(`--officer-key gives key ${keyId} for both ${a} and ${b}`);
    }
    officerKeyOwners.set(keyId, officer);
  }
  if (values['consistency-proof'] !== undefined && values['trusted-checkpoint'] === undefined) {
    throw new UsageError(
      '--consistency-proof goes with --trusted-checkpoint: it proves the bundle consistent with that',
    );
  }
  const trustedCheckpoint = values['trusted-checkpoint']
    ? readTrustedCheckpoint(path.resolve(io.cwd, values['trusted-checkpoint']))
    : undefined;
  const consistencyProof = values['consistency-proof']
    ? readProof(path.resolve(io.cwd, values['consistency-proof']))
    : undefined;

  const witnesses = values.witness?.map((w) => readWitness(io.cwd, w));
  const witnessQuorum = readQuorum(values.quorum, witnesses?.length);
  const timestampRoots = values['tsa-ca'] ? readTsaRoots(values['tsa-ca'], io.cwd) : undefined;
  const threads = values.threads === undefined ? availableCores() : readThreads(values.threads);

  const size = source.size ?? 0;
  const progress = size > PROGRESS_FROM_BYTES ? progressBar(io.stderr, 'bytes') : undefined;
  // the worker threads start with the first batch of signatures, so a small bundle never starts them
  const pool = threads > 1 ? new SignaturePool(threads - 1) : undefined;
  let report: BundleReport;
  try {
    report = await verifyBundle(
      source.open(),
      {
        ...(trustedKeys ? { trustedKeys } : {}),
        ...(officerKeys ? { actorKeys: keyResolver(officerKeys), actorKeyOwners: boundOwners(officerKeyOwners) } : {}),
        ...(trustedCheckpoint !== undefined ? { trustedCheckpoint } : {}),
        ...(consistencyProof ? { consistencyProof } : {}),
        ...(values['require-complete'] ? { requireComplete: true } : {}),
        ...(witnesses ? { witnesses, witnessQuorum } : {}),
        ...(timestampRoots ? { timestampRoots } : {}),
        ...(pool ? { signatureChecker: pool } : {}),
      },
      progress ? (bytes) => progress.update(bytes, size) : undefined,
    );
  } finally {
    await pool?.close();
  }
  progress?.finish();

  // a bundle only not tied to the checkpoint the reader trusts is said to be so, not to be wrong
  const unproven = trustedCheckpoint !== undefined && report.failure?.code === 'consistency_proof_missing';
  if (values.json) print(io.stdout, JSON.stringify(report, null, 2));
  else print(io.stdout, summary(report, unproven));
  if (report.trustedKeys.some((k) => k.source === 'bundle')) {
    const signers = report.trustedKeys
      .filter((k) => k.signed !== undefined)
      .map((k) => `${k.signed!.join(' and ')} by ${k.keyId}`);
    print(
      io.stderr,
      'note: trusted the keys the bundle carries' +
        (signers.length > 0 ? ` (it is signed: ${signers.join('; ')})` : '') +
        ': this shows the bundle consistent with itself, not that it came from a given ledger (a bundle made by ' +
        'any deployment passes so); compare those ids with GET /v1/ledger/keys, or pass --key with its keys',
    );
  }
  if (!report.valid) {
    const said = unproven ? 'not verified against the trusted checkpoint' : 'invalid';
    print(io.stderr, `${said}: ${report.failure!.code}: ${report.failure!.detail}`);
    return 1;
  }
  return 0;
}

function summary(report: BundleReport, unproven = false): string {
  const c = report.counts;
  const keys = report.trustedKeys.map(
    (k) =>
      `${k.keyId} (${k.source === 'given' ? 'given' : 'from the bundle'}` +
      `${k.signed ? `; signed the ${k.signed.join(' and the ')}` : ''})`,
  );
  // checked against the bundle's own keys alone, a bundle made by any deployment is consistent with itself: the
  // verdict says no more (as the browser's does), and the note on stderr says what to compare
  const selfOnly = report.trustedKeys.length > 0 && report.trustedKeys.every((k) => k.source === 'bundle');
  const verdict = !report.valid
    ? unproven
      ? // nothing is shown wrong with the bundle: it is only not tied to the checkpoint the reader trusts
        'not verified against the trusted checkpoint: consistency_proof_missing (nothing shows the bundle wrong: ' +
        'give the consistency proof, as said below)'
      : `invalid: ${report.failure!.code}`
    : selfOnly
      ? `consistent with itself only: case ${report.caseId} (agency ${report.agency}); no --key given, so not shown to come from a given ledger`
      : `valid: case ${report.caseId} (agency ${report.agency})`;
  const lines = [
    verdict,
    `  ${c.events} events, ${c.accessRecords} access records, ${c.media} media (${c.mediaBytes} bytes), ` +
      `${c.proofs} inclusion proofs; ${c.files} files, ${c.bytes} bytes read`,
  ];
  for (const d of report.decisions ?? []) {
    // the decision document's number: what a clerk knows the case by
    const corrected = d.correctedBy?.length ?? 0;
    lines.push(
      `  decision ${d.documentNo ?? '(no document number)'}` +
        (d.decisionType === undefined ? '' : ` (${d.decisionType})`) +
        (d.decidedOn === undefined ? '' : `, decided on ${d.decidedOn}`) +
        ` (revision ${d.revision})` +
        (corrected > 0 ? `; corrected later by ${d.correctedBy!.join(', ')} (sealed: the case file shows how)` : ''),
    );
  }
  if (c.officerSignatures !== undefined) {
    lines.push(
      `  ${c.officerSignatures} acts carry their officer's own signature (actorSig), each checked with the officer's key`,
    );
  }
  if (report.exportedAt !== undefined) {
    // an older export is as valid as a newer one: what it holds is the case as of its checkpoint, and no more
    lines.push(
      `  exported at ${report.exportedAt}: the case as the log held it at the checkpoint below; acts recorded after ` +
        'it are not in this bundle (export again for the latest)',
    );
  }
  if (report.checkpoint) {
    lines.push(
      `  checkpoint: ${report.checkpoint.origin}, size ${report.checkpoint.size}, root ${report.checkpoint.rootHash}` +
        (report.checkpoint.headsRoot === undefined ? '' : `, heads ${report.checkpoint.headsRoot}`),
    );
  }
  if (report.streams) {
    const at = report.streams.map((st) => `${st.stream} at revision ${st.revision}`);
    lines.push(`  exported with ${at.join(', ')}`);
  }
  if (report.complete) {
    const at = report.complete.streams.map((st) =>
      st.revision < 0 ? `${st.stream} (no event)` : `${st.stream} through revision ${st.revision}`,
    );
    lines.push(`  complete: at the checkpoint's size ${report.complete.treeSize} the log held ${at.join(', ')}`);
    if (report.complete.unproven?.includes('officer_key_revocations')) {
      lines.push(
        "  not proven complete: the revocations of the officers' keys (a v4 bundle carries no key streams; export it again for v5)",
      );
    }
  } else if (report.valid) {
    lines.push('  completeness not proven: the checkpoint commits to no stream heads (issued before they were)');
  }
  if (report.trustedCheckpoint) {
    const { size, covers } = report.trustedCheckpoint;
    lines.push(`  consistent with the trusted checkpoint of size ${size}`);
    for (const { stream, throughRevision } of covers ?? []) {
      lines.push(
        throughRevision < 0
          ? `  the checkpoint of size ${size} covers no revision of ${stream}`
          : `  the checkpoint of size ${size} covers revisions 0..${throughRevision} of ${stream}`,
      );
    }
  }
  if (report.witnesses) {
    const { quorum, cosignatures } = report.witnesses;
    lines.push(`  cosigned by ${cosignatures.length} of the given witnesses (quorum ${quorum}):`);
    for (const c of cosignatures) {
      lines.push(`    ${c.name} (${c.keyHash}) at ${new Date(c.timestamp * 1000).toISOString()}`);
    }
  }
  lines.push(`  trusted keys: ${keys.length > 0 ? keys.join(', ') : 'none'}`);
  for (const t of report.timestamps ?? []) {
    const trust = t.trusted ? 'trusted' : 'not checked against a CA: pass --tsa-ca';
    lines.push(`  time-stamp: checkpoint of size ${t.size} existed at ${t.genTime}, says ${t.tsa} (${trust})`);
  }
  for (const d of report.disclosures ?? []) {
    // the due day is the agency's; the instant its end is, in brackets; a publication not attested says so once
    const due = `due ${d.dueBy} (the agency's day, ending ${d.deadline})`;
    if (!d.attestedBy) {
      lines.push(`  disclosure (revision ${d.revision}): not yet attested, ${due}`);
      continue;
    }
    const status = { on_time: 'on time', late: 'late', not_attested: 'not yet attested' }[d.status];
    const trust =
      d.source === 'witnesses'
        ? ` (cosignatures of ${d.cosignatures!.map((c) => c.name).join(', ')})`
        : d.tsaTrusted
          ? ' (RFC 3161 time-stamp)'
          : ' (RFC 3161 time-stamp, not checked against a CA)';
    lines.push(`  disclosure (revision ${d.revision}): published by ${d.attestedBy}, ${due}: ${status}${trust}`);
  }
  return lines.join('\n');
}

/** Where the bundle's bytes come from, and how many there are when that is known beforehand (a regular file). */
interface BundleSource {
  readonly size?: number;
  open(): AsyncIterable<Uint8Array>;
}

/**
 * The bundle `given` names: `-` is standard input (which must not be a terminal), a named pipe or a character
 * device is read as it streams, a regular file by its size (for the progress bar). A file that cannot be read is a
 * failure (exit 1) that says why, as the system put it.
 */
function bundleSource(io: CliIo, given: string): BundleSource {
  if (given === '-') {
    const stdin = io.stdin;
    if (stdin === undefined) throw new Error('cannot read the standard input: there is none');
    if (stdin.isTTY) throw new UsageError('the standard input is a terminal: pipe a bundle into it, or name its FILE');
    return { open: () => stdin };
  }
  const file = path.resolve(io.cwd, given);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
    fs.accessSync(file, fs.constants.R_OK);
  } catch (err) {
    throw new Error(`cannot read ${given}: ${osReason(err)}`);
  }
  const streamed = stat.isFIFO() || stat.isCharacterDevice();
  if (!stat.isFile() && !streamed) throw new Error(`cannot read ${given}: it is not a file`);
  const open = () => fs.createReadStream(file, { highWaterMark: 1024 * 1024 });
  return streamed ? { open } : { size: stat.size, open };
}

function readThreads(value: string): number {
  const n = Number(value);
  if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(n) || n < 1 || n > 256) {
    throw new UsageError('--threads must be a whole number from 1 to 256');
  }
  return n;
}

function readText(file: string, option: string): string {
  try {
    if (fs.statSync(file).isDirectory()) throw new Error(`${option}: cannot read ${file}: it is not a file`);
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (!(err as NodeJS.ErrnoException).code) throw err;
    throw new Error(`${option}: cannot read ${file}: ${osReason(err)}`);
  }
}

/**
 * The public keys of a `--key` file: one PEM block, or several one after another (every key `GET /v1/ledger/keys`
 * lists, the retired ones a rotation left beside the current one included).
 */
const PEM_PUBLIC_KEY = /-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g;

export function readKeys(file: string, shown: string): KeyObject[] {
  const pem = readText(file, '--key');
  const blocks = pem.match(PEM_PUBLIC_KEY) ?? [];
  if (blocks.length === 0) throw new UsageError(`--key ${shown} is not an Ed25519 or SM2 public key in PEM`);
  // a file of keys, and nothing else: a file that merely holds a key somewhere (a bundle holds its own) is not one
  // its reader chose to trust
  if (pem.replace(PEM_PUBLIC_KEY, '').trim() !== '') {
    throw new UsageError(
      `--key ${shown} holds more than PEM public keys: give a file of the ledger's keys alone (GET /v1/ledger/keys)`,
    );
  }
  return blocks.map((block, i) => {
    try {
      const key = createPublicKey(block);
      if (!suiteOfKey(key)) throw new Error('not an Ed25519 or SM2 key');
      return key;
    } catch {
      const which = blocks.length > 1 ? ` (its key ${i + 1} of ${blocks.length})` : '';
      throw new UsageError(`--key ${shown}${which} is not an Ed25519 or SM2 public key in PEM`);
    }
  });
}

/** The given officer keys bound to an officer, by key id. */
function boundOwners(owners: ReadonlyMap<string, string | undefined>): Map<string, string> {
  return new Map([...owners].flatMap(([keyId, officer]) => (officer === undefined ? [] : [[keyId, officer] as const])));
}

/** An officer's key given as `PEM_FILE` or `OFFICER=PEM_FILE` (a file of that very name comes first). */
function readOfficerKey(cwd: string, value: string): { key: KeyObject; officer?: string } {
  const bound = /^([^=/\\]+)=(.+)$/.exec(value);
  const [officer, shown] =
    bound && !fs.existsSync(path.resolve(cwd, value)) ? [bound[1], bound[2]!] : [undefined, value];
  const pem = readText(path.resolve(cwd, shown), '--officer-key');
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ed25519' || !pem.includes('PUBLIC KEY')) throw new Error('not an Ed25519 key');
  } catch {
    throw new UsageError(`--officer-key ${shown} is not an Ed25519 public key in PEM`);
  }
  return officer === undefined ? { key } : { key, officer };
}

/** A witness's cosignature/v1 verifier key, given as such or in a file. */
function readWitness(cwd: string, value: string): { name: string; publicKey: KeyObject } {
  let text = value;
  if (parseVerifierKey(value) === undefined && fs.existsSync(path.resolve(cwd, value))) {
    text = readText(path.resolve(cwd, value), '--witness').trim();
  }
  const key = parseVerifierKey(text);
  if (!key || key.type !== COSIGNATURE_V1) {
    throw new UsageError(
      `--witness ${value} is not a cosignature/v1 verifier key <name>+<key ID>+<base64(0x04 || key)>`,
    );
  }
  return { name: key.name, publicKey: key.publicKey };
}

function readQuorum(value: string | undefined, witnesses: number | undefined): number | undefined {
  if (value === undefined) return witnesses;
  if (witnesses === undefined) throw new UsageError('--quorum needs --witness');
  const n = Number(value);
  if (!/^[0-9]+$/.test(value) || n < 1 || n > witnesses) {
    throw new UsageError(`--quorum must be a whole number from 1 to the ${witnesses} witness key(s) given`);
  }
  return n;
}

function readTsaRoots(files: readonly string[], cwd: string): TimestampRoots {
  const pems = files.map((f) => readText(path.resolve(cwd, f), '--tsa-ca'));
  try {
    return timestampRoots(pems);
  } catch (err) {
    throw new UsageError(`--tsa-ca: not a PEM RSA certificate: ${(err as Error).message}`);
  }
}

/**
 * The trusted checkpoint's text: a signed note whose body is a checkpoint (what `GET /v1/ledger/checkpoint.txt`
 * serves), else a usage error, as a malformed proof is. Whose signature it bears is the verdict's to judge.
 */
function readTrustedCheckpoint(file: string): string {
  const text = readText(file, '--trusted-checkpoint');
  const note = splitNote(text);
  if (!note || !parseCheckpoint(note.body)) {
    throw new UsageError(
      '--trusted-checkpoint is not a signed checkpoint note (the text of GET /v1/ledger/checkpoint.txt, blank line and signatures included)',
    );
  }
  return text;
}

function readProof(file: string): ConsistencyProofInput {
  const text = readText(file, '--consistency-proof');
  try {
    const value = JSON.parse(text) as ConsistencyProofInput;
    if (Number.isSafeInteger(value.from) && Number.isSafeInteger(value.to) && Array.isArray(value.proof)) return value;
  } catch {
    /* reported below */
  }
  throw new UsageError('--consistency-proof is not {from, to, proof} JSON');
}
