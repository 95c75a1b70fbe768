import type { Request } from 'express';
import { meetsExpected } from '../../../src/app/command-handler.js';
import { ifMatch } from '../../../src/http/request.js';

const withIfMatch = (value: string | undefined) => ({ get: () => value }) as unknown as Request;

describe('If-Match on a write: the stream revision it names', () => {
  it.each([
    ['"3"', 3],
    ['3', 3],
    ['"12.AbC_d-9"', 12],
    ['  "7"  ', 7],
  ])('when it is %s, then revision %s', (header, revision) => {
    expect(ifMatch(withIfMatch(header))).toBe(revision);
  });

  it('when it is absent, then no revision is asked for', () => {
    expect(ifMatch(withIfMatch(undefined))).toBeUndefined();
  });

  it('when it is * (RFC 9110: any current representation), then the stream need only exist', () => {
    expect(ifMatch(withIfMatch('*'))).toBe('exists');
    expect(ifMatch(withIfMatch(' * '))).toBe('exists');
  });

  it.each(['W/"3"', 'W/"12.AbC_d-9"', ' W/"0" '])(
    'when it is the weak tag %s, then 409 revision_conflict: a weak tag never matches If-Match (RFC 9110 §13.1.1)',
    (header) => {
      expect(() => ifMatch(withIfMatch(header))).toThrow(
        expect.objectContaining({ code: 'revision_conflict', status: 409 }),
      );
      expect(() => ifMatch(withIfMatch(header))).toThrow(/weak entity tag, which never matches/);
    },
  );

  it.each([
    '"3',
    '3"',
    '"3.x',
    '**',
    '"*"',
    '"1", "2"',
    '*, "2"',
    'three',
    '""',
    '"3"x',
    'W/3',
    'w/"3"',
    'W/*',
    '"-1"',
    '-1',
    '"-1.AbC"',
    'W/"-1"',
  ])('when it is %s (half quoted, a list, no number, a negative one), then 400 invalid_body', (header) => {
    expect(() => ifMatch(withIfMatch(header))).toThrow(/If-Match must be a stream revision/);
  });
});

describe('what If-Match asks of the stream a write goes to', () => {
  it.each([
    [undefined, -1, true],
    [undefined, 4, true],
    [4, 4, true],
    [3, 4, false],
    [0, -1, false],
    ['exists', 0, true],
    ['exists', -1, false],
  ] as const)('when it asks %s of a stream at revision %s, then it is met: %s', (expected, revision, met) => {
    expect(meetsExpected(expected, revision)).toBe(met);
  });
});
