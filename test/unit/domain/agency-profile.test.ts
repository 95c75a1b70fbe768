import { agencyProfileDecider, profileOf, type AgencyProfile } from '../../../src/domain/registry/agency-profile.js';
import { specification } from '../../support/decider-spec.js';
import { actors } from '../../support/domain.js';

// An agency's public profile (行政执法主体): its admin records the whole of it; a version that says nothing new is
// refused; the state is the latest version.

const spec = specification(agencyProfileDecider);
const PROFILE = { name: '某县司法局', address: '某县人民路1号', telephone: '0000-1234567' };
const set = (profile: object, options: { agency?: string; reason?: string } = {}) =>
  ({
    type: 'SetAgencyProfile',
    actor: actors.head,
    agency: options.agency ?? 'county-justice',
    profile: profile as AgencyProfile,
    ...(options.reason ? { reason: options.reason } : {}),
  }) as const;
const recorded = (data: object) => ({ type: 'AgencyProfileSet' as const, data: { name: '', ...data } });

describe("an agency's public profile", () => {
  it('when the admin records it first, then one AgencyProfileSet holds the whole profile, with the reason when given', () => {
    spec
      .given([])
      .when(set(PROFILE))
      .then([{ type: 'AgencyProfileSet', data: PROFILE }]);
    spec
      .given([])
      .when(set(PROFILE, { reason: '首次登记' }))
      .then([{ type: 'AgencyProfileSet', data: { ...PROFILE, reason: '首次登记' } }]);
  });

  it('when the profile given is the one recorded (whatever the reason or the order of its members), then 409 version_unchanged', () => {
    const reordered = { telephone: PROFILE.telephone, name: PROFILE.name, address: PROFILE.address };
    spec
      .given([recorded(PROFILE)])
      .when(set(reordered, { reason: '再次保存' }))
      .thenFails('version_unchanged', 409);
  });

  it('when a member is left out of a later version, then the version records the profile without it', () => {
    const { telephone: _telephone, ...without } = PROFILE;
    spec
      .given([recorded(PROFILE)])
      .when(set(without))
      .then([{ type: 'AgencyProfileSet', data: without }]);
  });

  it('when a member the profile does not have is sent, then it is not recorded', () => {
    const [event] = spec
      .given([])
      .when(set({ ...PROFILE, website: 'https://example.org' }))
      .then([{ type: 'AgencyProfileSet' }]);
    expect(event!.data).toEqual(PROFILE);
  });

  it('when someone not an admin, or an admin of another agency, records it, then 403 forbidden', () => {
    spec
      .given([])
      .when({ ...set(PROFILE), actor: actors.alice })
      .thenFails('forbidden', 403);
    spec
      .given([])
      .when(set(PROFILE, { agency: 'city-market' }))
      .thenFails('forbidden', 403);
  });

  it('when versions are folded, then the state is the latest profile and the count of versions', () => {
    const state = [recorded(PROFILE), recorded({ name: '某县司法局（更名）', reason: '更名' })].reduce(
      agencyProfileDecider.evolve,
      agencyProfileDecider.initialState(),
    );
    expect(state).toEqual({ version: 2, profile: { name: '某县司法局（更名）' } });
    expect(profileOf({ hours: 'h', name: 'n', reason: 'r' })).toEqual({ name: 'n', hours: 'h' });
  });
});
