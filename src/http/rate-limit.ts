import type { Request, RequestHandler, Response } from 'express';
import { LedgerError } from '../errors.js';
import { BodyTooLarge } from './body.js';

/** A client has used up its requests for now; `Retry-After` says when the next one is allowed. */
export class RateLimited extends LedgerError {
  readonly code = 'rate_limited';
  readonly status = 429;
  constructor(
    readonly retryAfterSeconds: number,
    what: 'requests' | 'bytes' = 'requests',
  ) {
    super(`too many ${what} from this client: retry after ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

export interface RateLimitOptions {
  /** Requests a client may make per minute, sustained; also the burst it may make at once. 0 disables the limit. */
  readonly perMinute: number;
  /**
   * Bytes of request bodies a client may send per minute, sustained; also the most it may send at once. 0 or unset
   * disables the byte limit.
   */
  readonly bytesPerMinute?: number;
  /** Milliseconds since some epoch; injected so tests control time. */
  readonly now?: () => number;
  /** The most clients tracked at once; beyond it the least recently seen are forgotten. */
  readonly maxClients?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** What a client has left of a bucket, and in how many whole seconds it is full again. */
export interface BucketState {
  readonly remaining: number;
  readonly fullInSeconds: number;
}

/**
 * A token bucket per client: each holds up to `perMinute` tokens, refilled continuously at `perMinute` a minute;
 * a request takes one, and finds `429 rate_limited` with `Retry-After` when none is left.
 */
export class TokenBuckets {
  readonly #capacity: number;
  readonly #perMs: number;
  readonly #now: () => number;
  readonly #maxClients: number;
  /** In order of last use (a used bucket is moved to the end), so the first is the least recently used. */
  readonly #buckets = new Map<string, Bucket>();

  constructor({ perMinute, now = Date.now, maxClients = 10_000 }: Omit<RateLimitOptions, 'bytesPerMinute'>) {
    if (!(Number.isInteger(perMinute) && perMinute > 0)) throw new Error('perMinute must be a positive integer');
    this.#capacity = perMinute;
    this.#perMs = perMinute / 60_000;
    this.#now = now;
    this.#maxClients = Math.max(1, maxClients);
  }

  get capacity(): number {
    return this.#capacity;
  }

  /** Clients currently tracked. */
  get size(): number {
    return this.#buckets.size;
  }

  /**
   * Takes `cost` tokens for `client`: `allowed` and what remains, or not allowed (nothing taken) and the whole
   * seconds until that many are back; either way, the whole seconds until the bucket is full again.
   */
  take(client: string, cost = 1): BucketState & { allowed: boolean; retryAfterSeconds: number } {
    const now = this.#now();
    const known = this.#buckets.get(client);
    const bucket = known ? this.#refilled(known, now) : { tokens: this.#capacity, at: now };
    this.#buckets.delete(client);
    this.#buckets.set(client, bucket);
    if (!known) this.#evict(now);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { allowed: true, ...this.#state(bucket), retryAfterSeconds: 0 };
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((cost - bucket.tokens) / this.#perMs / 1000));
    return { allowed: false, ...this.#state(bucket), retryAfterSeconds };
  }

  /** What `client` has left now, taking nothing (a client not tracked has a full bucket). */
  peek(client: string): BucketState {
    const known = this.#buckets.get(client);
    return known ? this.#state(this.#refilled(known, this.#now())) : { remaining: this.#capacity, fullInSeconds: 0 };
  }

  #state(bucket: Bucket): BucketState {
    return {
      remaining: Math.floor(bucket.tokens),
      fullInSeconds: Math.ceil((this.#capacity - bucket.tokens) / this.#perMs / 1000),
    };
  }

  #refilled(bucket: Bucket, now: number): Bucket {
    const elapsed = Math.max(0, now - bucket.at);
    return { tokens: Math.min(this.#capacity, bucket.tokens + elapsed * this.#perMs), at: now };
  }

  /**
   * Keeps memory bounded: beyond `maxClients`, forgets the buckets that have refilled completely (forgetting them
   * changes nothing: a new bucket is full too), then, if still more than nine tenths of `maxClients` remain, the
   * least recently used; so a sweep happens at most once every tenth of `maxClients` new clients.
   */
  #evict(now: number): void {
    if (this.#buckets.size <= this.#maxClients) return;
    for (const [client, bucket] of this.#buckets) {
      if (this.#refilled(bucket, now).tokens >= this.#capacity) this.#buckets.delete(client);
    }
    const target = Math.max(1, this.#maxClients - Math.ceil(this.#maxClients / 10));
    for (const client of this.#buckets.keys()) {
      if (this.#buckets.size <= target) break;
      this.#buckets.delete(client);
    }
  }
}

const BODY_METER = 'publicBodyMeter';

/**
 * Express middleware limiting each client address (`req.ip`) with {@link TokenBuckets}: requests, and with
 * `bytesPerMinute` the bytes of request bodies too. Answers carry the fields of draft-ietf-httpapi-ratelimit-headers
 * (-12): `RateLimit-Policy` names the quotas (`"requests";q=600;w=60`, `"bytes";q=…;qu="content-bytes";w=60`) and
 * `RateLimit` what the client has left of each (`"requests";r=599;t=1`: `r` what is left now, `t` the seconds until
 * the whole quota is back, on every answer alike; when the request is refused, `Retry-After` says when it is allowed,
 * which a request larger than what is left may wait for though `r` is not 0); a refused request is a
 * `429 rate_limited` problem with `Retry-After`. A body with a `Content-Length`
 * is charged in full before it is read (`413 too_large` when it exceeds what a client may send a minute); a chunked
 * body is charged as the route reads it, through {@link chargeBody}. With `perMinute` 0 and no byte limit it lets
 * every request through.
 */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  const requests = options.perMinute === 0 ? undefined : new TokenBuckets(options);
  const bytes = options.bytesPerMinute
    ? new TokenBuckets({ ...options, perMinute: options.bytesPerMinute })
    : undefined;
  if (!requests && !bytes) return (_req, _res, next) => next();
  const policy = [
    ...(requests ? [`"requests";q=${requests.capacity};w=60`] : []),
    ...(bytes ? [`"bytes";q=${bytes.capacity};qu="content-bytes";w=60`] : []),
  ].join(', ');
  return (req, res, next) => {
    const client = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    res.setHeader('RateLimit-Policy', policy);
    let left: { requests?: string; bytes?: string } = {};
    const tell = (name: 'requests' | 'bytes', state: BucketState) => {
      left = { ...left, [name]: `"${name}";r=${state.remaining};t=${state.fullInSeconds}` };
      res.setHeader('RateLimit', [left.requests, left.bytes].filter((v) => v !== undefined).join(', '));
    };
    if (requests) {
      const result = requests.take(client);
      tell('requests', result);
      if (!result.allowed) {
        if (bytes) tell('bytes', bytes.peek(client));
        refuse(res, result.retryAfterSeconds);
        next(new RateLimited(result.retryAfterSeconds));
        return;
      }
    }
    if (!bytes) {
      next();
      return;
    }
    if (!hasBody(req)) {
      tell('bytes', bytes.peek(client));
      next();
      return;
    }
    const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
    if (declared === undefined || !Number.isSafeInteger(declared)) {
      tell('bytes', bytes.peek(client)); // what is left before the body, charged as the route reads it
      res.locals[BODY_METER] = (n: number) => {
        const result = bytes.take(client, n);
        if (result.allowed) return;
        refuse(res, result.retryAfterSeconds);
        throw new RateLimited(result.retryAfterSeconds, 'bytes');
      };
    } else if (declared > bytes.capacity) {
      tell('bytes', bytes.peek(client));
      res.setHeader('Connection', 'close');
      const detail = `a client may send at most ${bytes.capacity} bytes a minute to the public routes`;
      next(new BodyTooLarge(detail, { maxBytes: bytes.capacity }));
      return;
    } else {
      const result = bytes.take(client, declared);
      tell('bytes', result);
      if (!result.allowed) {
        refuse(res, result.retryAfterSeconds);
        next(new RateLimited(result.retryAfterSeconds, 'bytes'));
        return;
      }
    }
    next();
  };
}

/**
 * Charges `n` bytes of a body being read to the client's byte budget, when the rate limit left that to the route
 * (a chunked body); throws {@link RateLimited} once the budget is spent. A no-op for other requests.
 */
export function chargeBody(res: Response, n: number): void {
  (res.locals[BODY_METER] as ((n: number) => void) | undefined)?.(n);
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

/** Tells the client when to come back; the rest of a refused body is not read, so the connection is not reused. */
function refuse(res: Response, retryAfterSeconds: number): void {
  res.setHeader('Retry-After', String(retryAfterSeconds));
  if (res.req.headers['content-length'] !== undefined || res.req.headers['transfer-encoding'] !== undefined) {
    res.setHeader('Connection', 'close');
  }
}
