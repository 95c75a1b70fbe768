import express, { type RequestHandler } from 'express';
import { InvalidBody, LedgerError } from '../errors.js';
import { ambiguousJson } from './strict-json.js';

/** Largest JSON body a route accepts (`413 too_large` beyond). */
export const JSON_LIMIT_BYTES = 1_048_576;

/** The one type a JSON route takes: not the `+json` types of other formats (a merge patch, a problem). */
const JSON_TYPE = 'application/json';

/** A body in a format the route does not take. */
export class UnsupportedMediaType extends LedgerError {
  readonly code = 'unsupported_media_type';
  readonly status = 415;
}

/** A body larger than the route takes. */
export class BodyTooLarge extends LedgerError {
  readonly code = 'too_large';
  readonly status = 413;
}

/**
 * Reads and parses a JSON request body. Routes place it after their authentication and role checks, so that the
 * service reads a body only from a caller allowed to send it: an anonymous or unauthorised request is answered
 * (and its connection closed, see {@link sendProblem}) without waiting for its body. A body that is not
 * `application/json` by its `Content-Type` (another type, a `+json` one included, a `charset` other than UTF-8, or
 * none) is `415 unsupported_media_type` (with `Accept-Post`, or `Accept-Patch` for a PATCH), unread; a request without a body goes on to the
 * route's schema check. A body whose `Content-Length` passes the limit is `413 too_large`, unread (the connection is
 * then closed after the answer). A body that is not UTF-8, or has an object with a member name twice, is
 * `400 invalid_body` ({@link ambiguousJson}): the ledger signs only what every JSON parser reads alike.
 */
export function jsonBody(limitBytes: number = JSON_LIMIT_BYTES): RequestHandler {
  const parse = express.json({ limit: limitBytes, strict: false, type: JSON_TYPE, verify: refuseAmbiguous });
  return (req, res, next) => {
    // an empty body (Content-Length: 0) is no body; a body of another type, or of none, is refused
    const length = req.headers['content-length'];
    const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
    if (hasBody && (req.is(JSON_TYPE) === false || !utf8Charset(req.get('content-type')))) {
      const given = req.get('content-type');
      // RFC 5789 §3.1 names Accept-Patch for what a PATCH takes; Accept-Post serves the other methods' bodies
      res.setHeader(req.method === 'PATCH' ? 'Accept-Patch' : 'Accept-Post', JSON_TYPE);
      throw new UnsupportedMediaType(
        `send the body as application/json in UTF-8${given === undefined ? ' (no Content-Type was given)' : ''}`,
        { accepted: [JSON_TYPE] },
      );
    }
    // a body declared larger than the limit is refused before any of it is read: the parser would first read off
    // the whole declared length (to keep the connection) and answer only then, or at the request's deadline
    if (length !== undefined && /^\d+$/.test(length) && Number(length) > limitBytes) {
      throw new BodyTooLarge(`the body is larger than ${limitBytes} bytes`, { maxBytes: limitBytes });
    }
    parse(req, res, next);
  };
}

/**
 * Whether a `Content-Type` names no charset, or UTF-8 (RFC 8259 §8.1: JSON exchanged between systems is UTF-8), in
 * any case, quoted or not: `charset=utf-16` would otherwise be decoded as sent and refused as JSON that is not valid.
 */
function utf8Charset(contentType: string | undefined): boolean {
  const charsets = (contentType ?? '')
    .split(';')
    .slice(1)
    .map((parameter) => /^\s*charset\s*=\s*"?([^";]*)"?\s*$/i.exec(parameter)?.[1])
    .filter((charset) => charset !== undefined);
  return charsets.every((charset) => charset.trim().toLowerCase() === 'utf-8');
}

/** body-parser's hook on the bytes before they are parsed: JSON that parsers may read differently is refused. */
function refuseAmbiguous(_req: unknown, _res: unknown, body: Buffer): void {
  const defect = ambiguousJson(body);
  if (defect === undefined) return;
  throw new InvalidBody(
    `${defect.reason}${defect.pointer === undefined ? '' : ` (at ${defect.pointer})`}: send I-JSON (RFC 7493)`,
    defect.pointer === undefined ? {} : { pointer: defect.pointer },
  );
}
