import path from 'node:path';
import fs from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { RevocationList, revocationDecider, type RevocationEvent } from '../../../src/domain/tokens/revocations.js';
import { specification } from '../../support/decider-spec.js';

const admin = { sub: 'head', agency: 'county-justice', roles: ['admin'] };
const NOW = '2026-12-01T10:00:00.000Z';
const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const spec = specification(revocationDecider);
const officer = { sub: 'alice', agency: 'county-justice', roles: ['officer'] };
const SESSION = 'a'.repeat(64);

describe('revoking tokens (decider)', () => {
  it("when an admin revokes a jti, then TokenRevoked names it in the admin's agency", () => {
    spec
      .given()
      .when({ type: 'RevokeToken', actor: admin, jti: 'j-1', reason: 'lost' })
      .then([{ type: 'TokenRevoked', data: { jti: 'j-1', agency: 'county-justice', reason: 'lost' } }]);
  });

  it('when the cut-off lies ahead of the clock, then 422 date_invalid', () => {
    spec
      .given()
      .when({ type: 'RevokeSubjectTokens', actor: admin, sub: 'alice', before: '2026-12-01T10:00:01Z', now: NOW })
      .thenFails('date_invalid', 422);
  });

  it('when the cut-off is a leap second, which no clock here can place, then 422 date_invalid', () => {
    spec
      .given()
      .when({ type: 'RevokeSubjectTokens', actor: admin, sub: 'alice', before: '2026-11-30T23:59:60Z', now: NOW })
      .thenFails('date_invalid', 422);
  });

  it('when the caller is no admin, then it is refused', () => {
    spec
      .given()
      .when({ type: 'RevokeToken', actor: { ...admin, roles: ['officer'] }, jti: 'j-1' })
      .thenFails('forbidden', 403);
  });

  it('when a user of any role signs out of the portal, then SessionEnded names the session in their agency', () => {
    spec
      .given()
      .when({ type: 'EndSession', actor: officer, session: SESSION, until: NOW })
      .then([{ type: 'SessionEnded', data: { session: SESSION, agency: 'county-justice', until: NOW } }]);
  });

  it('when a sign-out names no time the session would expire, then 422 date_invalid', () => {
    spec
      .given()
      .when({ type: 'EndSession', actor: officer, session: SESSION, until: 'soon' })
      .thenFails('date_invalid', 422);
  });

  it('when its events are checked against their schemas, then they agree', () => {
    const dir = path.resolve(__dirname, '../../../schemas');
    const ajv = new Ajv2020({ strict: true });
    ajvFormats.default(ajv);
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(dir, 'defs.schema.json'), 'utf8')));
    const events = [
      ...revocationDecider.decide({ type: 'RevokeToken', actor: admin, jti: 'j-1' }, null),
      ...revocationDecider.decide(
        { type: 'RevokeSubjectTokens', actor: admin, sub: 'alice', before: NOW, now: NOW, reason: 'left' },
        null,
      ),
      ...revocationDecider.decide({ type: 'EndSession', actor: officer, session: SESSION, until: NOW }, null),
    ];
    for (const event of events) {
      const schema = JSON.parse(fs.readFileSync(path.join(dir, `events/${event.type}.schema.json`), 'utf8'));
      expect(ajv.validate(schema, event.data)).toBe(true);
    }
  });
});

