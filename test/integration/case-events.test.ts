import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import type { AccessLog } from '../../src/app/access-log.js';
import { CaseEvents } from '../../src/app/case-events.js';
import { CaseReads, type Retrieval } from '../../src/app/case-reads.js';
import { caseStream } from '../../src/domain/case/acts.js';
import type { EventStore, ReadStreamOptions } from '../../src/ports/event-store.js';
import { resolverFor, seal, testSigner } from '../support/events.js';

const AGENCY = 'county-justice';
const EVENTS = 40;
const signer = testSigner();
let dir: string;
let store: SqliteEventStore;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-case-events-'));
  store = new SqliteEventStore({ path: path.join(dir, 'events.sqlite'), writer: 'inline', pollIntervalMs: 50 });
  const stream = caseStream(AGENCY, 'c-1');
  await store.append(stream, seal(stream, null, signer, EVENTS), 'no_stream');
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The store, with every `readStream` call and the number of events it returned noted. */
function watched(): { events: EventStore; reads: { options: ReadStreamOptions; returned: number }[] } {
  const reads: { options: ReadStreamOptions; returned: number }[] = [];
  const events: EventStore = Object.create(store) as EventStore;
  events.readStream = async (stream, options = {}) => {
    const read = await store.readStream(stream, options);
    reads.push({ options, returned: read.length });
    return read;
  };
  return { events, reads };
}

const recorded: string[] = [];
const access = {
  record: async (entry: { caseId: string }) => void recorded.push(entry.caseId),
  denied: async () => undefined,
} as unknown as AccessLog;
const retrieval: Retrieval = {
  principal: { sub: 'alice', agency: AGENCY, roles: ['officer'], supervises: [] },
  caseId: 'c-1',
  action: 'read_events',
  requestId: 'r-1',
};

describe('a page of a case’s events', () => {
  it('when a page in the middle of a long stream is read, then the store is asked for the first event, then only the page, the event before it and one more', async () => {
    const { events, reads } = watched();
    const pages = new CaseEvents({ events, reads: new CaseReads(access), serviceKeys: resolverFor(signer) });
    const page = await pages.page(retrieval, { from: 10, limit: 5 });
    expect(page.events.map((e) => e.revision)).toEqual([10, 11, 12, 13, 14]);
    expect(page.next).toBe(15);
    expect(reads.reduce((n, r) => n + r.returned, 0)).toBeLessThanOrEqual(5 + 2 + 1);
    expect(reads.every((r) => r.options.limit !== undefined)).toBe(true);
  });

  it('when the last page is read, then it has no next, and the first page starts the stream', async () => {
    const { events } = watched();
    const pages = new CaseEvents({ events, reads: new CaseReads(access), serviceKeys: resolverFor(signer) });
    const last = await pages.page(retrieval, { from: EVENTS - 3, limit: 5 });
    expect(last.events.map((e) => e.revision)).toEqual([EVENTS - 3, EVENTS - 2, EVENTS - 1]);
    expect(last.next).toBeUndefined();
    const first = await pages.page(retrieval, { from: 0, limit: 2 });
    expect(first.events.map((e) => e.revision)).toEqual([0, 1]);
    expect(first.next).toBe(2);
  });

  it('when the events were signed by a key the service does not hold, then the page is refused (integrity_fault)', async () => {
    const { events } = watched();
    const pages = new CaseEvents({ events, reads: new CaseReads(access), serviceKeys: resolverFor(testSigner()) });
    await expect(pages.page(retrieval, { from: 3, limit: 2 })).rejects.toMatchObject({ code: 'integrity_fault' });
  });
});
