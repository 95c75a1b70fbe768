import { Unauthenticated, cachedVerifier, type Principal } from '../../../src/app/auth.js';
import { standingOf, type OfficerStatusOf } from '../../../src/app/officer-standing.js';
import type { OfficerStatus } from '../../../src/domain/registry/officers.js';

const statuses = new Map<string, OfficerStatus>([
  ['county/alice', 'active'],
  ['county/bob', 'suspended'],
  ['county/carol', 'retired'],
]);
const statusOf: OfficerStatusOf = (agency, id) => statuses.get(`${agency}/${id}`);
const principal = (sub: string, roles: Principal['roles'], agency = 'county'): Principal => ({
  sub,
  agency,
  roles,
  supervises: [],
});

describe("a token's standing: the registry's status of the officer it names", () => {
  it('when the officer is active, or the subject is no registered officer of the token agency, then the token stands as it says', () => {
    for (const p of [
      principal('alice', ['officer']),
      principal('dora', ['officer', 'reviewer']),
      principal('bob', ['officer'], 'city'), // bob of another agency is another person
    ]) {
      expect(standingOf(p, statusOf)).toBe(p);
    }
  });

  it('when a suspended or retired officer holds only enforcement roles, then the token is refused, saying why', () => {
    for (const [sub, status, until] of [
      ['bob', 'suspended', 'until reinstated'],
      ['carol', 'retired', 'for good'],
    ] as const) {
      for (const roles of [['officer'], ['reviewer'], ['officer', 'reviewer']] as const) {
        const refused = () => standingOf(principal(sub, roles), statusOf);
        expect(refused).toThrow(Unauthenticated);
        expect(refused).toThrow(`officer ${sub} of county is ${status}: their tokens are refused ${until}`);
      }
    }
  });

  it('when a suspended officer also holds other roles, then those stand and the enforcement roles are withheld', () => {
    expect(standingOf(principal('bob', ['officer', 'admin', 'reviewer']), statusOf).roles).toEqual(['admin']);
    expect(standingOf(principal('carol', ['supervisor', 'officer']), statusOf).roles).toEqual(['supervisor']);
  });

  it('when a token is used again after the status changed, then the cached verifier asks the status again', () => {
    let calls = 0;
    const verify = cachedVerifier(
      () => {
        calls += 1;
        return principal('erin', ['officer']);
      },
      { now: () => new Date(0), standing: (p) => standingOf(p, statusOf) },
    );
    // a token whose payload has an exp: the cache keeps it by its exp
    const token = `x.${Buffer.from(JSON.stringify({ exp: 10_000 })).toString('base64url')}.y`;
    expect(verify(token).roles).toEqual(['officer']);
    statuses.set('county/erin', 'suspended');
    expect(() => verify(token)).toThrow('officer erin of county is suspended');
    statuses.set('county/erin', 'active');
    expect(verify(token).roles).toEqual(['officer']);
    expect(calls).toBe(1); // one signature verification; the standing each time
  });
});
