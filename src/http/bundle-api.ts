import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { KeyObject } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import type { Logger } from 'pino';
import type { Principal } from '../app/auth.js';
import type { BundleReads } from '../app/bundle-reads.js';
import type { Retrieval } from '../app/case-reads.js';
import { RuleViolation } from '../domain/errors.js';
import { LedgerError } from '../errors.js';
import { verifyBundle, type BundleReport } from '../ledger/bundle-verify.js';
import type { SignatureChecker } from '../ledger/signature-checker.js';
import { authenticate } from './authenticate.js';
import { chargeBody } from './rate-limit.js';
import { Slots } from './slots.js';
import { contentCodingRefusal, requestId } from './request.js';
import { retrievalOf } from './retrieval.js';
import { InvalidQuery } from './validation.js';
import { consistencyOf } from './consistency.js';
import { ID_PATTERN } from '../domain/streams.js';
import { BodyTooLarge } from './body.js';
import { problem, sendProblem } from './problem.js';

export interface BundleApiDependencies {
  /** Exports of a case's bundle, each retrieval scoped and recorded. */
  readonly bundles: Pick<BundleReads, 'export'>;
  readonly verify: (token: string) => Principal;
  /** The service's event-signing public keys, current and retired: what `POST /v1/verify` trusts. */
  readonly keys: () => readonly { readonly publicKey: KeyObject }[];
  /** The public routes' rate limit, for `POST /v1/verify`. */
  readonly limited: RequestHandler;
  /**
   * This service's log: the origin and the root of its tree at a size (undefined beyond it). A valid bundle whose
   * checkpoint names this origin must be a prefix of this log, or it comes from a forked or rewritten one.
   */
  /**
   * This service's log: the root at a size, once the read models reach the log's head (`NotCaughtUp` when they do
   * not within a bounded wait), undefined beyond the log.
   */
  readonly prefixOf?: ThisLog;
  /** The largest bundle `POST /v1/verify` reads (default 8 GiB). */
  readonly verifyMaxBytes?: number;
  /** The slots bundle verifications run in (default: 2, and 4 waiting); beyond them, `503 verify_busy`. */
  readonly verifySlots?: Slots;
  /** Verifications one client address may have running or waiting at once (default 1); more, `429 verify_client_busy`. */
  readonly verifyPerClient?: number;
  /**
   * While a verification holds a slot, its upload must bring at least `minBytes` every `windowMs` (default 16 KiB in
   * 30 s), else `408 upload_too_slow` and the connection is closed: a trickled upload does not hold a slot for long.
   */
  readonly verifyProgress?: { readonly windowMs: number; readonly minBytes: number };
  /**
   * Checks the event signatures of large bundles off the request thread (the service's signature pool), so that one
   * big verification does not hold the event loop; the report is the same. Without it, all on the request thread.
   */
  readonly signatures?: SignatureChecker;
  readonly log: Logger;
}

const DEFAULT_VERIFY_MAX_BYTES = 8 * 1024 ** 3;
const MiB = 1024 * 1024;
/**
 * What `POST /v1/verify` lets anyone make the service hold per verification. Before the manifest's signature is
 * checked: the manifest (at most 8 MiB) and the checkpoint and keys (at most 1 MiB); only a bundle the service
 * signed gets further, and then its files other than media (each at most 4 MiB, 128 MiB together).
 */
export const VERIFY_LIMITS = { maxManifestBytes: 8 * MiB, maxFileBytes: 4 * MiB, maxHeldBytes: 128 * MiB } as const;
/** What a client finding every verification slot taken is told to wait. */
export const VERIFY_RETRY_AFTER_SECONDS = 5;

/** The client went away while its upload waited for a slot: nobody is left to answer. */
class UploadAbandoned extends LedgerError {
  readonly code = 'client_closed';
  readonly status = 400;
}

/** This client address already has its share of verifications running or waiting. */
class ClientVerificationsBusy extends LedgerError {
  readonly code = 'verify_client_busy';
  readonly status = 429;
}

/** An upload holding a verification slot brought too little in a window. */
class UploadTooSlow extends LedgerError {
  readonly code = 'upload_too_slow';
  readonly status = 408;
}

/** The least a verification's upload must bring in each window while it holds a slot. */
export const VERIFY_PROGRESS = { windowMs: 30_000, minBytes: 16 * 1024 } as const;

class NotATar extends LedgerError {
  readonly code = 'unsupported_media_type';
  readonly status = 415;
}

/**
 * Evidence bundles (docs/integrity.md §13): `GET /v1/cases/{caseId}/bundle` exports a case as one tar, streamed,
 * to whoever may read the case (the read is recorded as `read_bundle` first, so the bundle holds its own access
 * record); `POST /v1/verify` checks an uploaded bundle, streamed, against the service's keys, for anyone.
 */
