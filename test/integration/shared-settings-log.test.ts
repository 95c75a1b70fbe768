import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { SHARED_SETTINGS_STREAM, SharedSettingsLog } from '../../src/app/shared-settings.js';
import { StreamLocks } from '../../src/app/stream-locks.js';
import type { Clock } from '../../src/ports/clock.js';
import { testSigner } from '../support/events.js';

const clock: Clock = { now: () => new Date('2026-12-04T02:00:00Z') };
const A = { LEDGER_UTC_OFFSET: 'a'.repeat(64), CALENDAR_AGENCY: 'c'.repeat(64) };
const B = { ...A, LEDGER_UTC_OFFSET: 'b'.repeat(64) };

describe('the declarations of the settings replicas share (ledger-settings)', () => {
  it('when a replica declares over a declaration that is no longer the last, then nothing is recorded and it is told to judge again', async () => {
    const events = new SqliteEventStore({ path: ':memory:' });
    const signer = testSigner();
    // two replicas of one log, each with its own lock: only the log orders them
    const [one, two] = [0, 1].map(() => new SharedSettingsLog({ events, clock, locks: new StreamLocks() }));
    expect(await one!.latest()).toBeUndefined();
    const first = await one!.declare(A, signer, undefined);
    expect(first?.settings).toEqual(A);
    // the second read the log before the first declared: its declaration over none is refused
    expect(await two!.declare(B, signer, undefined)).toBeUndefined();
    // the same settings again are the declaration in force, recorded once
    expect((await two!.declare(A, signer, undefined))?.eventId).toBe(first!.eventId);
    // over the declaration it judged, its own is recorded
    const second = await two!.declare(B, signer, first!.eventId);
    expect([second?.settings, (await one!.latest())?.eventId]).toEqual([B, second!.eventId]);
    const recorded = await events.readStream(SHARED_SETTINGS_STREAM);
    expect(recorded.map((r) => r.event.type)).toEqual(['SharedSettingsDeclared', 'SharedSettingsDeclared']);
    expect(recorded[0]!.event.actor).toEqual({ sub: 'ledger', agency: 'ledger', roles: [] });
    await events.close();
  });
});
