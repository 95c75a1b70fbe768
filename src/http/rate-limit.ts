import type { RequestHandler } from 'express';
import { LedgerError } from '../errors.js';

/** A client has used up its requests for now; `Retry-After` says when the next one is allowed. */
export class RateLimited extends LedgerError {
  readonly code = 'rate_limited';
  readonly status = 429;
  constructor(readonly retryAfterSeconds: number) {
    super(`too many requests from this client: retry after ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

export interface RateLimitOptions {
  /** Requests a client may make per minute, sustained; also the burst it may make at once. 0 disables the limit. */
  readonly perMinute: number;
  /** Milliseconds since some epoch; injected so tests control time. */
  readonly now?: () => number;
  /** The most clients tracked at once; beyond it the least recently seen are forgotten. */
  readonly maxClients?: number;
}

interface Bucket {
  tokens: number;
  at: number;
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

  constructor({ perMinute, now = Date.now, maxClients = 10_000 }: RateLimitOptions) {
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
   * Takes a token for `client`: `allowed` and what remains, or not allowed and the whole seconds until a token is
   * back.
   */
  take(client: string): { allowed: boolean; remaining: number; retryAfterSeconds: number } {
    const now = this.#now();
    const known = this.#buckets.get(client);
    const bucket = known ? this.#refilled(known, now) : { tokens: this.#capacity, at: now };
    this.#buckets.delete(client);
    this.#buckets.set(client, bucket);
    if (!known) this.#evict(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterSeconds: 0 };
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000));
    return { allowed: false, remaining: 0, retryAfterSeconds };
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

/**
 * Express middleware limiting each client address (`req.ip`) with {@link TokenBuckets}. Answers carry
 * `RateLimit-Limit` and `RateLimit-Remaining`; a refused request is a `429 rate_limited` problem with `Retry-After`.
 * With `perMinute` 0 it lets every request through.
 */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  if (options.perMinute === 0) return (_req, _res, next) => next();
  const buckets = new TokenBuckets(options);
  return (req, res, next) => {
    const result = buckets.take(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    res.setHeader('RateLimit-Limit', String(buckets.capacity));
    res.setHeader('RateLimit-Remaining', String(result.remaining));
    if (result.allowed) {
      next();
      return;
    }
    res.setHeader('Retry-After', String(result.retryAfterSeconds));
    next(new RateLimited(result.retryAfterSeconds));
  };
}