export function bundleApi(deps: BundleApiDependencies): Router {
  const router = Router();
  const auth = authenticate(deps.verify);
  const maxBytes = deps.verifyMaxBytes ?? DEFAULT_VERIFY_MAX_BYTES;
  const slots =
    deps.verifySlots ?? new Slots({ concurrency: 2, queue: 4, retryAfterSeconds: VERIFY_RETRY_AFTER_SECONDS });
  const perClient = deps.verifyPerClient ?? 1;
  const progress = deps.verifyProgress ?? VERIFY_PROGRESS;
  /** Verifications running or waiting, by client address. */
  const inFlight = new Map<string, number>();

  router.get('/v1/cases/:caseId/bundle', auth, async (req, res) => {
    const caseId = String(req.params.caseId);
    if (!ID_PATTERN.test(caseId)) throw new RuleViolation('not_found', 404, 'no such case');
    const trustedSize = treeSize(req.query.trustedSize);
    consistencyOf(req); // checked, never waited for: the bundle's checkpoint covers every acknowledged write
    const retrieval = retrievalOf(req, res, caseId, 'read_bundle');
    await sendBundle(deps, res, retrieval, trustedSize === undefined ? {} : { trustedSize });
  });

  router.post('/v1/verify', deps.limited, async (req, res) => {
    const encoded = contentCodingRefusal(req, res, 'a bundle');
    if (encoded) throw encoded; // refused unread: the connection closes after the answer
    const type = req.get('content-type')?.split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/x-tar' || req.readableEnded) {
      res.set('Connection', 'close');
      throw new NotATar('send the bundle as the raw body, with Content-Type: application/x-tar');
    }
    const declared = Number(req.get('content-length') ?? Number.NaN);
    if (declared > maxBytes) {
      res.set('Connection', 'close');
      throw new BodyTooLarge(`a bundle is at most ${maxBytes} bytes`, { maxBytes });
    }
    const client = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const mine = inFlight.get(client) ?? 0;
    if (mine >= perClient) {
      res.set('Connection', 'close'); // refused unread
      res.set('Retry-After', String(VERIFY_RETRY_AFTER_SECONDS));
      throw new ClientVerificationsBusy(
        `this client address already has ${mine} verification(s) running or waiting: send the next once one is answered`,
        { perClient },
      );
    }
    inFlight.set(client, mine + 1);
    const gone = new AbortController();
    const onClose = () => gone.abort(new UploadAbandoned('the client closed the connection while waiting'));
    let report: BundleReport;
    try {
      // nothing of the body is read before a slot is free: a waiting upload is held by TCP, not by the service
      if (slots.full) res.set('Connection', 'close'); // refused unread
      res.once('close', onClose);
      const release = await slots.acquire(gone.signal);
      const watch = watchProgress(req, res, progress);
      try {
        report = await verifyBundle(limitedBody(req, res, maxBytes, watch), {
          trustedKeys: deps.keys().map((k) => k.publicKey),
          ...VERIFY_LIMITS,
          ...(deps.signatures ? { signatureChecker: deps.signatures } : {}),
        });
      } finally {
        watch.stop();
        release();
      }
    } finally {
      res.off('close', onClose);
      const left = (inFlight.get(client) ?? 1) - 1;
      if (left > 0) inFlight.set(client, left);
      else inFlight.delete(client);
    }
    // The verifier stops at the first failure. The rest of the upload is read and dropped (holding nothing, and
    // counted against the client's byte budget) before the answer, so that the client, still sending, reads it
    // rather than a reset connection.
    if (!req.readableEnded && !(await drained(req, res, maxBytes - report.counts.bytes))) {
      res.set('Connection', 'close');
    }
    res.json(deps.prefixOf ? await againstThisLog(report, deps.prefixOf) : report);
  });

  return router;
}

/**
 * Exports a case's bundle to the reader of `retrieval` (`BundleReads` owns the scope and records the retrieval) and
 * streams it as a tar download. The API's route and the portal's export link share it.
 */
