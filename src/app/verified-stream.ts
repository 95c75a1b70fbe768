import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { IntegrityFault } from '../errors.js';

/**
 * Passes a medium's bytes through while hashing them, and holds the last chunk back until the whole medium has
 * been seen: if the bytes do not hash to `sha256` (or are not `size` bytes), the stream fails with
 * {@link IntegrityFault} before the last chunk is passed on, so a reader of a known length never receives a
 * complete medium of other bytes.
 */
export function verifiedStream(sha256: string, size: number): Transform {
  const hash = createHash('sha256');
  let seen = 0;
  let held: Buffer | undefined;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      seen += chunk.byteLength;
      if (seen > size) {
        done(new IntegrityFault(`the medium ${sha256} holds more than its ${size} bytes`, { sha256 }));
        return;
      }
      hash.update(chunk);
      const previous = held;
      held = chunk;
      done(null, previous);
    },
    flush(done: TransformCallback) {
      const actual = hash.digest('hex');
      if (seen !== size || actual !== sha256) {
        done(new IntegrityFault(`the medium ${sha256} holds ${seen} bytes hashing to ${actual}`, { sha256 }));
        return;
      }
      done(null, held);
    },
  });
}
