// Crash harness for the embedded default: runs the real service (`ledger serve`) as a child process, drives
// concurrent acts, media uploads and checkpoint requests over HTTP, kills it with SIGKILL at a random moment,
// restarts it, and so on; then checks that nothing acknowledged was lost or duplicated and that the log is whole.
//
//   node --import tsx scripts/crash-harness.ts [--iterations 200] [--seed 42] [--suite sm2] [--keep]
//
// The test suite runs it with 15 iterations (test/integration/crash-harness.test.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { FilesystemBlobStore } from '../src/adapters/filesystem/blob-store.js';
import { systemClock } from '../src/adapters/clock/system-clock.js';
import { loadOrCreateKeys, readKeyring } from '../src/adapters/keys/file-keyring.js';
import { SqliteEventStore } from '../src/adapters/sqlite/event-store.js';
import { checkLedger, type CheckReport } from '../src/app/ledger-check.js';
import { loadConfig } from '../src/config.js';
import { openFreeTextKeys } from '../src/free-text-keys.js';
import { issueToken } from '../src/app/tokens.js';
import { keyResolver } from '../src/ledger/ed25519.js';
import { caseStream } from '../src/domain/case/acts.js';
import { CompactRange } from '../src/ledger/merkle.js';
import { isSuiteName, SUITES, type SuiteName } from '../src/ledger/suite.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const AGENCY = 'county-justice';
const WRITERS = 6;
const UPLOADERS = 2;
/** How long a run may take to acknowledge its first write before it is killed anyway. */
const FIRST_WRITE_WAIT_MS = 120_000;

export interface HarnessOptions {
  readonly iterations: number;
  readonly dataDir: string;
  /** Seeds the kill moments, so a failing run can be repeated. */
  readonly seed?: number;
  /** The crypto suite the service runs in (LEDGER_CRYPTO_SUITE) and the log is checked in. Default ed25519. */
  readonly suite?: SuiteName;
  readonly log?: (line: string) => void;
}

export interface HarnessReport {
  readonly iterations: number;
  readonly ackedActs: number;
  readonly ackedMedia: number;
  readonly checkpointsSeen: number;
  /** Problems found; empty when the store kept every promise. */
  readonly problems: string[];
  readonly check: CheckReport;
}

interface Acked {
  readonly caseId: string;
  readonly eventId: string;
  readonly description: string;
}

