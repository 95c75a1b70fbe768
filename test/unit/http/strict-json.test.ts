import fc from 'fast-check';
import { ambiguousJson, duplicateMember } from '../../../src/http/strict-json.js';

describe('JSON that parsers may read differently', () => {
  it.each([
    ['{"a":1,"a":2}', '/a'],
    ['{"a":1,"\\u0061":2}', '/a'],
    ['{"x":{"a":1,"b":{"c":[1,2]},"b":3}}', '/x/b'],
    ['[0,{"k":1},{"k":1,"k":2}]', '/2/k'],
    ['{"a/b":{"~":1,"~":2}}', '/a~1b/~0'],
    ['{"s":"{\\"a\\":1,\\"a\\":2}","t":1,"s":0}', '/s'],
  ])('when %s has a member name twice, then the second is named by its pointer', (text, pointer) => {
    expect(duplicateMember(text)).toBe(pointer);
  });

  it.each([
    '{"a":{"b":1},"c":{"b":1}}',
    '[{"a":1},{"a":1}]',
    '{"a":"\\"a\\":1,","b":["a","a"]}',
    '{"":1,"\\"":2}',
    '"a"',
    '{"a":1',
    '{"a":"unterminated',
  ])('when %s has no object with a name twice (or is not JSON), then nothing is found', (text) => {
    expect(duplicateMember(text)).toBeUndefined();
  });

  it('when any JSON value is written by JSON.stringify, then no member is found twice; when a member is repeated in it, then it is', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (value, name) => {
        const text = JSON.stringify(value);
        expect(duplicateMember(text)).toBeUndefined();
        const repeated = `{${JSON.stringify(name)}:${text},"w":[${text}],${JSON.stringify(name)}:0}`;
        expect(duplicateMember(repeated)).toBe('/' + name.replace(/~/g, '~0').replace(/\//g, '~1'));
      }),
      { numRuns: 300 },
    );
  });

  it('when a body nests deeper than any body may, then the scan stops there and leaves it to the bounds; below, a duplicate is found at any depth', () => {
    const deep = '{"a":'.repeat(200_000) + '1' + '}'.repeat(200_000);
    expect(duplicateMember(deep)).toBeUndefined();
    const nested = '{"a":'.repeat(50) + '{"x":1,"x":2}' + '}'.repeat(50);
    expect(duplicateMember(nested)).toBe('/a'.repeat(50) + '/x');
    expect(duplicateMember('['.repeat(999) + '{"x":1,"x":2}' + ']'.repeat(999))).toBe('/0'.repeat(999) + '/x');
  });

  it('when the bytes are not UTF-8, then that is the reason, with no pointer', () => {
    expect(ambiguousJson(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x22, 0x7d]))).toEqual({
      reason: 'the body is not valid UTF-8',
    });
    expect(ambiguousJson(Buffer.from('{"名":"张三"}'))).toBeUndefined();
  });
});
