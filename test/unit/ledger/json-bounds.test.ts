import { canonicalize } from '../../../src/ledger/canonical-json.js';
import {
  bodyBoundsViolation,
  boundsViolation,
  eventDataViolation,
  MAX_ARRAY_ITEMS,
  MAX_EVENT_DATA_BYTES,
  MAX_JSON_DEPTH,
  MAX_OBJECT_MEMBERS,
  MAX_STRING_CHARS,
} from '../../../src/ledger/json-bounds.js';
import { InvalidBody } from '../../../src/errors.js';
import { sealDraft } from '../../../src/app/personal-data.js';
import { aliceDraft } from '../../support/domain.js';
import { seal, testSigner } from '../../support/events.js';

/** An array nesting `levels` levels deep: `[[...[]...]]`. */
function nested(levels: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < levels; i++) value = [value];
  return value;
}

describe('the bounds of what the ledger accepts', () => {
  it('when a value nests exactly the maximum depth, then it is within bounds; one level more is refused there', () => {
    expect(boundsViolation({ a: nested(MAX_JSON_DEPTH - 1) })).toBeUndefined();
    const deeper = boundsViolation({ a: nested(MAX_JSON_DEPTH) });
    expect(deeper?.reason).toBe(`nests deeper than ${MAX_JSON_DEPTH} levels`);
    expect(deeper?.pointer).toBe('/a' + '/0'.repeat(MAX_JSON_DEPTH - 1));
  });

  it('when a value nests 100,000 levels, then it is refused without exhausting the stack', () => {
    expect(boundsViolation(JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)))?.reason).toMatch(/nests deeper/);
  });

  it('when a string or a member name holds a lone surrogate, then the pointer names where (never the value)', () => {
    expect(boundsViolation({ name: 'ok', title: 'a\ud800b' })).toEqual({
      pointer: '/title',
      reason: 'holds a lone UTF-16 surrogate',
    });
    expect(boundsViolation({ x: [{ 'k\udc00': 1 }] })).toEqual({
      pointer: '/x/0',
      reason: 'has a member name that holds a lone UTF-16 surrogate',
    });
    expect(boundsViolation({ ok: '😀 paired surrogates are fine' })).toBeUndefined();
  });

  it.each([
    ['U+FFFF', '\uffff'],
    ['U+FFFE', '\ufffe'],
    ['U+FDD0', '\ufdd0'],
    ['U+FDEF', '\ufdef'],
    ['U+1FFFE', '\u{1fffe}'],
    ['U+10FFFF', '\u{10ffff}'],
  ])('when a body holds the noncharacter %s, then it is refused where it is; a recorded event is not', (_name, c) => {
    const reason = 'holds a Unicode noncharacter (such as U+FFFF)';
    expect(bodyBoundsViolation({ data: { documentNo: `N${c}1` } })).toEqual({ pointer: '/data/documentNo', reason });
    expect(bodyBoundsViolation({ [`k${c}`]: 1 })).toEqual({ pointer: '', reason: `has a member name that ${reason}` });
    // the events a log holds already, and bundles carry, are read as they were recorded
    expect(boundsViolation({ documentNo: `N${c}1` })).toBeUndefined();
    expect(eventDataViolation({ documentNo: `N${c}1` })).toBeUndefined();
  });

  it('when a body holds characters next to the noncharacters, then it is within bounds', () => {
    for (const text of ['\ufdcf', '\ufdf0', '\ufffd', '\ufffc', '\u{1fffd}', '\u{20000}', '县司罚〔2026〕1号😀']) {
      expect(bodyBoundsViolation({ text })).toBeUndefined();
    }
  });

  it('when a number is not finite (1e999 parses to Infinity), then it is refused', () => {
    expect(boundsViolation(JSON.parse('{"fineFen": 1e999}'))).toEqual({
      pointer: '/fineFen',
      reason: 'is not a finite number',
    });
    expect(boundsViolation({ n: NaN })?.reason).toBe('is not a finite number');
  });

  it('when a string, array or object is past its limit, then it is refused; at the limit it is not', () => {
    expect(boundsViolation({ s: 'x'.repeat(MAX_STRING_CHARS) })).toBeUndefined();
    expect(boundsViolation({ s: '😀'.repeat(MAX_STRING_CHARS) })).toBeUndefined(); // characters, not code units
    expect(boundsViolation({ s: 'x'.repeat(MAX_STRING_CHARS + 1) })?.reason).toMatch(/longer than/);
    expect(boundsViolation({ a: new Array(MAX_ARRAY_ITEMS).fill(0) })).toBeUndefined();
    expect(boundsViolation({ a: new Array(MAX_ARRAY_ITEMS + 1).fill(0) })?.pointer).toBe('/a');
    const members = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    expect(boundsViolation(members(MAX_OBJECT_MEMBERS))).toBeUndefined();
    expect(boundsViolation({ o: members(MAX_OBJECT_MEMBERS + 1) })?.pointer).toBe('/o');
  });

  it('when a member name holds / or ~, then the pointer escapes them as RFC 6901 says', () => {
    expect(boundsViolation({ 'a/b': { 'c~d': Infinity } })?.pointer).toBe('/a~1b/c~0d');
  });

  it('when a value has no JSON form, then it is refused', () => {
    expect(boundsViolation({ u: undefined })?.reason).toBe('is not JSON');
    expect(boundsViolation({ d: new Date(0) })?.reason).toBe('is not a JSON object');
  });
});

