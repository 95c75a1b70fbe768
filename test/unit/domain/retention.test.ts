import {
  CATEGORY_RETENTION,
  dueForErasure,
  erasableFrom,
  isRetentionPeriod,
  retentionOf,
} from '../../../src/domain/registry/retention.js';
import { itemDecider, type ItemProfile } from '../../../src/domain/registry/items.js';
import { actors } from '../../support/domain.js';

describe('retention periods (保管期限)', () => {
  it("when an item sets a period, then it is the case's whether the case is major or not", () => {
    expect(retentionOf({ category: 'penalty', retention: 10 }, true)).toEqual({ period: 10, source: 'item' });
    expect(retentionOf({ category: 'other', retention: 'permanent' }, false)).toEqual({
      period: 'permanent',
      source: 'item',
    });
  });

  it('when an item sets none, then a major case is kept permanently and another by its category: 30 or 10 years', () => {
    expect(retentionOf({ category: 'penalty' }, true)).toEqual({ period: 'permanent', source: 'major' });
    expect(retentionOf({ category: 'licensing' }, false)).toEqual({ period: 30, source: 'category' });
    expect(retentionOf({ category: 'inspection' }, false)).toEqual({ period: 10, source: 'category' });
    expect(Object.values(CATEGORY_RETENTION).every((p) => p === 10 || p === 30)).toBe(true);
  });

  it('when the item is unknown, then the case is kept permanently, so nothing becomes due by default', () => {
    expect(retentionOf(undefined, false)).toEqual({ period: 'permanent', source: 'unknown_item' });
  });

  it('when years are counted from the closing, then the same month and day comes that many years later', () => {
    expect(erasableFrom('2019-09-30', 10)).toBe('2029-09-30');
    expect(erasableFrom('2019-12-31', 1)).toBe('2020-12-31');
    expect(erasableFrom('2019-09-30', 'permanent')).toBeUndefined();
  });

  it('when a case closed on 29 February, then it runs to 1 March of a common year and to 29 February of a leap one', () => {
    expect(erasableFrom('2024-02-29', 10)).toBe('2034-03-01');
    expect(erasableFrom('2024-02-29', 4)).toBe('2028-02-29');
    expect(erasableFrom('2000-02-29', 100)).toBe('2100-03-01');
  });

  it('when the first erasable day comes, then the case is due that day and not the day before', () => {
    expect(dueForErasure('2029-09-30', '2029-09-29')).toBe(false);
    expect(dueForErasure('2029-09-30', '2029-09-30')).toBe(true);
    expect(dueForErasure(undefined, '9999-12-31')).toBe(false);
  });

  it('when a period is checked, then only permanent or 1 to 100 whole years pass', () => {
    expect([1, 10, 30, 100, 'permanent'].every(isRetentionPeriod)).toBe(true);
    expect([0, 101, 2.5, -1, '10', 'forever', null].some(isRetentionPeriod)).toBe(false);
  });

  it('when an item is registered with a period out of range, then retention_invalid and no event', () => {
    const profile = {
      code: 'P-9',
      agency: 'county-justice',
      name: '事项',
      category: 'penalty',
      legalBasis: '依据',
      retention: 0,
    } as ItemProfile;
    const command = { type: 'RegisterItem' as const, actor: actors.head, profile };
    expect(() => itemDecider.decide(command, itemDecider.initialState())).toThrow(
      expect.objectContaining({ code: 'retention_invalid', status: 422 }),
    );
    const ok = itemDecider.decide({ ...command, profile: { ...profile, retention: 30 } }, itemDecider.initialState());
    expect(ok).toEqual([{ type: 'ItemRegistered', data: { ...profile, retention: 30 } }]);
  });
});
