import type { Clock } from '../ports/clock.js';
import { pooledRandom } from './pooled-random.js';

/**
 * Event ids are UUIDv7 (RFC 9562 §5.7): 48 bits of Unix milliseconds, then random bits. Time-ordered ids keep
 * the store's id index growing at one edge instead of touching a random page per event. Within one
 * millisecond the 12-bit `rand_a` field counts up (RFC 9562 §6.2, method 1), so ids from one generator are
 * strictly increasing even if the clock stalls or steps back.
 */
export function uuidv7Generator(clock: Clock, random: (size: number) => Buffer = pooledRandom()): () => string {
  let lastMs = -1;
  let counter = 0;
  return () => {
    let ms = clock.now().getTime();
    if (ms <= lastMs) {
      ms = lastMs;
      counter += 1;
      if (counter > 0xfff) {
        ms += 1;
        counter = 0;
      }
    } else {
      counter = random(2).readUInt16BE(0) & 0x7ff; // leave room to count up within the millisecond
    }
    lastMs = ms;
    const bytes = random(16);
    bytes.writeUIntBE(ms, 0, 6);
    bytes[6] = 0x70 | (counter >> 8);
    bytes[7] = counter & 0xff;
    bytes[8] = 0x80 | (bytes[8]! & 0x3f);
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}
