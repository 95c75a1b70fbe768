import { Router, type Request, type RequestHandler, type Response } from 'express';
import { pipeline } from 'node:stream';
import type { Logger } from 'pino';
import type { MediaHoldings } from '../app/media-holdings.js';
import type { MediaReads, MediaRetrieval, OpenedMedium } from '../app/media-reads.js';
import { verifiedStream } from '../app/verified-stream.js';
import type { Principal } from '../app/auth.js';
import { notFound } from '../domain/errors.js';
import { evidenceKindOf, evidenceRefusal, mediaTypeRefusal, SIGNATURE_BYTES } from '../domain/media-signature.js';
import { IntegrityFault, LedgerError, NotAcceptable } from '../errors.js';
import {
  BlobTooLarge,
  RangeNotSatisfiable,
  type BlobStore,
  type ByteRange,
  type StoredBlob,
} from '../ports/blob-store.js';
import { authenticate, principalOf, requireRoles } from './authenticate.js';
import { contentCodingRefusal, noneMatchHas, purpose, requestId } from './request.js';
import { InvalidBody } from './validation.js';

export interface MediaApiDependencies {
  readonly blobs: BlobStore;
  /** Which agency holds which medium, from the event log. */
  readonly holdings: MediaHoldings;
  /** Who may read which medium, each retrieval recorded. */
  readonly reads: MediaReads;
  readonly verify: (token: string) => Principal;
  /** The largest upload accepted (`MEDIA_MAX_BYTES`). */
  readonly maxBytes: number;
  readonly log: Logger;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const TOKEN = "[!#$%&'*+.^_`|~0-9a-z-]{1,127}";
const MEDIA_TYPE = new RegExp(`^${TOKEN}/${TOKEN}$`);
/** What is left of a refused upload is read and dropped up to this much, or this long; then the connection closes. */
const DRAIN_MAX_BYTES = 8 * 1024 * 1024;
const DRAIN_MAX_MS = 5_000;

/** A JSON body sent as a medium: the API's JSON documents are requests, never evidence to store. */
class JsonNotMedia extends LedgerError {
  readonly code = 'unsupported_media_type';
  readonly status = 415;
}

/** Uploading media (content-addressed) and reading them back, to whoever may read a case that references them. */
export function mediaApi(deps: MediaApiDependencies): Router {
  const { maxBytes } = deps;
  const router = Router();
  const auth = authenticate(deps.verify);

  router.post('/v1/media', auth, requireRoles('officer'), async (req, res) => {
    const declared = Number(req.get('content-length') ?? Number.NaN);
    // the bytes are stored as sent: a compressed body would be kept as the medium it was declared to be
    const encoded = contentCodingRefusal(req, res, 'a medium');
    if (encoded) {
      await discardRest(req, res, declared);
      throw encoded;
    }
    const contentType = mediaType(req.get('content-type'));
    const expectedSha256 = announcedDigest(req.get('x-content-sha256'));
    if (declared > maxBytes) {
      await discardRest(req, res, declared);
      throw new BlobTooLarge(maxBytes);
    }
    const { stored, created } = await receiveMedium(deps, principalOf(res), bodyOf(req), {
      contentType,
      ...(expectedSha256 ? { expectedSha256 } : {}),
    }).finally(() => discardRest(req, res));
    // 201 for the agency's first upload of these bytes, whoever else stored them before: the answer reveals nothing.
    res.status(created ? 201 : 200);
    res.set('Location', `/v1/media/${stored.sha256}`).set('ETag', `"${stored.sha256}"`);
    res.json({ sha256: stored.sha256, size: stored.size, contentType: stored.contentType });
  });

  router.get('/v1/media/:sha256', refuseFormat, auth, sendMedium(deps));

  return router;
}

/**
 * `?format=` asks for a representation (`csv`, `json`), and a medium has one only: its own bytes, in the type it
 * was stored as. Either is `406 not_acceptable`, as on every route that cannot give what it asks for, before the
 * token is looked at or anything is recorded (any other `?format=` was `400 invalid_query` before the route ran,
 * `httpSemantics`).
 */
export const refuseFormat: RequestHandler = (req, _res, next) => {
  if (req.query.format === undefined) {
    next();
    return;
  }
  throw new NotAcceptable('a medium is served only as its own bytes, in the type it was stored as: send no ?format=');
};

/**
 * Stores an upload (at most `maxBytes`) and records that the uploader's agency holds it (`MediaReceived`): what an
 * act may then name. The API's upload and the portal's upload form share it.
 */
export async function receiveMedium(
  deps: Pick<MediaApiDependencies, 'blobs' | 'holdings' | 'maxBytes'>,
  principal: Principal,
  body: AsyncIterable<Uint8Array>,
  options: {
    readonly contentType: string;
    readonly expectedSha256?: string;
    /**
     * Taken as the portal takes evidence of an act: only a recording, a photo or a PDF (`evidenceKindOf`, else
     * `unsupported_media_type`), each starting as its declared type does (`evidenceRefusal`).
     */
    readonly evidence?: boolean;
  },
): Promise<{ stored: StoredBlob; created: boolean }> {
  const { evidence, ...put } = options;
  if (/^application\/(?:[^/]+\+)?json$/.test(options.contentType))
    throw new JsonNotMedia('JSON bodies cannot be stored as media; send application/octet-stream');
  if (evidence && evidenceKindOf(options.contentType) === undefined) {
    throw new NotEvidence(
      `a file of type ${options.contentType} is not taken as evidence: a recording (audio, video), a photo or a PDF`,
    );
  }
  const checked = headChecked(body, options.contentType, evidence === true);
  const stored = await deps.blobs.put(checked, { ...put, maxBytes: deps.maxBytes });
  const { sub, agency, roles } = principal;
  const held = await deps.holdings.receive({ sub, agency, roles: [...roles] }, stored);
  return { stored, created: held.created };
}

/** An upload of no bytes: nothing to keep as evidence, nor to count as the recording or document an act needs. */
class MediaEmpty extends LedgerError {
  readonly code = 'media_empty';
  readonly status = 422;
}

/** A medium whose first bytes are not of the type it is declared as (`mediaTypeRefusal`, `evidenceRefusal`). */
class MediaTypeMismatch extends LedgerError {
  readonly code = 'media_type_mismatch';
  readonly status = 422;
}

/** A file the portal does not take as evidence of an act (an executable, a spreadsheet): `evidenceKindOf`. */
class NotEvidence extends LedgerError {
  readonly code = 'unsupported_media_type';
  readonly status = 415;
}

/**
 * The body, its first {@link SIGNATURE_BYTES} held back until they show it may be of `contentType`: a medium declared
 * as audio or video that is neither is refused before anything of it is stored (the store discards what it received
 * when the body fails).
 */
async function* headChecked(
  body: AsyncIterable<Uint8Array>,
  contentType: string,
  evidence: boolean,
): AsyncGenerator<Uint8Array> {
  const held: Uint8Array[] = [];
  let length = 0;
  let checked = false;
  const check = () => {
    const head = Buffer.concat(held, length);
    const refusal = evidence ? evidenceRefusal(contentType, head) : mediaTypeRefusal(contentType, head);
    // which kind it was declared as (`image: true`, `pdf: true`), for the portal's sentence
    const kind = evidenceKindOf(contentType);
    const details = kind === 'image' || kind === 'pdf' ? { [kind]: true } : {};
    if (refusal) throw new MediaTypeMismatch(`the medium is refused: ${refusal}`, details);
    checked = true;
  };
  for await (const chunk of body) {
    if (checked) {
      yield chunk;
      continue;
    }
    held.push(chunk);
    length += chunk.length;
    if (length < SIGNATURE_BYTES) continue;
    check();
    yield* held;
  }
  if (!checked) {
    if (length === 0) throw new MediaEmpty('the medium is refused: it has no bytes');
    check();
    yield* held;
  }
}

/**
 * Where a medium sent is found, the read checked and recorded: `MediaReads` (media of the cases the reader may read),
 * or an application's attachments (`ApplicationFilingReads`, given the request for its application id).
 */
export interface MediumSource {
  open(retrieval: MediaRetrieval, req: Request): Promise<OpenedMedium>;
  bytes(opened: OpenedMedium, range?: ByteRange): Promise<{ readonly body: NodeJS.ReadableStream }>;
}

/**
 * Sends a medium (`:sha256`) to the principal of the request, if it may read it (`MediaReads` owns the scope and
 * records the retrieval): conditional, with single byte ranges (`206`), re-hashed on the way when whole. The API's
 * route and the portal's (a browser's `<video>` carrying its session) share it.
 */
export function sendMedium(deps: { readonly reads: MediumSource; readonly log: Logger }): RequestHandler {
  return async (req, res) => {
    const sha256 = String(req.params.sha256);
    if (!SHA256_HEX.test(sha256)) throw notFound('no such medium');
    const why = purpose(req);
    const retrieval = {
      principal: principalOf(res),
      sha256,
      requestId: requestId(res),
      ...(why === undefined ? {} : { purpose: why }),
    };
    const opened = await deps.reads.open(retrieval, req);
    const { info } = opened;

    const etag = `"${sha256}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'private, max-age=0');
    res.setHeader('Accept-Ranges', 'bytes');
    if (noneMatchHas(req.get('if-none-match'), etag)) {
      res.status(304).end();
      return;
    }
    const ifRange = req.get('if-range');
    const range = ifRange === undefined || ifRange.trim() === etag ? byteRange(req.get('range'), info.size) : 'whole';
    if (range !== 'whole' && 'unsatisfiable' in range) {
      res.setHeader('Content-Range', `bytes */${info.size}`);
      throw new RangeNotSatisfiable(range.unsatisfiable, info.size);
    }
    // Stored bytes are served as they are: never sniffed by a browser, never run as a page of this origin.
    res.setHeader('Content-Type', info.contentType);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    if (range === 'whole') {
      res.status(200).setHeader('Content-Length', info.size);
    } else {
      res.status(206).setHeader('Content-Length', range.end - range.start + 1);
      res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${info.size}`);
    }
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const got = await deps.reads.bytes(opened, range === 'whole' ? undefined : range);
    // Streams the bytes; a client that goes away destroys the response, and with it the store's stream. A whole
    // medium is re-hashed on the way and its last bytes held back until they match: on a mismatch the connection
    // is cut, so the client sees a broken transfer, never a complete one of other bytes.
    const stages = range === 'whole' ? [got.body, verifiedStream(sha256, info.size), res] : [got.body, res];
    pipeline(stages as [NodeJS.ReadableStream, ...NodeJS.WritableStream[]], (err) => {
      if (err instanceof IntegrityFault) {
        deps.log.error({ sha256, requestId: requestId(res), code: err.code }, `integrity fault: ${err.message}`);
        res.destroy();
      } else if (err && (err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
        deps.log.warn({ err, sha256, requestId: requestId(res) }, 'sending a medium failed');
      }
    });
  };
}

