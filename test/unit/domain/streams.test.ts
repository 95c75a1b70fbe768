import fc from 'fast-check';
import { agencyStream, parseAgencyStream } from '../../../src/domain/streams.js';

describe('agency stream names', () => {
  it('when two agencies use ids that would join to the same text, then their streams differ', () => {
    expect(agencyStream('item', 'county', 'justice-P-777')).not.toBe(agencyStream('item', 'county-justice', 'P-777'));
    expect(agencyStream('case', 'a:b', 'c')).not.toBe(agencyStream('case', 'a', 'b:c'));
  });

  it('when the names of docs/integrity.md §2.1 are made, then they are the ones it gives, other characters as %XX', () => {
    expect(agencyStream('item', 'county', 'justice-P-777')).toBe('item-county:justice-P-777');
    expect(agencyStream('item', 'county-justice', 'P-777')).toBe('item-county-justice:P-777');
    // every character outside A-Z a-z 0-9 . _ - is written as its UTF-8 bytes, upper-case hex
    expect(agencyStream('case', 'a:b', "x~!'()*/ é")).toBe('case-a%3Ab:x%7E%21%27%28%29%2A%2F%20%C3%A9');
  });

  it('when ids are of the schema alphabet, then the name is written as they are', () => {
    expect(agencyStream('case', 'county-justice', 'C-2026.001_a')).toBe('case-county-justice:C-2026.001_a');
  });

  it('when any two (agency, id) pairs differ, then their names differ and each name parses back', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (a1, i1, a2, i2) => {
        const n1 = agencyStream('case', a1, i1);
        expect(parseAgencyStream(n1)).toEqual({ category: 'case', agency: a1, id: i1 });
        if (a1 !== a2 || i1 !== i2) expect(n1).not.toBe(agencyStream('case', a2, i2));
      }),
      { numRuns: 2000 },
    );
  });

  it('when a name was not made by agencyStream, then it does not parse', () => {
    expect(parseAgencyStream('ledger-checkpoints')).toBeUndefined();
    expect(parseAgencyStream('case-a:b:c')).toBeUndefined();
    expect(parseAgencyStream('case-%E0:x')).toBeUndefined();
  });
});
