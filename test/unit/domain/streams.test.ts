import fc from 'fast-check';
import { agencyStream, parseAgencyStream } from '../../../src/domain/streams.js';

describe('agency stream names', () => {
  it('when two agencies use ids that would join to the same text, then their streams differ', () => {
    expect(agencyStream('item', 'county', 'justice-P-777')).not.toBe(agencyStream('item', 'county-justice', 'P-777'));
    expect(agencyStream('case', 'a:b', 'c')).not.toBe(agencyStream('case', 'a', 'b:c'));
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
