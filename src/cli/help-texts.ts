import { CONFIG_VARIABLES } from '../config.js';
import { REBUILD_BATCH } from '../read-models-rebuild.js';
import { PARALLEL_REBUILD_FROM } from '../read-models-rebuild-threads.js';

// The help of the commands whose modules load the service's stores and threads (hundreds of milliseconds): kept
// here, with light imports only, so that `ledger <command> --help` prints at once (src/cli/main.ts) without loading
// the command.

export const serveHelp = `Usage: ledger serve

Runs the HTTP API. Without EVENTSTORE_URL and S3_* it uses the embedded default: a SQLite file and a media
folder under LEDGER_DATA_DIR, and keys generated there on first start. Stops gracefully on SIGTERM, SIGINT or
SIGHUP: requests in flight and appends already accepted finish before the stores close; a connection kept alive
carries no new request (503 shutting_down, not processed) and closes after the answer it carries. Holds the data
folder's lock (LEDGER_DATA_DIR/service.lock) while it runs: it does not start while another service or
"ledger rebuild" holds it, and "ledger rebuild" refuses while it runs. The lock ends with the process, however it
ends.

Options:
  -h, --help  this help

Exit codes: 0 stopped by SIGTERM, SIGINT or SIGHUP, 1 did not start (a configuration error naming the variable,
the data folder held by another service or a rebuild, or a store that cannot be opened), 2 usage error.

Environment:
${CONFIG_VARIABLES.map((v) => `  ${v.name.padEnd(24)} ${v.description} [default: ${v.default}]`).join('\n')}
`;

export const checkHelp = `Usage: ledger check [--media] [--skip-read-models] [--json]

Walks the whole event store and checks it: every event's hash and service signature, every stream's hash chain
from revision 0, every checkpoint's signature, and that the Merkle tree recomputed from the events has, at each
checkpoint's size, the root the checkpoint signed (the latest checkpoint included); that each stored event is an
event at all (malformed_event, named by its position, and the walk goes on) and is filed under its own stream,
revision and hash (index_mismatch); that the head the store records for each stream is its last event
(stream_head_mismatch, stream_truncated); that each officer key's
revocation is recorded on the key's own stream (key_revocation_unrecorded, key_revocation_record_mismatch); that
no checkpoint the read models record is missing from the log (checkpoints_missing) and that every checkpoint
names the log's origin (checkpoint_origin_changed); and that the read models are what the projections make of the
log: they are rebuilt into a temporary file up to the stored models' position and compared document by document
(read_model_mismatch, read_models_ahead; the copy and the rebuild take about twice the size of read-models.sqlite
in TMPDIR, removed when the check ends, and by the next check when one was interrupted); and lists the events a
read model quarantined because a projection could not apply them (event_quarantined). Progress goes to stderr, a
summary and the faults found to stdout. Safe to run while the service runs: it changes nothing in the folder (the read models are read through a
copy made as it starts; SQLite may leave the -wal and -shm files of a database it opened), and refuses a folder
that has no event store rather than make one. A folder on a read-only disk (an archived backup, a snapshot) is
checked from copies of its databases in TMPDIR, as it says, which SQLite could not open where they are.

Options:
  --media             also read back and re-hash every medium an event references, from the configured media
                      store (the data folder, or S3 when S3_BUCKET is set; the report says which): each stored
                      version that an upload recorded as verified
  --skip-read-models  do not rebuild and compare the read models (nothing is written to TMPDIR, but for a
                      folder on a read-only disk)
  --json              print the report as JSON
  -h, --help          this help

Exit codes: 0 no fault, 1 faults found (or the store cannot be read), 2 usage error.
`;

export const backupHelp = `Usage: ledger backup --to FOLDER [--no-check] [--json]

Backs up the data folder of the embedded default (LEDGER_DATA_DIR) into FOLDER, while the service runs or not,
with progress on stderr: the webhook outbox, the log (events.sqlite) as of one moment, the cases' data keys, the
keys folder (the service's private keys and the master key: keep FOLDER as safe as the data folder), and every
medium, each re-hashed as it is copied. What the log holds needs only what was copied with or after it, so the
copy is whole whatever the service does meanwhile. The read models are not copied: the service makes them again
from the log at its first start on the copy.

FOLDER is laid out as a data folder, with a manifest (backup.json: when, the log's last position, the digest of
each file). It must be empty, missing, or hold an earlier backup, which is brought up to date: its files are
replaced once their copies are complete, and only the media it lacks are copied. Then the copy is checked as
"ledger check --media --skip-read-models" checks a data folder (--no-check skips it).

To restore: stop the service, "ledger restore --from FOLDER" into an empty data folder (each file checked against
the manifest first), then start the service on it. Acts recorded after the backup are not in it (docs/operations.md).

With EVENTSTORE_URL the log is not here to copy: the command refuses (back EventStoreDB up with its own tools).
With S3_BUCKET the media are in the bucket and are not copied (keep the bucket versioned or replicated).

Options:
  --to FOLDER   the backup folder (created owner-only when missing)
  --no-check    do not check the copy
  --json        print the report (and the check's) as JSON
  -h, --help    this help

Exit codes: 0 backed up and checked, 1 refused, or a medium or the copy found faulty, 2 usage error.
`;

