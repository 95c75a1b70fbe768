import { checkOfficerKeysFirst, type HeldEvent } from '../../../src/ledger/bundle-checks.js';
import type { OfficerKeyTrust } from '../../../src/ledger/bundle-officer-keys.js';

const KEY = 'a'.repeat(64);
const held = (id: string, extra: Partial<HeldEvent> = {}): HeldEvent => ({
  name: `events/${id}.json`,
  revision: 0,
  id,
  hash: 'h',
  type: 'EvidenceCollected',
  media: [],
  ...extra,
});
const trust = (registrationId: string): OfficerKeyTrust => ({
  events: [{ ...held(registrationId, { type: 'OfficerKeyRegistered' }), keyId: KEY, index: 0 }],
  keyStreams: [],
  resolve: () => undefined,
  refusal: () => undefined,
});

describe('a bundled officer key comes before the acts it signs, in the log', () => {
  it('when the registration is an earlier leaf than every signed act, then nothing fails; unsigned acts are not looked at', () => {
    const leaves = new Map([
      ['reg', 5],
      ['act', 9],
      ['plain', 1],
    ]);
    expect(() =>
      checkOfficerKeysFirst(trust('reg'), [held('plain'), held('act', { actorKeyId: KEY })], leaves),
    ).not.toThrow();
  });

  it.each([
    ['after the act’s', 12],
    ['the act’s own', 9],
  ])('when the registration’s leaf is %s, then actor_key_not_valid naming both leaves', (_what, leaf) => {
    const leaves = new Map([
      ['reg', leaf],
      ['act', 9],
    ]);
    expect(() => checkOfficerKeysFirst(trust('reg'), [held('act', { actorKeyId: KEY })], leaves)).toThrow(
      expect.objectContaining({ code: 'actor_key_not_valid', message: expect.stringContaining(`leaf ${leaf}`) }),
    );
  });
});