describe('sealing', () => {
  const signer = testSigner();

  it('when an event is within bounds, then it is sealed as before', () => {
    expect(seal('case-1', null, signer, 1, { data: { description: 'x' } })).toHaveLength(1);
  });

  it('when an event data nests deeper than the maximum, then nothing is signed and the error names the member', () => {
    const data = { corrects: 'x', reason: 'r', data: { deep: nested(MAX_JSON_DEPTH) } };
    let error: unknown;
    try {
      seal('case-1', null, signer, 1, { data });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InvalidBody);
    expect((error as InvalidBody).details.pointer).toMatch(/^\/data\/data\/deep\/0/);
  });

  it('when an event data is larger than the maximum in canonical form, then nothing is signed', () => {
    const strings = Math.ceil(MAX_EVENT_DATA_BYTES / (MAX_STRING_CHARS * 3)) + 1;
    const data = { parts: Array.from({ length: strings }, () => '证'.repeat(MAX_STRING_CHARS)) };
    expect(Buffer.byteLength(canonicalize(data))).toBeGreaterThan(MAX_EVENT_DATA_BYTES);
    expect(() => seal('case-1', null, signer, 1, { data })).toThrow(/larger than 262144 bytes/);
  });

  it('when a personal field is as long as a string may be, then it is sealed and signed; one character more is refused in the clear', () => {
    const key = new Uint8Array(32).fill(7);
    const draft = (description: string) => aliceDraft('EvidenceCollected', { description });
    // its ciphertext is longer than the text (UTF-8, then base64url), and the limit is the text's
    const sealed = sealDraft(draft('证'.repeat(MAX_STRING_CHARS)), key);
    expect((sealed.data as { description: { ct: string } }).description.ct.length).toBeGreaterThan(MAX_STRING_CHARS);
    expect(seal('case-1', null, signer, 1, { data: sealed.data })).toHaveLength(1);
    let error: unknown;
    try {
      sealDraft(draft('证'.repeat(MAX_STRING_CHARS + 1)), key);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InvalidBody);
    expect((error as InvalidBody).details.pointer).toBe('/data/description');
  });

  it('when an event data holds a lone surrogate, then sealing refuses it as invalid_body rather than failing to canonicalize', () => {
    expect(() => seal('case-1', null, signer, 1, { data: { description: '\ud800' } })).toThrow(InvalidBody);
  });
});
