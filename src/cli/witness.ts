import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { systemClock } from '../adapters/clock/system-clock.js';
import { loadOrCreateWitnessKey, type WitnessKey } from '../adapters/keys/witness-key.js';
import { SqliteWitnessStore } from '../adapters/sqlite/witness-store.js';
import { addWitnessLog, Witness, witnessLogOrigin } from '../app/witness.js';
import { LOG_LEVELS, type LogLevel } from '../config.js';
import { oneOf } from '../config-values.js';
import { ConfigError } from '../errors.js';
import { createWitnessServer } from '../http/witness-server.js';
import { cosignatureVerifierKey } from '../ledger/cosignature.js';
import { createLogger } from '../logger.js';
import { print, UsageError, type CliIo } from './io.js';

export const DEFAULT_WITNESS_PORT = 8090;

export const witnessHelp = `Usage: ledger witness serve [--data DIR] [--port N] [--host ADDR] [--name NAME] [--log VKEY]...
                            [--allow-plain ORIGIN]...
       ledger witness key [--data DIR] [--name NAME]
       ledger witness logs add VKEY [--origin ORIGIN] [--data DIR]
       ledger witness logs list [--data DIR]
       ledger witness refusals [--data DIR] [--limit N] [--json]

A witness (C2SP tlog-witness) for a ledger's checkpoints, run by a supervising body on its own machine with its own
key. It keeps, per log origin, the latest checkpoint it cosigned, and cosigns a new one (POST /add-checkpoint) only
when the log's signature verifies with a key configured here and a consistency proof shows that it extends the
cosigned one. A checkpoint must commit to the ledger's stream heads (an evidence-ledger/heads/v1 line) unless
its origin is allowed plain checkpoints. A fork (same size, another root or another heads root; or a proof that
fails) or a rollback (a smaller tree) is refused, logged and recorded in the witness's store ("ledger witness
refusals" lists them). It never trusts the log.

  serve      answer add-checkpoint requests (stops on SIGTERM or SIGINT); --log adds a trusted log first
  key        print the witness's verifier key (<name>+<key ID>+<base64(0x04 || key)>), generating the key
             on first use: give it to the ledger (WITNESSES) and to whoever verifies bundles (--witness)
  logs       add a log to follow (its note verifier key, as GET /v1/ledger/keys gives it in noteKey; the
             origin defaults to the key's name, as the ledger signs), or list them
  refusals   the checkpoints refused as a fork, rollback or inconsistent, newest first, with the log's
             signed note as evidence

Options:
  --data DIR    the witness's folder: its key (witness-key.json, 0600) and store (witness.sqlite)
                [default: $WITNESS_DATA_DIR or ./witness-data]
  --port N      TCP port [default: $WITNESS_PORT or ${DEFAULT_WITNESS_PORT}; 0 picks a free one]
  --host ADDR   address to listen on [default: 0.0.0.0]
  --name NAME   the witness's key name, on the first start only, e.g. procuratorate.example/witness
                [default: <host name>/witness]
  --log VKEY    (serve) trust this log key for the origin of its name; may be repeated
  --allow-plain ORIGIN
                (serve) cosign checkpoints of this origin that carry no evidence-ledger/heads/v1 line: for a
                log that is not an evidence ledger; may be repeated [default: every checkpoint must carry one]
  --origin O    (logs add) the log's origin line, when it is not the key's name
  -h, --help    this help

Environment (an empty variable counts as unset):
  WITNESS_DATA_DIR  the default of --data
  WITNESS_PORT      the default of --port
  LOG_LEVEL         (serve) ${LOG_LEVELS.join(' | ')} [default: info]; the log goes to stdout

Exit codes: 0 done (serve: stopped by SIGTERM or SIGINT), 1 failed (a bad WITNESS_PORT or LOG_LEVEL is a
configuration error naming it), 2 usage error.

Example:
  ledger witness key --data /srv/witness --name procuratorate.example/witness
  ledger witness logs add 'evidence-ledger.local/log+1a2b3c4d+AXN...' --data /srv/witness
  ledger witness serve --data /srv/witness --port 8090
`;

