import type { Request } from 'express';
import { meetsExpected } from '../../../src/app/command-handler.js';
import { ifMatch } from '../../../src/http/request.js';

const withHeaders = (headers: Record<string, string | undefined>) =>
  ({ get: (name: string) => headers[name.toLowerCase()] }) as unknown as Request;
const withIfMatch = (value: string | undefined) => withHeaders({ 'if-match': value });

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

describe('If-None-Match on a write', () => {
  it('when it is * (RFC 9110 §13.1.2: no current representation), then the stream must not exist yet', () => {
    expect(ifMatch(withHeaders({ 'if-none-match': '*' }))).toBe('absent');
    expect(ifMatch(withHeaders({ 'if-none-match': ' * ' }))).toBe('absent');
  });

  it.each(['"3"', 'W/"3"', '"1", "2"'])('when it names a tag (%s), then 400: a write takes only *', (header) => {
    expect(() => ifMatch(withHeaders({ 'if-none-match': header }))).toThrow(
      expect.objectContaining({ code: 'invalid_body', status: 400 }),
    );
  });

  it('when it comes with If-Match, then 400: the two ask opposite things', () => {
    expect(() => ifMatch(withHeaders({ 'if-none-match': '*', 'if-match': '"3"' }))).toThrow(
      expect.objectContaining({ code: 'invalid_body', status: 400 }),
    );
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
    ['absent', -1, true],
    ['absent', 0, false],
  ] as const)('when it asks %s of a stream at revision %s, then it is met: %s', (expected, revision, met) => {
    expect(meetsExpected(expected, revision)).toBe(met);
  });
});
