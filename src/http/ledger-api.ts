import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { KeyObject } from 'node:crypto';
import { bearerToken, type Principal } from '../app/auth.js';
import type { LedgerReads } from '../app/ledger-reads.js';
import type { SignedCheckpoint, TransparencyLog } from '../app/transparency-log.js';
import { verifierKey } from '../ledger/checkpoint.js';
import { consistencyOf } from './consistency.js';
import { InvalidQuery } from './validation.js';
import { preferredType } from './accept.js';

/** A public key that signs events and checkpoints, current or retired. */
export interface LedgerKey {
  readonly keyId: string;
  readonly algorithm: string;
  readonly publicKey: KeyObject;
  readonly createdAt: string;
  readonly retiredAt: string | null;
}

export interface LedgerApiDependencies {
  /** The latest checkpoint, signed on demand. */
  readonly log: Pick<TransparencyLog, 'current'>;
  /** Checkpoints issued and proofs. */
  readonly reads: LedgerReads;
  /** The event-signing keys, current and retired. */
  readonly keys: () => readonly LedgerKey[];
  readonly origin: string;
  /** The public routes' rate limit. */
  readonly limited: RequestHandler;
  /** Verifies a bearer token, for the head proofs of agencies' streams. */
  readonly verify: (token: string) => Principal;
}

/** A stream name as the log holds them: printable, at most 512 characters. */
const STREAM = /^[^\p{Cc}]{1,512}$/u;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The transparency log, public (no token): the latest checkpoint (signing one when the latest is behind the log;
 * with `Accept: text/plain`, or at `/v1/ledger/checkpoint.txt`, the bare signed note with the witnesses'
 * cosignature lines),
 * the list of checkpoints, inclusion and consistency proofs, and the keys that sign events and checkpoints.
 */
export function ledgerApi({ log, reads, keys, origin, limited, verify }: LedgerApiDependencies): Router {
  const router = Router();

  router.get('/v1/ledger/checkpoint', limited, async (req, res) => {
    const checkpoint = withCosignatures(await log.current());
    res.vary('Accept');
    if (preferredType(req, ['application/json', 'text/plain']) === 'text/plain') sendNote(res, checkpoint.cosignedNote);
    else res.set('Cache-Control', 'no-cache').json(checkpoint);
  });

  // the bare signed note at a path of its own, for tools that fetch a checkpoint by URL alone
  router.get('/v1/ledger/checkpoint.txt', limited, async (_req, res) => {
    sendNote(res, withCosignatures(await log.current()).cosignedNote);
  });

  router.get('/v1/ledger/checkpoints', limited, async (req, res) => {
    const consistentWith = consistencyOf(req);
    const limit = count(req, 'limit', 1, 200) ?? 50;
    const cursor = req.query.cursor;
    if (cursor !== undefined && typeof cursor !== 'string') throw new InvalidQuery('cursor must be given once');
    res.json(await reads.checkpoints({ limit, ...(cursor ? { after: cursor } : {}) }, consistentWith));
  });

  router.get('/v1/ledger/proof/inclusion', limited, async (req, res) => {
    const eventId = req.query.eventId;
    if (typeof eventId !== 'string' || !UUID.test(eventId)) throw new InvalidQuery('eventId must be an event id');
    const treeSize = count(req, 'treeSize', 1, Number.MAX_SAFE_INTEGER);
    res.json(await reads.inclusion(eventId, treeSize, consistencyOf(req)));
  });

  router.get('/v1/ledger/proof/consistency', limited, async (req, res) => {
    const from = count(req, 'from', 1, Number.MAX_SAFE_INTEGER);
    const to = count(req, 'to', 1, Number.MAX_SAFE_INTEGER);
    if (from === undefined || to === undefined) throw new InvalidQuery('from and to are required tree sizes');
    res.json(await reads.consistency(from, to, consistencyOf(req)));
  });

  // public, but an agency's streams are shown only to a bearer of a token that may read the agency's cases
  router.get('/v1/ledger/proof/head', limited, async (req, res) => {
    const stream = req.query.stream;
    if (typeof stream !== 'string' || !STREAM.test(stream)) {
      throw new InvalidQuery('stream must be a stream name of 1 to 512 characters without control characters');
    }
    const treeSize = count(req, 'treeSize', 0, Number.MAX_SAFE_INTEGER);
    const authorization = req.get('authorization');
    const caller = authorization === undefined ? undefined : verify(bearerToken(authorization));
    res.json(await reads.head(stream, treeSize, caller, consistencyOf(req)));
  });

  router.get('/v1/ledger/keys', limited, (_req, res) => {
    res.json({
      origin,
      keys: keys().map((k) => ({
        keyId: k.keyId,
        algorithm: k.algorithm,
        publicKeyPem: k.publicKey.export({ type: 'spki', format: 'pem' }),
        noteKey: verifierKey(origin, k.publicKey),
        createdAt: k.createdAt,
        retiredAt: k.retiredAt,
        status: k.retiredAt ? 'retired' : 'current',
      })),
    });
  });

  return router;
}

/** The checkpoint with its witnesses' cosignatures, none yet for one just issued. */
function withCosignatures(c: SignedCheckpoint) {
  return { ...c, cosignedNote: c.cosignedNote ?? c.note, cosignatures: c.cosignatures ?? [] };
}

/** The C2SP signed note as transparency-log tools read it: its text, nothing around it. */
function sendNote(res: Response, note: string): void {
  res.status(200).set('Cache-Control', 'no-cache').set('Content-Type', 'text/plain; charset=utf-8').send(note);
}

/** An optional integer query parameter within [min, max]. */
function count(req: Request, name: string, min: number, max: number): number | undefined {
  const raw = req.query[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d{1,16}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new InvalidQuery(`${name} must be an integer from ${min} to ${max}`);
  }
  return Number(raw);
}
