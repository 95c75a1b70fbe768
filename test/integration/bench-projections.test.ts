import { projectionsBench, reportProjections } from '../../scripts/bench-projections.js';
import { testSigner } from '../support/events.js';
import { freshTempDir } from '../support/temp-dir.js';

const tempDir = freshTempDir('bench-projections');

// The projections part of `npm run bench` at tiny sizes: it runs, seeds exactly what it says, the events it seeds
// are ones the projections understand (every seeded case ends as a case file with a published decision), each
// measurement covers what it names, and the report prints a line for each target. No timing is asserted.
describe('bench: projections part', () => {
  it('when run at tiny sizes, then it seeds, rebuilds at each log size, follows each log live and times a long case', async () => {
    const result = await projectionsBench({
      dir: tempDir(),
      events: 600,
      smallLog: 300,
      caseActs: 40,
      seconds: 0.3,
      writers: 4,
      signer: testSigner(),
      progress: () => {},
      settleMs: 0,
    });

    expect(result.seed.events).toBe(600);
    expect(result.seed.cases).toBeGreaterThan(10);
    expect(result.raw.events).toBe(600);
    expect(result.rebuilds.map((r) => r.events)).toEqual([300, 600]);
    expect(result.rebuilds[1]!.docs).toEqual({
      cases: result.seed.cases,
      disclosures: result.seed.cases,
      officers: 4 * 55,
    });
    expect(result.bare).toMatchObject({ writers: 4, stored: 0 });
    expect(result.bare.appends).toBeGreaterThan(0);
    // the live runs follow the copy of the log's first 300 events, then the whole log
    expect(result.live.map((l) => l.stored)).toEqual([300, 600]);
    // each timed run came after as long again untimed on the same store
    expect([result.bare, ...result.live].map((r) => r.warmUpAppends > 0)).toEqual([true, true, true]);
    for (const live of result.live) {
      expect(live.appends).toBeGreaterThan(0);
      expect(live.timedOut).toBe(0);
      expect(live.p50).toBeLessThanOrEqual(live.p99);
      expect(live.p99).toBeLessThanOrEqual(live.max);
    }
    expect(result.longCase).toMatchObject({ acts: 40, window: 10 });

    const log = jest.spyOn(console, 'log').mockImplementation(() => {});
    try {
      reportProjections(result);
      const report = log.mock.calls.map((call) => String(call[0])).join('\n');
      for (const target of [
        /rebuild \/ raw read .*\(target >= 25%\)/,
        /rebuild of the first 300 events/,
        /rebuild rate, 600 \/ 300 events .*\(flat = close to 100%\)/,
        /bare appends: 4 writers, fresh store .*\(1 act per append; after [\d,]+ untimed\)/,
        /live: 4 writers, 300 events stored/,
        /live: 4 writers, 600 events stored .* appends\/s .*caught up .* s after the writers stopped; after [\d,]+ untimed, caught up\)/,
        /lag: append ack -> read models .*p99 .*\(target p99 < 50 ms; 0 not applied/,
        /live \(600 stored\) \/ bare appends .*\(target >= 70%\)/,
        /live rate, 600 \/ 300 stored .*\(flat = close to 100%\)/,
        /a case of 40 acts: acts 1-10 /,
        /a case of 40 acts: acts 16-25 /,
        /a case of 40 acts: acts 31-40 /,
        /case's last \/ first 10 acts .*\(flat = close to 100%\)/,
        /this part took .* min/,
      ]) {
        expect(report).toMatch(target);
      }
    } finally {
      log.mockRestore();
    }
  });
});