export async function witness(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      data: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      name: { type: 'string' },
      log: { type: 'string', multiple: true },
      'allow-plain': { type: 'string', multiple: true },
      origin: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (values.help) {
    print(io.stdout, witnessHelp);
    return 0;
  }
  const [action, ...rest] = positionals;
  // an empty --data would be the folder the command runs in
  if (values.data === '') throw new UsageError('--data names a folder');
  const dataDir = path.resolve(io.cwd, values.data ?? variable(io, 'WITNESS_DATA_DIR') ?? './witness-data');
  const key = () =>
    loadOrCreateWitnessKey(
      dataDir,
      { ...(values.name ? { name: values.name } : {}), defaultName: `${os.hostname()}/witness` },
      systemClock.now(),
    );
  if (action === 'key') {
    noMore(rest);
    const k = key();
    print(io.stdout, cosignatureVerifierKey(k.name, k.signer.publicKey));
    return 0;
  }
  const store = () => new SqliteWitnessStore(path.join(dataDir, 'witness.sqlite'));
  /** The store of a witness folder made before (by `key` or `serve`): a folder that does not exist is mistyped. */
  const existingStore = () => {
    if (!fs.existsSync(dataDir)) {
      throw new Error(
        `no witness folder ${dataDir} (--data or WITNESS_DATA_DIR): "ledger witness key --data DIR" makes one`,
      );
    }
    return store();
  };
  if (action === 'logs') {
    const [what, ...more] = rest;
    // the command line is checked before the folder is
    if (what === 'add' && more.length !== 1) throw new UsageError('logs add takes one verifier key');
    if (what !== 'add' && what !== 'list' && what !== undefined) throw new UsageError(`unknown logs action ${what}`);
    if (what !== 'add') noMore(more);
    if (what === 'add') {
      try {
        witnessLogOrigin(more[0]!, values.origin);
      } catch (err) {
        // the key or origin given is not one: the command line is wrong
        if (err instanceof RangeError) throw new UsageError(err.message);
        throw err;
      }
    }
    const s = existingStore();
    try {
      if (what === 'add') {
        const { origin } = addWitnessLog(s, more[0]!, values.origin);
        print(io.stdout, `following ${origin}`);
        return 0;
      }
      for (const log of s.logs()) {
        const latest = s.latest(log.origin);
        print(
          io.stdout,
          `${log.origin}  ${latest ? `cosigned size ${latest.size} at ${latest.cosignedAt}` : 'nothing cosigned yet'}`,
        );
        for (const k of log.keys) print(io.stdout, `  ${k}`);
      }
      return 0;
    } finally {
      s.close();
    }
  }
  if (action === 'refusals') {
    noMore(rest);
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isSafeInteger(limit) || limit < 1) throw new UsageError('--limit is a positive whole number');
    const s = existingStore();
    try {
      const refusals = s.refusals(limit);
      if (values.json) print(io.stdout, JSON.stringify(refusals, null, 2));
      else if (refusals.length === 0) print(io.stdout, 'no refusals');
      for (const r of values.json ? [] : refusals) {
        print(
          io.stdout,
          `${r.at}  ${r.kind.padEnd(12)} ${r.origin}  size ${r.size} root ${r.rootHash} heads ${r.headsRoot ?? '-'}` +
            `  (cosigned: size ${r.cosignedSize} root ${r.cosignedRootHash} heads ${r.cosignedHeadsRoot ?? '-'})`,
        );
      }
      return 0;
    } finally {
      s.close();
    }
  }
  if (action === 'serve') {
    noMore(rest);
    const listen = {
      port: listenPort(values.port, variable(io, 'WITNESS_PORT')),
      level: logLevel(variable(io, 'LOG_LEVEL')),
    };
    return serveWitness(io, dataDir, key(), store(), { ...values, ...listen });
  }
  if (action === undefined) throw new UsageError('give an action: serve, key, logs or refusals');
  throw new UsageError(`unknown witness action ${action}`);
}

/** A variable's value without surrounding blanks; an empty or blank one counts as unset, as in `loadConfig`. */
function variable(io: CliIo, name: string): string | undefined {
  const value = io.env[name]?.trim();
  return value === '' ? undefined : value;
}

/** --port, else WITNESS_PORT (a bad one named as such), else the default. */
function listenPort(option: string | undefined, fromEnv: string | undefined): number {
  const raw = option ?? fromEnv ?? String(DEFAULT_WITNESS_PORT);
  const port = Number(raw);
  if (/^\d{1,5}$/.test(raw) && port <= 65535) return port;
  if (option !== undefined) throw new UsageError('--port is a TCP port, 0..65535');
  throw new ConfigError('WITNESS_PORT', `"${raw}" is not a TCP port, 0..65535`);
}

/** LOG_LEVEL, refused as \`ledger serve\` refuses it. */
function logLevel(raw: string | undefined): LogLevel {
  return oneOf('LOG_LEVEL', raw, LOG_LEVELS, 'info');
}

function noMore(rest: string[]): void {
  if (rest.length > 0) throw new UsageError(`unexpected argument ${rest[0]}`);
}

async function serveWitness(
  io: CliIo,
  dataDir: string,
  key: WitnessKey,
  store: SqliteWitnessStore,
  values: { port: number; level: LogLevel; host?: string; log?: string[]; 'allow-plain'?: string[] },
): Promise<number> {
  const { port } = values;
  const log = createLogger(values.level).child({ component: 'witness' });
  const witness = new Witness({
    store,
    name: key.name,
    signer: key.signer,
    clock: systemClock,
    plainOrigins: values['allow-plain'] ?? [],
    onRefusal: (r) =>
      log.error(
        {
          origin: r.origin,
          kind: r.kind,
          size: r.size,
          rootHash: r.rootHash,
          headsRoot: r.headsRoot,
          cosignedSize: r.cosignedSize,
          cosignedHeadsRoot: r.cosignedHeadsRoot,
          refusal: r.id,
        },
        `witness: refused a ${r.kind} of ${r.origin}; recorded as evidence`,
      ),
  });
  try {
    for (const vkey of values.log ?? []) addWitnessLog(store, vkey);
  } catch (err) {
    store.close();
    throw new UsageError(`--log: ${(err as Error).message}`);
  }
  const logs = store.logs();
  if (logs.length === 0) log.warn('witness: no log to follow yet: add one with --log or "ledger witness logs add"');
  const verifierKey = cosignatureVerifierKey(key.name, key.signer.publicKey);
  const server = createWitnessServer({
    witness,
    verifierKey,
    onAnswer: ({ status, refusal, origin }) =>
      status === 200
        ? log.debug({ origin, status }, 'witness: cosigned')
        : log.info({ origin, status, ...(refusal ? { refusal } : {}) }, 'witness: did not cosign'),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, values.host ?? '0.0.0.0', () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  log.info(
    { port: bound, dataDir, verifierKey, logs: logs.map((l) => l.origin), plainOrigins: values['allow-plain'] ?? [] },
    'witness: listening',
  );
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      log.info({ signal }, 'witness: shutting down');
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      server.close(() => resolve());
      server.closeIdleConnections();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  store.close();
  return 0;
}
