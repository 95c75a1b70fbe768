import { randomBytes } from 'node:crypto';

/**
 * Random bytes from the system generator drawn 4 KiB at a time, each byte handed out once: asking the generator for
 * a few bytes costs about as much as asking it for 4 KiB, and an act asks for an id's, and for an iv and a salt per
 * sealed field. What it returns is the caller's (a view of a pool no one else is given again).
 */
export function pooledRandom(poolBytes = 4096): (size: number) => Buffer {
  let pool = Buffer.alloc(0);
  let offset = 0;
  return (size) => {
    if (size > poolBytes) return randomBytes(size);
    if (offset + size > pool.length) {
      pool = randomBytes(poolBytes);
      offset = 0;
    }
    offset += size;
    return pool.subarray(offset - size, offset);
  };
}
