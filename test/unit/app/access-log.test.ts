import { SqliteEventStore } from '../../../src/adapters/sqlite/event-store.js';
import {
  AccessLog,
  CASES_LISTED,
  MAX_CASES_PER_LISTING,
  readerTrail,
  type ListedCase,
} from '../../../src/app/access-log.js';
import { verifyChain } from '../../../src/ledger/verify.js';
import type { Clock } from '../../../src/ports/clock.js';
import { resolverFor, testSigner } from '../../support/events.js';

/*
 * A read that shows several cases at once (a page of the case list, the feed, a supervision view) is recorded as
 * one signed event on the reader's own trail, naming each case it showed.
 */

const signer = testSigner();
const clock: Clock = { now: () => new Date('2026-12-01T08:00:00Z') };
const sam = { sub: 'sam', agency: 'city-justice', roles: ['supervisor' as const] };

describe("the reader's trail of listings", () => {
  let store: SqliteEventStore;
  let log: AccessLog;
  let ids = 0;

  beforeEach(() => {
    store = new SqliteEventStore({ path: ':memory:' });
    log = new AccessLog(
      { events: store, signer, clock },
      () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    );
  });
  afterEach(() => store.close());

  const trail = async () => (await store.readStream(readerTrail('city-justice', 'sam'))).map((r) => r.event);

  it('when a listing showed cases, then one signed event on the reader’s trail names each once, in the order shown', async () => {
    const cases: ListedCase[] = [
      { agency: 'county', caseId: 'c-2' },
      { agency: 'county', caseId: 'c-1' },
      { agency: 'county', caseId: 'c-2' },
      { agency: 'county-justice', caseId: 'c-2' },
    ];
    await log.listed({ principal: sam, action: 'list_cases', requestId: 'r1', purpose: '检查', cases });
    const events = await trail();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: CASES_LISTED,
      actor: { sub: 'sam', agency: 'city-justice', roles: ['supervisor'] },
      data: {
        action: 'list_cases',
        requestId: 'r1',
        purpose: '检查',
        outcome: 'granted',
        cases: [
          { agency: 'county', caseId: 'c-2' },
          { agency: 'county', caseId: 'c-1' },
          { agency: 'county-justice', caseId: 'c-2' },
        ],
      },
    });
  });

  it('when a listing showed no case, then nothing is recorded', async () => {
    await log.listed({ principal: sam, action: 'read_feed', requestId: 'r2', cases: [] });
    expect(await trail()).toEqual([]);
  });

  it('when a listing showed more cases than one event names, then several events, chained, name them all', async () => {
    const count = MAX_CASES_PER_LISTING * 2 + 3;
    const cases = Array.from({ length: count }, (_, i) => ({ agency: 'county', caseId: `c-${i}` }));
    await log.listed({ principal: sam, action: 'list_supervision', view: 'erasures', requestId: 'r3', cases });
    await log.listed({ principal: sam, action: 'list_cases', requestId: 'r4', cases: cases.slice(0, 1) });
    const events = await trail();
    expect(events.map((e) => (e.data as { cases: unknown[] }).cases.length)).toEqual([
      MAX_CASES_PER_LISTING,
      MAX_CASES_PER_LISTING,
      3,
      1,
    ]);
    expect(events.flatMap((e) => (e.data as { cases: ListedCase[] }).cases).slice(0, count)).toEqual(cases);
    expect(events.slice(0, 3).every((e) => (e.data as { view?: string }).view === 'erasures')).toBe(true);
    expect(verifyChain(events, { serviceKeys: resolverFor(signer) })).toEqual({ ok: true });
  });
});
