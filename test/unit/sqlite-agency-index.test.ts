import Database from 'better-sqlite3';
import path from 'node:path';
import { AGENCY_READ, SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { EVENT_STORE_LAYOUT_VERSION } from '../../src/adapters/sqlite/schema.js';
import { agencyStream } from '../../src/ledger/streams.js';
import { seal, testSigner } from '../support/events.js';
import { freshTempDir } from '../support/temp-dir.js';

const dir = freshTempDir('agency-index');
const signer = testSigner();

describe("the embedded store's index of events by agency", () => {
  it('when an agency is read, then SQLite searches the agency index, never a scan of the events table', async () => {
    const file = path.join(dir(), 'events.sqlite');
    const store = new SqliteEventStore({ path: file, writer: 'inline' });
    await store.close();
    const db = new Database(file, { readonly: true });
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${AGENCY_READ}`)
      .all({ agency: 'a', after: 0, types: '["HearingHeld"]', limit: 10 }) as { detail: string }[];
    db.close();
    const details = plan.map((row) => row.detail).join('\n');
    expect(details).toContain('USING INDEX events_by_agency');
    expect(details).not.toMatch(/SCAN events\b(?! USING)/);
  });

  it('when a store of layout 1 is opened, then it gains the agency column and index, and its events are read by agency', async () => {
    const file = path.join(dir(), 'events.sqlite');
    const stream = agencyStream('case', 'county-justice', 'c-1');
    const store = new SqliteEventStore({ path: file, writer: 'inline' });
    const events = seal(stream, null, signer, 2);
    await store.append(stream, events, 'no_stream');
    await store.close();
    // back to layout 1: no agency column, no index
    const db = new Database(file);
    db.exec('DROP INDEX events_by_agency; ALTER TABLE events DROP COLUMN agency;');
    db.pragma('user_version = 1');
    db.close();

    const reopened = new SqliteEventStore({ path: file, writer: 'inline' });
    const read = await reopened.readAgencies({ agencies: ['county-justice'], limit: 10 });
    await reopened.close();
    expect(read.map((r) => r.event.id)).toEqual(events.map((e) => e.id));
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(EVENT_STORE_LAYOUT_VERSION);
    check.close();
  });
});
