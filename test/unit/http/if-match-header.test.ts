import type { Request } from 'express';
import { ifMatch } from '../../../src/http/request.js';

const withIfMatch = (value: string | undefined) => ({ get: () => value }) as unknown as Request;

describe('If-Match on a write: the stream revision it names', () => {
  it.each([
    ['"3"', 3],
    ['3', 3],
    ['W/"3"', 3],
    ['"-1"', -1],
    ['"12.AbC_d-9"', 12],
    ['  "7"  ', 7],
  ])('when it is %s, then revision %s', (header, revision) => {
    expect(ifMatch(withIfMatch(header))).toBe(revision);
  });

  it('when it is absent, then no revision is asked for', () => {
    expect(ifMatch(withIfMatch(undefined))).toBeUndefined();
  });

  it.each(['"3', '3"', '"3.x', '*', '"1", "2"', 'three', '""', '"3"x'])(
    'when it is %s (half quoted, a list, a wildcard, no number), then 400 invalid_body',
    (header) => {
      expect(() => ifMatch(withIfMatch(header))).toThrow(/If-Match must be a stream revision/);
    },
  );
});
