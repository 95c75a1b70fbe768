import { requireSomeChange, sameJson } from '../../../src/domain/amendments.js';

describe('whether an amendment changes anything', () => {
  it.each([
    [1, 1, true],
    ['a', 'a', true],
    [null, null, true],
    [{ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 }, true],
    [[1, 2], [2, 1], false],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [{ a: 1, b: undefined }, { a: 1, c: 2 }, false],
    [{ a: [] }, { a: {} }, false],
    [0, '0', false],
    [null, {}, false],
  ])('when %j and %j are compared, then same is %s', (a, b, same) => {
    expect(sameJson(a, b)).toBe(same);
    expect(sameJson(b, a)).toBe(same);
  });

  it('when every member changed says what the record says, then 409 version_unchanged; one member otherwise is a change', () => {
    const record = { name: '张三', roles: ['officer'], validTo: '2030-12-31' };
    expect(() => requireSomeChange(record, { name: '张三', roles: ['officer'] }, 'officer a')).toThrow(
      expect.objectContaining({ code: 'version_unchanged', status: 409 }),
    );
    expect(() => requireSomeChange(record, { name: '张三', validTo: '2031-12-31' }, 'officer a')).not.toThrow();
    expect(() => requireSomeChange(record, { retention: 30 }, 'officer a')).not.toThrow();
  });
});