describe('the revocation list', () => {
  const list = new RevocationList();
  const events: RevocationEvent[] = [
    { type: 'TokenRevoked', data: { jti: 'j-1', agency: 'county-justice' } },
    { type: 'SubjectTokensRevoked', data: { sub: 'bob', agency: 'county-justice', before: NOW } },
  ];
  for (const event of events) list.apply(event);

  it('when a token has a revoked jti of its agency, then it is revoked; of another agency, then not', () => {
    expect(list.revoked({ sub: 'x', agency: 'county-justice', jti: 'j-1', issuedAt: at(NOW) })).toBe(true);
    expect(list.revoked({ sub: 'x', agency: 'city-market', jti: 'j-1', issuedAt: at(NOW) })).toBe(false);
  });

  it("when a subject's tokens are revoked before T, then older ones (and ones without iat) are, newer ones not", () => {
    expect(list.revoked({ sub: 'bob', agency: 'county-justice', issuedAt: at(NOW) - 1 })).toBe(true);
    expect(list.revoked({ sub: 'bob', agency: 'county-justice' })).toBe(true);
    expect(list.revoked({ sub: 'bob', agency: 'county-justice', issuedAt: at(NOW) })).toBe(false);
    expect(list.revoked({ sub: 'bob', agency: 'city-market', issuedAt: at(NOW) - 1 })).toBe(false);
  });

  it('when the cut-off falls inside the second a token states as its iat, then the token is revoked (it cannot show it came after)', () => {
    const inside = new RevocationList();
    inside.apply({
      type: 'SubjectTokensRevoked',
      data: { sub: 'dan', agency: 'county-justice', before: '2026-12-01T10:00:00.250Z' },
    });
    const second = Date.parse('2026-12-01T10:00:00Z') / 1000;
    expect(inside.revoked({ sub: 'dan', agency: 'county-justice', issuedAt: second })).toBe(true);
    expect(inside.revoked({ sub: 'dan', agency: 'county-justice', issuedAt: second + 1 })).toBe(false);
  });

  it('when an earlier cut-off arrives after a later one, then the later one stands', () => {
    list.apply({
      type: 'SubjectTokensRevoked',
      data: { sub: 'bob', agency: 'county-justice', before: '2020-01-01T00:00:00Z' },
    });
    expect(list.revoked({ sub: 'bob', agency: 'county-justice', issuedAt: at(NOW) - 1 })).toBe(true);
  });
});

describe('a cut-off in the log that no clock can place', () => {
  it('when one was recorded (a leap second), then it revokes nothing and a later cut-off still revokes', () => {
    const list = new RevocationList();
    const cutOff = (before: string): RevocationEvent => ({
      type: 'SubjectTokensRevoked',
      data: { sub: 'eve', agency: 'county-justice', before },
    });
    list.apply(cutOff('2026-12-01T23:59:60Z'));
    expect(list.revoked({ sub: 'eve', agency: 'county-justice', issuedAt: at(NOW) - 1 })).toBe(false);
    list.apply(cutOff(NOW));
    expect(list.revoked({ sub: 'eve', agency: 'county-justice', issuedAt: at(NOW) - 1 })).toBe(true);
    expect(list.revoked({ sub: 'eve', agency: 'county-justice', issuedAt: at(NOW) })).toBe(false);
  });
});

describe('signed-out portal sessions in the list', () => {
  const ms = Date.parse(NOW);
  const ended = (session: string, until: number) =>
    ({
      type: 'SessionEnded',
      data: { session, agency: 'county-justice', until: new Date(until).toISOString() },
    }) as const;

  it('when a session was signed out, then it is refused until it would have expired, and others are not', () => {
    const list = new RevocationList();
    list.apply(ended(SESSION, ms + 60_000));
    expect(list.sessionEnded(SESSION, ms)).toBe(true);
    expect(list.sessionEnded('b'.repeat(64), ms)).toBe(false);
    expect(list.sessionEnded(SESSION, ms + 60_000)).toBe(false); // expired anyway: nothing left to refuse
  });

  it('when many sessions have been signed out, then the expired are forgotten and the live still refused', () => {
    const list = new RevocationList();
    const live = 'c'.repeat(64);
    for (let i = 0; i < 20_000; i++) list.apply(ended(i.toString(16).padStart(64, '0'), ms - 1));
    list.apply(ended(live, ms + 60_000));
    expect(list.endedSessions).toBe(20_001);
    expect(list.sessionEnded(live, ms)).toBe(true);
    expect(list.endedSessions).toBe(1);
    expect(list.sessionEnded(live, ms)).toBe(true);
  });
});
