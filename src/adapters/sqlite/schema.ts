import type Database from 'better-sqlite3';

/** The embedded event store's tables. `user_version` records the layout; a newer layout is refused. */
export const EVENT_STORE_LAYOUT_VERSION = 2;

const DDL = `
CREATE TABLE IF NOT EXISTS events (
  position INTEGER PRIMARY KEY,          -- the global log order, assigned at commit
  id       TEXT    NOT NULL UNIQUE,      -- the envelope id: a retried append finds it
  stream   TEXT    NOT NULL,
  revision INTEGER NOT NULL,
  hash     TEXT    NOT NULL,
  envelope TEXT    NOT NULL,             -- the signed envelope, JSON
  UNIQUE (stream, revision)              -- one event per revision: the chain never forks
) STRICT;

CREATE TABLE IF NOT EXISTS streams (     -- each stream's head; advanced by compare-and-set
  stream   TEXT    PRIMARY KEY,
  revision INTEGER NOT NULL,
  hash     TEXT    NOT NULL
) STRICT, WITHOUT ROWID;
`;

/**
 * Layout 2: each event's agency, the part of its stream's name between the first `-` and the next `:`
 * (`<category>-<agency>:<id>`, as `src/ledger/streams.ts` names them, escaped), NULL for streams of no agency; a
 * virtual column (computed, not stored) with an index, so that an agency's events are read without a scan of the
 * log (`readAgencies`, the pull feed `GET /v1/events`).
 */
const LAYOUT_2 = `
ALTER TABLE events ADD COLUMN agency TEXT GENERATED ALWAYS AS (
  CASE WHEN instr(stream, '-') > 1 AND instr(substr(stream, instr(stream, '-') + 1), ':') > 1
       THEN substr(stream, instr(stream, '-') + 1, instr(substr(stream, instr(stream, '-') + 1), ':') - 1)
  END
) VIRTUAL;
CREATE INDEX IF NOT EXISTS events_by_agency ON events (agency, position) WHERE agency IS NOT NULL;
`;

/** Connection settings every connection to the file uses: WAL, and a commit is on disk when it returns. */
export function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('cache_size = -65536');
  db.pragma('journal_size_limit = 67108864');
}

/**
 * When a checkpoint thread copies the log into the database, the writer checkpoints only past this many
 * pages (a bound on the log should that thread fall behind), instead of SQLite's default 1,000.
 */
export const WRITER_CHECKPOINT_PAGES = 20_000;

export function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > EVENT_STORE_LAYOUT_VERSION) {
    throw new Error(`event store layout ${version} is newer than this version of the service understands`);
  }
  if (version === EVENT_STORE_LAYOUT_VERSION) return;
  // one connection migrates: the others wait for its write lock, then find the layout current
  db.transaction(() => {
    const now = db.pragma('user_version', { simple: true }) as number;
    if (now < 1) db.exec(DDL);
    if (now < 2) db.exec(LAYOUT_2);
    db.pragma(`user_version = ${EVENT_STORE_LAYOUT_VERSION}`);
  }).immediate();
}
