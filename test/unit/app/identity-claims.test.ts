import { principalFromClaims, type ClaimMapping } from '../../../src/app/identity-claims.js';
import { SignInRefused } from '../../../src/errors.js';

const DEFAULT: ClaimMapping = {
  sub: 'sub',
  agency: 'agency',
  roles: 'roles',
  supervises: 'supervises',
  name: 'name',
  roleMap: new Map(),
};

describe("mapping an identity provider's claims to a principal", () => {
  it('when the claims hold the service names, then they are taken as they are (unknown roles dropped)', () => {
    expect(
      principalFromClaims(
        { sub: 'u1', agency: 'county-a', roles: ['officer', 'cleaner', 'officer'], supervises: [], name: ' 李四 ' },
        DEFAULT,
      ),
    ).toEqual({ principal: { sub: 'u1', agency: 'county-a', roles: ['officer'], supervises: [] }, name: '李四' });
  });

  it('when the roles are a space-separated string in a nested claim and a role map is set, then they are mapped', () => {
    const mapping = { ...DEFAULT, roles: 'realm_access.roles', roleMap: new Map([['fzsh', 'reviewer' as const]]) };
    const { principal } = principalFromClaims(
      { sub: 'u2', agency: 'county-a', realm_access: { roles: 'fzsh reviewer' } },
      mapping,
    );
    expect(principal.roles).toEqual(['reviewer']); // only mapped names count once a map is set
  });

  it.each([
    ['no sub', { agency: 'a', roles: ['officer'] }],
    ['an empty agency', { sub: 'u', agency: '', roles: ['officer'] }],
    ['an agency that is not a code', { sub: 'u', agency: '../x', roles: ['officer'] }],
    ['no known role', { sub: 'u', agency: 'a', roles: ['guest'] }],
    ['a malformed supervised agency', { sub: 'u', agency: 'a', roles: ['supervisor'], supervises: ['b c/'] }],
  ])('when the claims have %s, then the sign-in is refused', (_, claims) => {
    expect(() => principalFromClaims(claims, DEFAULT)).toThrow(SignInRefused);
  });
});