/** `Content-Type` without parameters, lowercased: the medium's type as stored. */
function mediaType(header: string | undefined): string {
  const type = header?.split(';')[0]!.trim().toLowerCase();
  if (!type || !MEDIA_TYPE.test(type)) throw new InvalidBody("Content-Type must be the medium's type, e.g. image/jpeg");
  return type;
}

/** `x-content-sha256`: the SHA-256 the client computed, checked against the bytes received. */
function announcedDigest(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const digest = header.trim().toLowerCase();
  if (!SHA256_HEX.test(digest)) throw new InvalidBody('x-content-sha256 must be 64 hexadecimal characters');
  return digest;
}

/** The request body as bytes, read without destroying the request when the reader stops early. */
async function* bodyOf(req: Request): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of req.iterator({ destroyOnReturn: false })) yield chunk as Uint8Array;
  } catch (err) {
    if (!req.complete) throw new InvalidBody('the upload ended before its body was complete');
    throw err;
  }
}

/**
 * Reads and drops what is left of a refused upload, so that a client still sending reads the answer rather than
 * a connection reset, and the connection can serve another request. Past {@link DRAIN_MAX_BYTES} or
 * {@link DRAIN_MAX_MS} (or when `remaining` is known to be more) reading stops and the answer closes the connection.
 */
