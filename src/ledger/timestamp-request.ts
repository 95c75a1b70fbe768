import { sha256 } from './hash.js';
import {
  Asn1Shape,
  build,
  bytesOf,
  fromDer,
  hexOf,
  sequence,
  toDer,
  binary,
  primitive,
  Type,
  OID,
} from './timestamp-der.js';
import { readTimestampToken, TimestampFailure } from './timestamp-token.js';

/**
 * The RFC 3161 exchange a ledger has with a time-stamping authority (docs/integrity.md §15.1): the TimeStampReq it
 * sends and the checks of the TimeStampResp it gets back.
 */

/** The DER TimeStampReq for `message`: v1, SHA-256 message imprint, the given nonce, certReq TRUE, no policy. */
export function timestampRequest(message: Uint8Array, nonce: Uint8Array): Uint8Array {
  const imprint = build.seq([build.seq([build.oid(OID.sha256), build.nul()]), build.octets(sha256(message))]);
  return bytesOf(toDer(build.seq([build.smallInt(1), imprint, build.int(nonce), build.bool(true)])));
}

/** The PKIStatus values of RFC 3161 §2.4.2 that carry a token. */
const GRANTED = new Set([0, 1]);

/**
 * The token of a TimeStampResp, after checking that the authority granted it and that it answers this request:
 * its message imprint is SHA-256 of `message` and its nonce is `nonce`. `TimestampFailure` (`timestamp_invalid`)
 * otherwise. Its signature and certificates are checked by {@link verifyTimestampToken}.
 */
export function tokenOfResponse(response: Uint8Array, message: Uint8Array, nonce: Uint8Array): Uint8Array {
  let token: Uint8Array;
  try {
    const [statusInfo, tokenNode] = sequence(fromDer(response), 'TimeStampResp');
    const [status] = sequence(statusInfo, 'PKIStatusInfo');
    const code = primitive(status, 'PKIStatus', Type.INTEGER);
    const value = code.length === 1 ? code.charCodeAt(0) : -1;
    if (!GRANTED.has(value))
      throw new TimestampFailure('timestamp_invalid', `the authority refused (PKIStatus ${value})`);
    if (!tokenNode) throw new TimestampFailure('timestamp_invalid', 'the response holds no token');
    token = bytesOf(toDer(tokenNode));
  } catch (err) {
    if (err instanceof Asn1Shape) throw new TimestampFailure('timestamp_invalid', err.message);
    throw err;
  }
  const info = readTimestampToken(token);
  if (info.imprint !== hexOf(binary(sha256(message)))) {
    throw new TimestampFailure('timestamp_invalid', 'the token is for another message imprint');
  }
  const expected = hexOf(binary(nonce)).replace(/^(00)+(?=.)/, '');
  if (info.nonce !== expected) throw new TimestampFailure('timestamp_invalid', 'the token answers another nonce');
  return token;
}

/**
 * The time-stamped message of a checkpoint (docs/integrity.md §15.1): its signed note restricted to the log's own
 * signature lines (key name = `origin`), UTF-8. Cosignature lines under other names are left out, so that the
 * message does not change as cosignatures are added.
 */
export function timestampedMessage(note: string, origin: string): Buffer {
  const split = note.indexOf('\n\n');
  if (split < 0) return Buffer.from(note, 'utf8');
  const lines = note.slice(split + 2).split('\n');
  const own = lines.filter((line) => line.startsWith('\u2014 ') && line.split(' ')[1] === origin);
  return Buffer.from(`${note.slice(0, split + 2)}${own.map((line) => `${line}\n`).join('')}`, 'utf8');
}
