import { SqliteEventStore } from '../../../src/adapters/sqlite/event-store.js';
import { SESSION_LIFETIME_BOUND_MS, TokenRevocations } from '../../../src/app/token-revocations.js';
import { loadConfig } from '../../../src/config.js';
import { SIGN_OUT_STREAM } from '../../../src/domain/tokens/revocations.js';
import type { Clock } from '../../../src/ports/clock.js';
import { testSigner } from '../../support/events.js';

/*
 * A replica learns the portal's sign-outs from the log when it starts, newest first, and stops at the first one older
 * than any session lives: years of sign-outs cost its start one batch, and every session still live that was signed
 * out is refused.
 */

const signer = testSigner();
const officer = { sub: 'alice', agency: 'county-justice', roles: ['officer' as const] };
const hash = (i: number) => i.toString(16).padStart(64, '0');

describe('the sign-outs a replica loads at start', () => {
  let store: SqliteEventStore;
  let now = Date.parse('2026-12-01T08:00:00Z');
  const clock: Clock = { now: () => new Date(now) };
  const stop = new AbortController();
  let read = 0;
  /** The store, counting the sign-outs read from it. */
  const counted = () =>
    new Proxy(store, {
      get(target, name, receiver) {
        if (name !== 'readStream') return Reflect.get(target, name, receiver) as unknown;
        return async (...args: Parameters<SqliteEventStore['readStream']>) => {
          const events = await target.readStream(...args);
          if (args[0] === SIGN_OUT_STREAM) read += events.length;
          return events;
        };
      },
    });
  const signOut = (list: TokenRevocations, i: number, untilMs: number) =>
    list.endSession(officer, { session: hash(i), until: new Date(untilMs).toISOString() });

  beforeAll(async () => {
    store = new SqliteEventStore({ path: ':memory:' });
    const writer = new TokenRevocations({ events: store, signer, clock });
    // 120 sign-outs two days ago (their sessions long expired), then 60 today, in sessions live for 8 more hours
    for (let i = 0; i < 120; i++) await signOut(writer, i, now + 8 * 3600_000);
    now += 2 * 24 * 3600_000;
    for (let i = 120; i < 180; i++) await signOut(writer, i, now + 8 * 3600_000);
    now += 60_000;
  }, 120_000);
  afterAll(async () => {
    stop.abort();
    await store.close();
  });

  it('when a replica starts, then every sign-out of a live session is refused, and the old ones are not all read', async () => {
    read = 0;
    // read 25 at a time: the 60 recent ones take three reads, the last of them reaching the old
    const list = new TokenRevocations({ events: counted(), signer, clock }, { signOutBatch: 25 });
    await list.start(stop.signal);
    for (const i of [120, 150, 179]) expect(list.sessionEnded(hash(i))).toBe(true);
    expect(list.sessionEnded(hash(200))).toBe(false);
    // the 60 recent ones, and no more than one batch past them
    expect(read).toBeGreaterThanOrEqual(60);
    expect(read).toBeLessThanOrEqual(75);
  });

  it('when a session lasts as long as the configuration allows, then the bound is longer still', () => {
    const longest = loadConfig({ LEDGER_DATA_DIR: '/nowhere', SESSION_MAX_HOURS: '24' }).portal.sessionMaxSeconds;
    expect(longest * 1000).toBeLessThan(SESSION_LIFETIME_BOUND_MS);
    expect(() => loadConfig({ LEDGER_DATA_DIR: '/nowhere', SESSION_MAX_HOURS: '25' })).toThrow(/SESSION_MAX_HOURS/);
  });
});