/** A small deterministic generator (mulberry32) for the kill moments and body sizes. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function startChild(dataDir: string, suite: SuiteName): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/ledger.js'), 'serve'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      LEDGER_DATA_DIR: dataDir,
      LEDGER_CRYPTO_SUITE: suite,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      CHECKPOINT_EVERY_EVENTS: '25',
      PUBLIC_RATE_LIMIT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const lines = readline.createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`the service exited (${code}) before listening: ${stderr.slice(-2000)}`)),
    );
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg === 'listening' && entry.port) resolve(entry.port);
      } catch {
        // not a log line of ours
      }
    });
  });
  child.removeAllListeners('exit');
  return { child, url: `http://127.0.0.1:${port}` };
}

/** Resolves once `done()` holds (polled), or after `limitMs` whatever it says. */
async function until(done: () => boolean, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

export async function runCrashHarness(options: HarnessOptions): Promise<HarnessReport> {
  const log = options.log ?? (() => {});
  const rand = random(options.seed ?? 1);
  const { dataDir } = options;
  const suite = options.suite ?? 'ed25519';
  const acked: Acked[] = [];
  const media = new Map<string, string>(); // sha256 → the bytes' own SHA-256 as the client computed it
  const checkpoints: { size: number; rootHash: string }[] = [];
  const problems: string[] = [];

  // First start: keys are generated; the registries are filled.
  let { child, url } = await startChild(dataDir, suite);
  const keys = loadOrCreateKeys(path.join(dataDir, 'keys'), systemClock, suite);
  const token = (sub: string, roles: ('officer' | 'admin')[]) =>
    issueToken(
      { sub, agency: AGENCY, roles, ttlSeconds: 3600 },
      {
        keyId: keys.tokenKey.keyId,
        privateKey: keys.tokenKey.privateKey,
        issuer: 'evidence-ledger',
        audience: 'evidence-ledger',
      },
      systemClock.now(),
    );
  const admin = token('head', ['admin']);
  const officer = token('alice', ['officer']);
  const post = (base: string, route: string, body: unknown, bearer: string, headers: Record<string, string> = {}) =>
    fetch(base + route, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  for (const officerId of ['alice', 'bob']) {
    const res = await post(
      url,
      '/v1/officers',
      {
        officerId,
        name: officerId,
        agency: AGENCY,
        certificateNo: `1405-${officerId}`,
        validFrom: '2020-01-01',
        validTo: '2035-12-31',
        roles: ['officer'],
      },
      admin,
    );
    if (res.status !== 201) throw new Error(`registering ${officerId}: ${res.status}`);
  }
  const item = { code: 'P-001', agency: AGENCY, name: '检查', category: 'inspection', legalBasis: '《条例》第十条' };
  if ((await post(url, '/v1/items', item, admin)).status !== 201) throw new Error('registering the item failed');
  const today = new Date().toISOString().slice(0, 10);
  for (let w = 0; w < WRITERS; w++) {
    const open = {
      caseId: `crash-${w}`,
      itemCode: 'P-001',
      title: `检查 ${w}`,
      openedOn: today,
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某公司' }],
    };
    if ((await post(url, '/v1/cases', open, officer)).status !== 201) throw new Error('opening a case failed');
  }
  const counters = Array.from({ length: WRITERS }, () => 0);

  for (let iteration = 0; iteration < options.iterations; iteration++) {
    if (iteration > 0) ({ child, url } = await startChild(dataDir, suite));
    const base = url;
    let running = true;
    const writer = async (w: number) => {
      while (running) {
        const n = counters[w]!;
        const description = `w${w}-n${n}`;
        try {
          const res = await post(
            base,
            `/v1/cases/crash-${w}/acts`,
            {
              type: 'EvidenceCollected',
              occurredAt: `${today}T00:00:00Z`,
              officers: ['alice', 'bob'],
              data: { description },
            },
            officer,
            { 'idempotency-key': description },
          );
          if (res.status === 201 || res.status === 200) {
            const body = (await res.json()) as { eventId: string };
            acked.push({ caseId: `crash-${w}`, eventId: body.eventId, description });
            counters[w] = n + 1;
          } else if (res.status >= 500) {
            problems.push(`iteration ${iteration}: ${description} answered ${res.status}`);
          }
        } catch {
          // the service died mid-request: not acknowledged; the same idempotency key is retried after the restart
          return;
        }
      }
    };
    const uploader = async () => {
      while (running) {
        const size = 16_384 + Math.floor(rand() * 500_000);
        const bytes = Buffer.alloc(size);
        for (let i = 0; i < size; i += 4096) bytes[i] = Math.floor(rand() * 256);
        // a video as the service checks one: it starts as an MP4 file (an ISO base media ftyp box)
        bytes.writeUInt32BE(24, 0);
        bytes.write('ftypisommp41isommp41', 4, 'latin1');
        try {
          const res = await fetch(`${base}/v1/media`, {
            method: 'POST',
            headers: { authorization: `Bearer ${officer}`, 'content-type': 'video/mp4' },
            body: bytes,
          });
          if (res.status === 201 || res.status === 200) {
            const { sha256 } = (await res.json()) as { sha256: string };
            media.set(sha256, createHash('sha256').update(bytes).digest('hex'));
          }
        } catch {
          return;
        }
      }
    };
    const checkpointer = async () => {
      while (running) {
        try {
          const res = await fetch(`${base}/v1/ledger/checkpoint`);
          if (res.status === 200) checkpoints.push((await res.json()) as { size: number; rootHash: string });
        } catch {
          return;
        }
        await new Promise((r) => setTimeout(r, 30));
      }
    };
    const work = [
      ...Array.from({ length: WRITERS }, (_, w) => writer(w)),
      ...Array.from({ length: UPLOADERS }, () => uploader()),
      checkpointer(),
    ];
    // Kill only once this run has written something (the first run also a medium and a checkpoint), then at a
    // random moment after that: every kill lands while writes are under way however slow the machine is.
    const ackedBefore = acked.length;
    await until(
      () => acked.length > ackedBefore && (iteration > 0 || (media.size > 0 && checkpoints.length > 0)),
      FIRST_WRITE_WAIT_MS,
    );
    await new Promise((r) => setTimeout(r, Math.floor(rand() * 700)));
    await kill(child);
    running = false;
    await Promise.all(work);
    log(
      `iteration ${iteration + 1}/${options.iterations}: ${acked.length} acts and ${media.size} media acknowledged so far`,
    );
  }

  // Everything acknowledged must be there, once; the whole log must verify.
  const store = new SqliteEventStore({ path: path.join(dataDir, 'events.sqlite'), writer: 'inline' });
  // an evidence description is free text, sealed under its case's data key: opened here as the read models open it
  const freeText = await openFreeTextKeys(
    loadConfig({ LEDGER_DATA_DIR: dataDir }, ROOT),
    pino({ level: 'silent' }),
    store,
  );
  try {
    if (!freeText) throw new Error(`no master key in ${dataDir}: the sealed descriptions cannot be opened`);
    for (let w = 0; w < WRITERS; w++) {
      const events = await freeText.open(await store.readStream(caseStream(AGENCY, `crash-${w}`)));
      const seen = new Map<string, number>();
      for (const { event, opened } of events) {
        const description = opened?.['/description'];
        if (event.type === 'EvidenceCollected' && typeof description !== 'string')
          problems.push(`the description of event ${event.id} cannot be opened`);
        if (typeof description === 'string') seen.set(description, (seen.get(description) ?? 0) + 1);
      }
      for (const a of acked.filter((x) => x.caseId === `crash-${w}`)) {
        const count = seen.get(a.description) ?? 0;
        if (count !== 1) problems.push(`acknowledged act ${a.description} is present ${count} times`);
        if (!events.some((r) => r.event.id === a.eventId)) problems.push(`acknowledged event ${a.eventId} is missing`);
      }
    }
    const ring = readKeyring(path.join(dataDir, 'keys'))!;
    const eventKeys = ring.keys.filter((k) => k.purpose === 'event').map((k) => createPublicKey(k.publicKeyPem));
    const blobs = new FilesystemBlobStore({ dir: path.join(dataDir, 'media') });
    const check = await checkLedger(
      {
        events: store,
        serviceKeys: keyResolver(eventKeys),
        suite,
        noteKeys: eventKeys,
        blobs,
        checkpointStream: 'ledger-checkpoints',
      },
      { media: true },
    );
    for (const f of check.faults) problems.push(`ledger check: ${f.code}: ${f.detail}`);

    // Every checkpoint a client was given is a prefix of the log as it now stands.
    const all = await store.readAll({ limit: 10_000_000 });
    const range = new CompactRange(SUITES[suite].tree);
    const roots = new Map<number, string>([[0, range.root().toString('base64')]]);
    for (const { event } of all) {
      if (event.stream === 'ledger-checkpoints') continue;
      range.push(SUITES[suite].tree.leaf(Buffer.from(event.hash, 'hex')));
      roots.set(range.size, range.root().toString('base64'));
    }
    for (const c of checkpoints) {
      if (roots.get(c.size) !== c.rootHash)
        problems.push(`checkpoint of size ${c.size} given to a client is not a prefix`);
    }

    // Every acknowledged medium is intact; no partial medium is visible.
    for (const [sha256, clientDigest] of media) {
      const info = await blobs.head(sha256);
      if (!info || sha256 !== clientDigest) problems.push(`acknowledged medium ${sha256} is missing or misnamed`);
    }
    const mediaDir = path.join(dataDir, 'media', 'sha256');
    for (const file of fs.existsSync(mediaDir) ? fs.readdirSync(mediaDir, { recursive: true, encoding: 'utf8' }) : []) {
      const full = path.join(mediaDir, file);
      if (!fs.statSync(full).isFile() || file.endsWith('.json')) continue;
      const name = path.basename(file);
      const digest = createHash('sha256').update(fs.readFileSync(full)).digest('hex');
      if (digest !== name) problems.push(`visible medium ${name} holds other bytes (${digest})`);
      if (!fs.existsSync(`${full}.json`)) problems.push(`visible medium ${name} has no metadata`);
    }
    return {
      iterations: options.iterations,
      ackedActs: acked.length,
      ackedMedia: media.size,
      checkpointsSeen: checkpoints.length,
      problems,
      check,
    };
  } finally {
    freeText?.close();
    await store.close();
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      iterations: { type: 'string', default: '200' },
      seed: { type: 'string', default: String(Date.now() % 100_000) },
      suite: { type: 'string', default: process.env.LEDGER_CRYPTO_SUITE ?? 'ed25519' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(
      'Usage: node --import tsx scripts/crash-harness.ts [--iterations N] [--seed S] [--suite ed25519|sm2] [--keep]\n\n' +
        'Kills the service with SIGKILL N times (default 200) under concurrent writes and uploads, then checks\n' +
        'that every acknowledged act and medium survived exactly once and the whole log verifies. --suite is the\n' +
        'crypto suite the service runs in (default LEDGER_CRYPTO_SUITE, else ed25519). --keep leaves\n' +
        'the data folder for inspection. Exit 0 when nothing was lost.\n',
    );
    process.exit(0);
  }
  if (!isSuiteName(values.suite)) {
    process.stderr.write(`--suite must be ed25519 or sm2, got ${values.suite}\n`);
    process.exit(2);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-crash-'));
  const report = await runCrashHarness({
    iterations: Number(values.iterations),
    seed: Number(values.seed),
    suite: values.suite,
    dataDir,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(
    `${report.iterations} kills (seed ${values.seed}): ${report.ackedActs} acts, ${report.ackedMedia} media and ` +
      `${report.checkpointsSeen} checkpoints acknowledged; log of ${report.check.events} events verified\n`,
  );
  for (const p of report.problems) process.stdout.write(`PROBLEM ${p}\n`);
  process.stdout.write(report.problems.length === 0 ? 'nothing lost, nothing duplicated\n' : 'FAILED\n');
  if (!values.keep) fs.rmSync(dataDir, { recursive: true, force: true });
  else process.stdout.write(`data kept in ${dataDir}\n`);
  process.exit(report.problems.length === 0 ? 0 : 1);
}

if (invokedDirectly) void main();
