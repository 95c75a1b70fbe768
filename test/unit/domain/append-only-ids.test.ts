import { AppendOnlyIds } from '../../../src/domain/append-only-ids.js';

describe('AppendOnlyIds', () => {
  it('when ids are added one after another, then each set holds its own ids and none added after it', () => {
    const empty = AppendOnlyIds.empty();
    const one = empty.with('a');
    const two = one.with('b');
    expect([empty.has('a'), empty.size]).toEqual([false, 0]);
    expect([one.has('a'), one.has('b'), one.size]).toEqual([true, false, 1]);
    expect([two.has('a'), two.has('b'), two.size]).toEqual([true, true, 2]);
  });

  it('when an id already held is added, then the set is unchanged', () => {
    const set = AppendOnlyIds.empty().with('a').with('b');
    expect(set.with('a')).toBe(set);
  });

  it('when an older set is extended with another id (a fork), then neither line sees the other’s ids', () => {
    const base = AppendOnlyIds.empty().with('a');
    const left = base.with('b').with('c');
    const right = base.with('x');
    expect([right.has('a'), right.has('b'), right.has('c'), right.has('x'), right.size]).toEqual([
      true,
      false,
      false,
      true,
      2,
    ]);
    expect([left.has('x'), left.has('c'), left.size]).toEqual([false, true, 3]);
    // both lines keep growing apart
    expect(left.with('d').has('y')).toBe(false);
    expect(right.with('y').has('d')).toBe(false);
    expect(base.has('b') || base.has('x')).toBe(false);
  });

  it('when a set is extended again by the id that followed it before, then it is that same successor', () => {
    const base = AppendOnlyIds.empty().with('a');
    const first = base.with('b');
    const again = base.with('b');
    expect([again.has('a'), again.has('b'), again.size]).toEqual([true, true, 2]);
    expect([first.with('c').has('c'), again.has('c')]).toEqual([true, false]);
  });

  it('when ids are added with tags, then each set gives the tag of the ids it holds, and a fork its own', () => {
    const base = AppendOnlyIds.empty().with('a', 'CaseOpened');
    const left = base.with('b', 'DecisionIssued');
    const right = base.with('b', 'EvidenceCollected');
    expect([base.tagOf('a'), base.tagOf('b')]).toEqual(['CaseOpened', undefined]);
    expect([left.tagOf('b'), right.tagOf('b'), left.tagOf('a')]).toEqual([
      'DecisionIssued',
      'EvidenceCollected',
      'CaseOpened',
    ]);
    // the same id with the same tag after the same set is that same successor's id again
    expect(base.with('b', 'DecisionIssued').tagOf('b')).toBe('DecisionIssued');
  });
});
