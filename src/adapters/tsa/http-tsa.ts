import type { TimeStampAuthority } from '../../ports/time-stamping.js';

/** How long one request may take, and the largest answer read (a token is a few KiB). */
export const TSA_TIMEOUT_MS = 10_000;
export const TSA_MAX_RESPONSE_BYTES = 256 * 1024;

/** A time-stamping authority over HTTP(S), RFC 3161 §3.4: `POST application/timestamp-query`. */
export class HttpTimeStampAuthority implements TimeStampAuthority {
  constructor(
    readonly url: string,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  async stamp(request: Uint8Array): Promise<Uint8Array> {
    const response = await this.fetchImpl(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
      body: new Uint8Array(request), // a copy over a plain ArrayBuffer, the body type fetch declares
      signal: AbortSignal.timeout(TSA_TIMEOUT_MS),
      redirect: 'error',
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`the time-stamping authority answered HTTP ${response.status}`);
    }
    const type = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/timestamp-reply') {
      await response.body?.cancel();
      throw new Error(`the time-stamping authority answered ${type ?? 'no content type'}, not a timestamp-reply`);
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > TSA_MAX_RESPONSE_BYTES) {
      await response.body?.cancel();
      throw new Error(`the time-stamping authority's answer is larger than ${TSA_MAX_RESPONSE_BYTES} bytes`);
    }
    const body = new Uint8Array(await response.arrayBuffer());
    if (body.length > TSA_MAX_RESPONSE_BYTES) {
      throw new Error(`the time-stamping authority's answer is larger than ${TSA_MAX_RESPONSE_BYTES} bytes`);
    }
    return body;
  }
}
