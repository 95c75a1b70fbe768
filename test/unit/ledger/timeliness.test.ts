import { earliestAttested, witnessQuorumTime } from '../../../src/ledger/timeliness.js';

describe('the time a quorum of witnesses vouches for', () => {
  const times = [
    { witness: 'a+00000001', timestamp: 300 },
    { witness: 'b+00000002', timestamp: 100 },
    { witness: 'a+00000001', timestamp: 200 }, // a's earlier cosignature, of another covering checkpoint
    { witness: 'c+00000003', timestamp: 500 },
  ];

  it('when several witnesses cosigned, then each counts once, with its earliest time, and the N-th earliest is the time', () => {
    expect(witnessQuorumTime(times, 1)?.ms).toBe(100_000);
    expect(witnessQuorumTime(times, 2)).toEqual({
      ms: 200_000,
      cosignatures: [
        { witness: 'b+00000002', timestamp: 100 },
        { witness: 'a+00000001', timestamp: 200 },
      ],
    });
    expect(witnessQuorumTime(times, 3)?.ms).toBe(500_000);
  });

  it('when fewer witnesses cosigned than the quorum, then they vouch for no time', () => {
    expect(witnessQuorumTime(times, 4)).toBeUndefined();
    expect(witnessQuorumTime([], 1)).toBeUndefined();
  });

  it('when the quorum is 0, then it counts as 1', () => {
    expect(witnessQuorumTime(times, 0)?.ms).toBe(100_000);
  });

  it('when a time-stamp and a quorum both attest, then the earlier is the attested time, the TSA on a tie', () => {
    expect(earliestAttested(5, 7)).toEqual({ ms: 5, source: 'tsa' });
    expect(earliestAttested(9, 7)).toEqual({ ms: 7, source: 'witnesses' });
    expect(earliestAttested(7, 7)).toEqual({ ms: 7, source: 'tsa' });
    expect(earliestAttested(undefined, 7)).toEqual({ ms: 7, source: 'witnesses' });
    expect(earliestAttested(5, undefined)).toEqual({ ms: 5, source: 'tsa' });
    expect(earliestAttested(undefined, undefined)).toBeUndefined();
  });
});
