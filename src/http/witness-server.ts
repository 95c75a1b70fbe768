import http from 'node:http';
import type { Witness } from '../app/witness.js';
import { SIZE_CONTENT_TYPE } from '../ledger/witness-protocol.js';

/** The largest `add-checkpoint` body read: a note with 100 signatures and 63 proof lines is far below it. */
export const MAX_WITNESS_BODY_BYTES = 64 * 1024;

export interface WitnessServerOptions {
  readonly witness: Witness;
  /** The witness's cosignature verifier key, shown at `GET /`. */
  readonly verifierKey: string;
  /** Told of each answer (status, and a refusal's kind): for the log, never the body. */
  readonly onAnswer?: (answer: { status: number; refusal?: string; origin?: string }) => void;
}

/**
 * The witness's HTTP front door, C2SP tlog-witness: `POST /add-checkpoint` (text in and out, the statuses of the
 * spec), and `GET /` giving the witness's verifier key. Not part of the ledger's API: a separate program, run by
 * whoever supervises the ledger.
 */
export function createWitnessServer({ witness, verifierKey, onAnswer }: WitnessServerOptions): http.Server {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (status: number, body: string, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
      res.end(body);
    };
    if (path === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
      send(200, `${verifierKey}\n`);
      return;
    }
    if (path !== '/add-checkpoint') {
      send(404, 'not found\n');
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      send(405, 'method not allowed\n');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_WITNESS_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) {
        send(413, 'request body too large\n');
        return;
      }
      const body = Buffer.concat(chunks);
      const text = body.toString('utf8');
      const origin = text.split('\n\n')[1]?.split('\n')[0];
      if (!Buffer.from(text, 'utf8').equals(body)) {
        onAnswer?.({ status: 400 });
        send(400, 'the body is not UTF-8\n');
        return;
      }
      const answer = witness.addCheckpoint(text);
      onAnswer?.({
        status: answer.status,
        ...(answer.refusal ? { refusal: answer.refusal } : {}),
        ...(origin ? { origin } : {}),
      });
      send(answer.status, answer.body, answer.sizeBody ? SIZE_CONTENT_TYPE : undefined);
    });
    req.on('error', () => res.destroy());
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  return server;
}
