/** The embedded event store's tables. `user_version` records the layout; a newer layout is refused. */
export const EVENT_STORE_LAYOUT_VERSION = 1;

export const EVENT_STORE_DDL = `
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