export const restoreHelp = `Usage: ledger restore --from FOLDER [--no-check] [--json]

Restores a backup that "ledger backup" made into the data folder (LEDGER_DATA_DIR), which must hold no file: an
empty or missing folder (a data folder that holds a log is never overwritten: move it aside first). The service must
not run on it; the restore holds it, and the backup folder, meanwhile.

First every database and key file of the backup is checked against the SHA-256 its manifest (backup.json)
recorded, and a backup damaged since it was made is refused before anything is copied, as is one whose data keys or
media are kept otherwise than the configuration keeps them (LEDGER_DATA_KEY_STORE; S3_BUCKET: a backup's media
folder is never copied into a bucket, and a backup made with S3_BUCKET holds no media). Then each goes where the
configuration puts it (LEDGER_KEYS_DIR, LEDGER_MASTER_KEY_FILE, LEDGER_DATA_KEYS_FILE: by default the data
folder's own layout), the log last, and each medium is hashed as it is copied. Then the restored folder is checked
as "ledger check --media --skip-read-models" checks it (--no-check skips it). Start the service on it afterwards:
it makes the read models again from the log before it is ready. A restore stopped part way (killed, a full disk)
leaves a mark (restore.incomplete) on which the service refuses to start: run it again and it completes. Acts
recorded after the backup was made are not in it (docs/operations.md says what that means for the checkpoints
already published).

Options:
  --from FOLDER   the backup folder
  --no-check      do not check the restored folder
  --json          print the report (and the check's) as JSON
  -h, --help      this help

Exit codes: 0 restored and checked, 1 refused, or a medium or the restored log found faulty, 2 usage error.
`;

export const rebuildHelp = `Usage: ledger rebuild [--prepare] [--batch N] [--threads 1|2]

Drops every read model (case files, the disclosure feed, the supervision views, the registries' public lists)
and rebuilds them from the log, with progress on stderr and the rate at the end.

The new read models are built beside the old ones (LEDGER_DATA_DIR/read-models.sqlite.rebuild) and replace
them only when complete, so an interrupted rebuild leaves the old ones in place. Stop the service first: a
running service holds the data folder (LEDGER_DATA_DIR/service.lock), and the rebuild refuses (exit 1) while it
does; the service refuses to start while a rebuild runs. The service also rebuilds on its own at start-up when
the projections' versions changed.

A log of ${PARALLEL_REBUILD_FROM.toLocaleString('en-US')} events or more is rebuilt on two threads where the machine has two cores
or more: the transparency log's projections (and a few that read only their own documents) on one, the case
files and the views that read them on the other, each into a file of its own, put together at the end
(docs/read-models.md). It takes a fifth to a third less time than one thread on two free cores, and needs more
memory (about twice) and more disk while it runs (the second part's file is copied into the first); it falls
back to one thread when the disk fills. The service's start-up rebuild does the same (LEDGER_REBUILD_THREADS).

With --prepare, the service may keep running: the read models are built for the next start-up of this
version of the service (LEDGER_DATA_DIR/read-models.sqlite.next) and the current ones are left alone. A
service whose read models are outdated takes the prepared ones at start-up and applies only the events
recorded since, instead of rebuilding them all: upgrade by preparing with the new version while the old
one serves, then restart. Run with the version already in use, whose read models are current, it prepares
nothing and says so. Two --prepare at once are not: the second is refused while the first builds.

Options:
  --prepare     build the read models for the next start-up, beside those in use
  --batch N     events applied per transaction (default ${REBUILD_BATCH.toLocaleString('en-US')})
  --threads N   1: apply every projection on one thread (less memory and disk; leaves a core to a service
                running beside it); 2: on two threads whatever the size of the log, where the machine has
                two cores (default: LEDGER_REBUILD_THREADS, 2: from ${PARALLEL_REBUILD_FROM.toLocaleString('en-US')} events); the rate line
                says which was used
  -h, --help    this help

Exit codes: 0 rebuilt (or prepared), 1 failed (refused while the service or another rebuild holds the data
folder, or another rebuild builds the same read models; a configuration error, or a store that cannot be read),
2 usage error.
`;
