import fc from 'fast-check';
import referenceCanonicalize from 'canonicalize';
import { canonicalize, canonicalizeWithout, CanonicalizationError } from '../../../src/ledger/canonical-json.js';

function fromIeee754Hex(hex: string): number {
  return Buffer.from(hex, 'hex').readDoubleBE(0);
}

describe('RFC 8785 canonical JSON', () => {
  it('when given the example of RFC 8785 §3.2.3, then it produces the RFC output byte for byte', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    const expected =
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}';
    expect(canonicalize(input)).toBe(expected);
    // RFC 8785 §3.2.4 gives the UTF-8 bytes of the same output in hex
    const rfcHex = `
      7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72 75 65 2c 66 61 6c 73 65 5d 2c 22 6e
      75 6d 62 65 72 73 22 3a 5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31 65 2b 33 30
      2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37 5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24
      5c 75 30 30 30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d`;
    expect(Buffer.from(canonicalize(input), 'utf8').toString('hex')).toBe(rfcHex.replace(/\s+/g, ''));
  });

  it('when members have names from several Unicode planes, then they are sorted by UTF-16 code units (RFC 8785 §3.2.3)', () => {
    const input = JSON.parse(
      '{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One",' +
        '"\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control","\\u00f6":"Latin Small Letter O With Diaeresis"}',
    );
    const values = Object.values(JSON.parse(canonicalize(input)) as Record<string, string>);
    expect(canonicalize(input).startsWith('{"\\r":"Carriage Return","1":"One"')).toBe(true);
    const order = [...canonicalize(input).matchAll(/"([^"]+)":"([^"]+)"/g)].map((m) => m[2]);
    expect(order).toEqual([
      'Carriage Return',
      'One',
      'Control',
      'Latin Small Letter O With Diaeresis',
      'Euro Sign',
      'Emoji: Grinning Face',
      'Hebrew Letter Dalet With Dagesh',
    ]);
    expect(values).toHaveLength(7);
  });

  // RFC 8785 Appendix B: IEEE 754 doubles and their canonical text.
  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('when the number is the double %s, then it is written %s', (hex, text) => {
    expect(canonicalize(fromIeee754Hex(hex))).toBe(text);
    expect(canonicalize([fromIeee754Hex(hex)])).toBe(`[${text}]`);
  });

  it.each([
    ['NaN', fromIeee754Hex('7fffffffffffffff')],
    ['Infinity', fromIeee754Hex('7ff0000000000000')],
    ['-Infinity', -Infinity],
    ['undefined', undefined],
    ['a bigint', 10n],
    ['a function', () => 1],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
    ['a lone high surrogate', '\ud800x'],
    ['a lone low surrogate', 'x\udc00'],
    ['an undefined member', { a: undefined }],
    ['a key with a lone surrogate', { '\udc00': 1 }],
  ])('when the value holds %s, then canonicalization refuses it', (_name, value) => {
    expect(() => canonicalize(value)).toThrow(CanonicalizationError);
  });

  it('when keys come in any order and nesting, then the output is the same and has no whitespace', () => {
    const a = { b: [1, { z: 'ü', a: null }], a: { y: true, x: -0 } };
    const b = { a: { x: 0, y: true }, b: [1, { a: null, z: 'ü' }] };
    expect(canonicalize(a)).toBe('{"a":{"x":0,"y":true},"b":[1,{"a":null,"z":"ü"}]}');
    expect(canonicalize(b)).toBe(canonicalize(a));
  });

  it('when strings hold control characters, quotes and non-ASCII text, then only the JSON-required characters are escaped', () => {
    expect(canonicalize('\u0000\u001f"\\/\u007f中文😀\u2028')).toBe('"\\u0000\\u001f\\"\\\\/\u007f中文😀\u2028"');
  });

  it('when compared with an independent implementation on random JSON, then both agree', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        expect(canonicalize(value)).toBe(referenceCanonicalize(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('when objects of many shapes, and of the same keys in other orders, are canonicalized in turn, then each is sorted by its own keys', () => {
    // more shapes than the key orders remembered (each met again after it was dropped), lists of the same keys in
    // other orders, and long names that are never remembered
    const shapes = Array.from({ length: 90 }, (_, i) => [
      ...new Set(
        Array.from({ length: 1 + (i % 6) }, (_, k) => `k${(i * 7 + k * 13) % 31}${i % 30 === 0 ? 'x'.repeat(70) : ''}`),
      ),
    ]);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(89), fc.boolean()), { minLength: 1, maxLength: 300 }), (picks) => {
        for (const [i, reversed] of picks) {
          const keys = reversed ? [...shapes[i]!].reverse() : shapes[i]!;
          const value: Record<string, unknown> = Object.fromEntries(keys.map((key, n) => [key, { [key]: n, a: [n] }]));
          value.z = 0;
          expect(canonicalize(value)).toBe(referenceCanonicalize(value));
          const rest = { ...value };
          delete rest[keys[0]!];
          delete rest.z;
          expect(canonicalizeWithout(value, keys[0]!, 'z')).toBe(referenceCanonicalize(rest));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('when parsed back, then the canonical text gives an equal value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        expect(JSON.parse(canonicalize(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 1000 },
    );
  });
});
