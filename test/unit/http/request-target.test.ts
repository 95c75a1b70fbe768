import { requestTarget } from '../../../src/http/server.js';

describe('the request target of a refused head (a transport problem’s instance)', () => {
  it('when the bytes begin with a whole request line in origin form, then its target', () => {
    expect(requestTarget(Buffer.from('GET /v1/cases?x=1 HTTP/1.1\r\nHost: a\r\n'))).toBe('/v1/cases?x=1');
    expect(requestTarget(Buffer.from('POST /v1/media HTTP/1.0\r\n'))).toBe('/v1/media');
  });

  it('when there is no whole line, another form of target, a malformed line or no bytes, then none', () => {
    expect(requestTarget(Buffer.from('GET /v1/cases HTTP/1.1'))).toBeUndefined();
    expect(requestTarget(Buffer.from('GET http://a/v1/cases HTTP/1.1\r\n'))).toBeUndefined();
    expect(requestTarget(Buffer.from('OPTIONS * HTTP/1.1\r\n'))).toBeUndefined();
    expect(requestTarget(Buffer.from('GET /a b HTTP/1.1\r\n'))).toBeUndefined();
    expect(requestTarget(Buffer.from('GET /v1/cases HTTP/2.0\r\n'))).toBeUndefined();
    expect(requestTarget(Buffer.from('not a request line\r\n'))).toBeUndefined();
    expect(requestTarget(undefined)).toBeUndefined();
    expect(requestTarget('GET / HTTP/1.1\r\n')).toBeUndefined();
  });

  it('when the target is longer than 2,048 characters, then none', () => {
    expect(requestTarget(Buffer.from(`GET /${'a'.repeat(2_047)} HTTP/1.1\r\n`))).toHaveLength(2_048);
    expect(requestTarget(Buffer.from(`GET /${'a'.repeat(2_048)} HTTP/1.1\r\n`))).toBeUndefined();
  });
});
