import { id, single } from '../../src/http/query.js';
import { InvalidQuery } from '../../src/errors.js';

const refusal = (read: () => unknown): string => {
  try {
    read();
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidQuery);
    return (err as Error).message;
  }
  throw new Error('not refused');
};

describe('query parameters given once', () => {
  it('when a value is given once, then it is taken; absent, undefined', () => {
    expect(single('abc', 'q')).toBe('abc');
    expect(single('x'.repeat(1000), 'q')).toHaveLength(1000);
    expect(single(undefined, 'q')).toBeUndefined();
  });

  it('when a value is given twice or empty, then the problem says to give it once; too long, then it says how long it may be', () => {
    expect(refusal(() => single(['a', 'b'], 'q'))).toBe('q must be given once, as a non-empty value');
    expect(refusal(() => single('', 'limit'))).toBe('limit must be given once, as a non-empty value');
    expect(refusal(() => single('x'.repeat(1001), 'cursor'))).toBe('cursor must be at most 1000 characters');
  });

  it('when an id is not an identifier, then it is refused as one', () => {
    expect(id('county-justice', 'agency')).toBe('county-justice');
    expect(refusal(() => id('a b', 'agency'))).toBe('agency is not an identifier');
  });
});
