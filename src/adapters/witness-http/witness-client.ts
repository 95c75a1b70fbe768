import type { WitnessClient, WitnessResponse } from '../../ports/witness-client.js';

/** Answers larger than this are cut off: a witness's cosignature lines are a few hundred bytes. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** {@link WitnessClient} over `fetch`, each request bounded by `timeoutMs`. */
export function httpWitnessClient({ timeoutMs }: { timeoutMs: number }): WitnessClient {
  return {
    async addCheckpoint(url: string, body: string): Promise<WitnessResponse> {
      const res = await fetch(`${url}/add-checkpoint`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      const bytes = Buffer.from(await res.arrayBuffer());
      return {
        status: res.status,
        contentType: (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase(),
        body: bytes.subarray(0, MAX_ANSWER_BYTES).toString('utf8'),
      };
    },
  };
}
