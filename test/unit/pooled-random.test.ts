import { pooledRandom } from '../../src/app/pooled-random.js';

describe('random bytes drawn from a pool', () => {
  it('when bytes are drawn across several refills, then no byte is handed out twice and each draw has its size', () => {
    const random = pooledRandom(64);
    const draws = Array.from({ length: 40 }, (_, i) => random([12, 32, 16, 2][i % 4]!));
    expect(draws.map((d) => d.length)).toEqual(Array.from({ length: 40 }, (_, i) => [12, 32, 16, 2][i % 4]));
    // each draw is the caller's: overwriting every one leaves every other as it was written
    draws.forEach((d, i) => d.fill(i));
    draws.forEach((d, i) => expect([...d].every((b) => b === i)).toBe(true));
  });

  it('when more than a pool is asked for, then it comes whole from the generator', () => {
    const random = pooledRandom(64);
    const small = random(8);
    const large = random(100);
    expect(large).toHaveLength(100);
    small.fill(1);
    large.fill(2);
    expect([...small].every((b) => b === 1)).toBe(true);
  });

  it('when drawn many times, then the draws differ', () => {
    const random = pooledRandom();
    const draws = Array.from({ length: 2000 }, () => random(12).toString('hex'));
    expect(new Set(draws).size).toBe(draws.length);
  });
});