function discardRest(req: Request, res: Response, remaining = 0): Promise<void> {
  if (req.readableEnded || req.destroyed) return Promise.resolve();
  if (remaining > DRAIN_MAX_BYTES) {
    res.set('Connection', 'close');
    return Promise.resolve();
  }
  return new Promise<void>((resolve) => {
    let left = DRAIN_MAX_BYTES;
    const stop = (complete: boolean) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('close', onEnd).off('error', onEnd);
      if (!complete) {
        req.pause();
        res.set('Connection', 'close');
      }
      resolve();
    };
    const onData = (chunk: Buffer) => {
      left -= chunk.byteLength;
      if (left < 0) stop(false);
    };
    const onEnd = () => stop(true);
    const timer = setTimeout(() => stop(false), DRAIN_MAX_MS);
    req.on('data', onData).once('end', onEnd).once('close', onEnd).once('error', onEnd);
  });
}

/**
 * A single `Range: bytes=a-b | a- | -n` against a blob of `size` bytes (RFC 9110 §14). An end past the last byte
 * is clamped. A header that is absent, malformed or asks for several ranges is answered with the whole blob; one
 * that asks for no byte of it is `unsatisfiable`, with the range as asked (a suffix from where it would start).
 */
export function byteRange(
  header: string | undefined,
  size: number,
): 'whole' | { readonly unsatisfiable: ByteRange } | { readonly start: number; readonly end: number } {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/i.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return 'whole';
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return { unsatisfiable: { start: Math.max(0, size - suffix) } };
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? Infinity : Number(match[2]);
  if (end < start) return 'whole';
  if (start >= size) return { unsatisfiable: end === Infinity ? { start } : { start, end } };
  return { start, end: Math.min(end, size - 1) };
}
