import { randomUUID } from 'node:crypto';
import { uuidv7Generator } from '../../src/app/ids.js';
import { bundleHelp } from '../../src/cli/bundle.js';
import { calendarHelp } from '../../src/cli/calendar.js';
import { checkHelp } from '../../src/cli/check.js';
import { keysHelp } from '../../src/cli/keys.js';
import { rebuildHelp } from '../../src/cli/rebuild.js';
import { tokenHelp } from '../../src/cli/token.js';
import { tokenRevokeHelp } from '../../src/cli/token-revoke.js';
import { verifyHelp } from '../../src/cli/verify.js';

/** A case id as the service makes one (UUIDv7), and a token's jti as `ledger token` makes one (UUIDv4). */
const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const JTI = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const HELPS = { bundleHelp, calendarHelp, checkHelp, keysHelp, rebuildHelp, tokenHelp, tokenRevokeHelp, verifyHelp };

/** The ids the example lines of a help pass to commands and routes. */
function exampleIds(help: string): { caseIds: string[]; jtis: string[] } {
  const examples = help.split(/^Examples?:$/m)[1] ?? '';
  return {
    caseIds: [...examples.matchAll(/(?:ledger bundle |\/v1\/cases\/)([^\s/'"]+)/g)].map((m) => m[1]!),
    jtis: [...examples.matchAll(/--jti (\S+)/g)].map((m) => m[1]!),
  };
}

describe('the examples in the commands’ help', () => {
  it('when the shapes are checked against ids the code makes, then they match them', () => {
    expect(uuidv7Generator({ now: () => new Date('2026-11-30T02:14:07.301Z') })()).toMatch(CASE_ID);
    expect(randomUUID()).toMatch(JTI);
  });

  it('when a help shows a case id or a jti, then it has the shape of one the service gives', () => {
    const seen = { caseIds: 0, jtis: 0 };
    for (const [name, help] of Object.entries(HELPS)) {
      const { caseIds, jtis } = exampleIds(help);
      for (const id of caseIds) expect([name, id]).toEqual([name, expect.stringMatching(CASE_ID)]);
      for (const jti of jtis) expect([name, jti]).toEqual([name, expect.stringMatching(JTI)]);
      seen.caseIds += caseIds.length;
      seen.jtis += jtis.length;
    }
    // the bundle, verify and token helps show case ids; token revoke shows a jti
    expect(seen.caseIds).toBeGreaterThanOrEqual(4);
    expect(seen.jtis).toBeGreaterThanOrEqual(1);
  });
});