export async function sendBundle(
  deps: Pick<BundleApiDependencies, 'bundles' | 'log'>,
  res: Response,
  retrieval: Retrieval,
  options: { trustedSize?: number } = {},
): Promise<void> {
  const bundle = await deps.bundles.export(retrieval, options);
  res.status(200);
  res.set('Content-Type', 'application/x-tar');
  res.set('Content-Disposition', `attachment; filename="case-${retrieval.caseId}.tar"`);
  res.set('Content-Length', String(bundle.size));
  res.set('Cache-Control', 'no-store');
  // Byte mode: the stream holds at most its high-water mark, and reads the next chunk only when the client takes one.
  pipeline(Readable.from(bundle.body, { objectMode: false }), res, (err) => {
    if (err && (err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
      deps.log.warn({ err, requestId: requestId(res) }, 'sending a bundle failed');
    }
  });
}

/**
 * Watches an upload that holds a verification slot: every `windowMs`, unless it brought `minBytes` since the last
 * look, answers `408 upload_too_slow` (the connection then closes, which ends the verification reading it).
 */
function watchProgress(
  req: Request,
  res: Response,
  { windowMs, minBytes }: { readonly windowMs: number; readonly minBytes: number },
): { got(bytes: number): void; stop(): void } {
  let brought = 0;
  const timer = setInterval(() => {
    if (req.complete || res.headersSent) {
      clearInterval(timer);
      return;
    }
    if (brought >= minBytes) {
      brought = 0;
      return;
    }
    clearInterval(timer);
    const slow = new UploadTooSlow(
      `the bundle arrived slower than ${minBytes} bytes in ${windowMs} ms while it held a verification slot`,
      { windowMs, minBytes },
    );
    res.set('Connection', 'close');
    // the answer is the last thing sent on this connection: closed once it is out, whatever the client still sends
    res.once('finish', () => {
      req.destroy(slow); // ends the verification reading it, which frees the slot
      req.socket.destroy();
    });
    sendProblem(res, problem(slow.status, slow.code, slow.message, { ...slow.details }));
  }, windowMs);
  timer.unref();
  return {
    got: (bytes) => {
      brought += bytes;
    },
    stop: () => clearInterval(timer),
  };
}

/** The request body, read without destroying the request when the reader stops early, and at most `max` bytes. */
async function* limitedBody(
  req: Request,
  res: Response,
  max: number,
  watch?: { got(bytes: number): void },
): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of req.iterator({ destroyOnReturn: false })) {
    watch?.got((chunk as Uint8Array).byteLength);
    total += (chunk as Uint8Array).byteLength;
    if (total > max) {
      res.set('Connection', 'close');
      throw new BodyTooLarge(`a bundle is at most ${max} bytes`, { maxBytes: max });
    }
    chargeBody(res, (chunk as Uint8Array).byteLength);
    yield chunk as Uint8Array;
  }
}

/** Reads and drops the rest of the body if it ends within `max` bytes; false when it does not. */
async function drained(req: Request, res: Response, max: number): Promise<boolean> {
  let total = 0;
  for await (const chunk of req.iterator({ destroyOnReturn: false })) {
    total += (chunk as Uint8Array).byteLength;
    if (total > max) return false;
    chargeBody(res, (chunk as Uint8Array).byteLength);
  }
  return true;
}

/** `?trustedSize=`: a tree size of 1 or more. */
function treeSize(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^[1-9][0-9]{0,15}$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw new InvalidQuery('trustedSize must be a tree size, an integer of 1 or more');
  }
  return Number(raw);
}

/** This service's log, as a bundle's checkpoint is compared with it. */
interface ThisLog {
  readonly origin: string;
  rootAt(size: number): Promise<Buffer | undefined>;
  /** The root of the map of stream heads at `size`; undefined beyond the log. */
  headsRootAt?(size: number): Promise<Buffer | undefined>;
}

/**
 * A bundle valid on its own, whose checkpoint is of this service's log, must be consistent with the log as this
 * service holds it: same root at the checkpoint's size. A checkpoint larger than the log (once this replica's read
 * models reach the log's head: else `503 not_caught_up`, never a verdict) is from the future of a log this service
 * never had; either way the verdict is `checkpoint_inconsistent`.
 */
async function againstThisLog(
  report: BundleReport,
  log: ThisLog,
): Promise<BundleReport & { log?: { origin: string; consistent: boolean } }> {
  const checkpoint = report.checkpoint;
  if (!report.valid || !checkpoint || checkpoint.origin !== log.origin) return report;
  const root = await log.rootAt(checkpoint.size);
  const sameTree = root !== undefined && root.toString('base64') === checkpoint.rootHash;
  // the same tree with other stream heads: a checkpoint signed with the log's key to leave a stream's last events out
  const heads = sameTree && checkpoint.headsRoot !== undefined ? await log.headsRootAt?.(checkpoint.size) : undefined;
  const otherHeads = heads !== undefined && heads.toString('base64') !== checkpoint.headsRoot;
  const consistent = sameTree && !otherHeads;
  if (consistent) return { ...report, log: { origin: log.origin, consistent } };
  // what only a valid bundle is reported with (docs/integrity.md §13.4) goes with the verdict
  const { complete: _complete, timestamps: _timestamps, disclosures: _disclosures, ...invalid } = report;
  return {
    ...invalid,
    valid: false,
    failure: {
      code: 'checkpoint_inconsistent',
      detail:
        root === undefined
          ? `the bundle's checkpoint (size ${checkpoint.size}) is beyond this log`
          : otherHeads
            ? `the bundle's checkpoint (size ${checkpoint.size}) commits to other stream heads than this log at that size: it leaves events out`
            : `the bundle's checkpoint (size ${checkpoint.size}) has another root than this log at that size`,
    },
    log: { origin: log.origin, consistent },
  };
}
