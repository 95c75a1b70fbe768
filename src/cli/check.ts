import { createPublicKey } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import pino from 'pino';
import { openBlobStore, openEventStore, readModelPath } from '../compose.js';
import { readQuarantine } from '../adapters/sqlite/quarantine.js';
import { readKeyring } from '../adapters/keys/file-keyring.js';
import { checkLedger } from '../app/ledger-check.js';
import { keyResolver } from '../ledger/ed25519.js';
import { CHECKPOINT_STREAM } from '../../projections/merkle.js';
import { print, UsageError, type CliIo } from './io.js';
import { progressBar } from './progress.js';

export const checkHelp = `Usage: ledger check [--media] [--json]

Walks the whole event store and checks it: every event's hash and service signature, every stream's hash chain
from revision 0, every checkpoint's signature, and that the Merkle tree recomputed from the events has, at each
checkpoint's size, the root the checkpoint signed (the latest checkpoint included); and lists the events a
read model quarantined because a projection could not apply them. Progress goes to stderr, a
summary and the faults found to stdout. Safe to run while the service runs: it only reads.

Options:
  --media     also read back and re-hash every medium an event references, from the configured media store
              (the data folder, or S3): each stored version that an upload recorded as verified
  --json      print the report as JSON
  -h, --help  this help

Exit codes: 0 no fault, 1 faults found (or the store cannot be read), 2 usage error.
`;

/** The check reports faults itself; what the media store would log (a temporary object left) is not its concern. */
const quietLog = pino({ level: 'silent' });

export async function check(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      media: { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  if (values.help) {
    print(io.stdout, checkHelp);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
  const config = loadConfig(io.env, io.cwd);
  const ring = readKeyring(config.keysDir);
  if (!ring) throw new Error(`no keyring in ${config.keysDir}: nothing was ever signed here`);
  const eventKeys = ring.keys.filter((k) => k.purpose === 'event').map((k) => createPublicKey(k.publicKeyPem));
  const blobs = values.media ? await openBlobStore(config, quietLog) : undefined;
  const events = openEventStore(config);
  const stderr = io.stderr as NodeJS.WritableStream & { isTTY?: boolean };
  const bars = { events: progressBar(stderr, 'events'), media: progressBar(stderr, 'media') };
  let stage: 'events' | 'media' | undefined;
  try {
    const report = await checkLedger(
      {
        events,
        serviceKeys: keyResolver(eventKeys),
        noteKeys: eventKeys,
        checkpointStream: CHECKPOINT_STREAM,
        quarantined: readQuarantine(readModelPath(config)),
        ...(blobs ? { blobs } : {}),
      },
      {
        media: values.media ?? false,
        onProgress: (now, done, total) => {
          if (stage !== now && stage) bars[stage].finish();
          stage = now;
          bars[now].update(done, total);
        },
      },
    );
    if (stage) bars[stage].finish();
    if (values.json) {
      print(io.stdout, JSON.stringify(report, null, 2));
    } else {
      const latest = report.checkpoints.latest;
      print(
        io.stdout,
        [
          `events      ${report.events.toLocaleString('en-US')} in ${report.streams.toLocaleString('en-US')} streams`,
          `merkle tree ${report.tree.size.toLocaleString('en-US')} leaves, root ${report.tree.rootHash}`,
          `checkpoints ${report.checkpoints.checked}` +
            (latest
              ? `; the latest (size ${latest.size}) ${latest.matches ? 'matches' : 'DOES NOT match'} the events`
              : ''),
          ...(values.media
            ? [`media       ${report.media.checked} re-hashed, ${report.media.bytes.toLocaleString('en-US')} bytes`]
            : []),
          report.faultCount === 0 ? 'no fault found' : `${report.faultCount} fault(s):`,
          ...report.faults.map(
            (f) =>
              `  ${f.code}: ${f.detail}${f.stream ? ` [stream ${f.stream}]` : ''}${f.eventId ? ` [event ${f.eventId}]` : ''}${f.position ? ` [position ${f.position}]` : ''}`,
          ),
          ...(report.faultCount > report.faults.length
            ? [`  ... and ${report.faultCount - report.faults.length} more`]
            : []),
        ].join('\n'),
      );
    }
    return report.faultCount === 0 ? 0 : 1;
  } finally {
    await events.close();
    blobs?.close?.();
  }
}
