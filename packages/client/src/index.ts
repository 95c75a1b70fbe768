import type { components, operations, paths } from './schema.js';

export type { components, operations, paths };

/** A signed event envelope, as the ledger stores, serves and bundles it. */
export type EventEnvelope = components['schemas']['event-envelope'];
/** An RFC 9457 problem, as every error of the API is answered. */
export type Problem = components['schemas']['response.problem'];

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The paths that have an operation for `method`. */
export type PathsWith<M extends Method> = {
  [P in keyof paths]: paths[P] extends { [K in M]: infer Op } ? ([Op] extends [never | undefined] ? never : P) : never;
}[keyof paths];

type OperationOf<P extends keyof paths, M extends Method> = NonNullable<paths[P][M & keyof paths[P]]>;
type Parameters<O> = O extends { parameters: infer Ps } ? Ps : never;
type Part<O, K extends string> = K extends keyof Parameters<O> ? NonNullable<Parameters<O>[K]> : never;
type JsonBodyOf<O> = O extends { requestBody?: infer RB }
  ? [NonNullable<RB>] extends [never]
    ? never
    : NonNullable<RB> extends { content: { 'application/json': infer B } }
      ? B
      : never
  : never;

/**
 * The bytes of a body that is not JSON (a medium for `POST /v1/media`, an evidence bundle for `POST /v1/verify`),
 * sent as they are, with the `content-type` given in `headers`.
 */
export type RawBody = Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | string;

/** Whether the operation takes a body other than JSON (its media types do not include `application/json`). */
type TakesRawBody<O> = O extends { requestBody?: infer RB }
  ? [NonNullable<RB>] extends [never]
    ? false
    : NonNullable<RB> extends { content: infer C }
      ? 'application/json' extends keyof C
        ? false
        : true
      : false
  : false;

/** The body a request takes: its JSON, raw bytes with their content type, or none. */
type BodyOf<O> = [JsonBodyOf<O>] extends [never]
  ? TakesRawBody<O> extends true
    ? { body: RawBody; readonly headers: Record<string, string> & { 'content-type': string } }
    : { body?: undefined }
  : { body: JsonBodyOf<O> };

/** What a request takes besides its path: path, query and header parameters, a body, more headers. */
export type RequestInit<O, A extends ParseAs | undefined = ParseAs | undefined> = ([Part<O, 'path'>] extends [never]
  ? { params?: { query?: Part<O, 'query'>; header?: Part<O, 'header'> } }
  : { params: { path: Part<O, 'path'>; query?: Part<O, 'query'>; header?: Part<O, 'header'> } }) &
  BodyOf<O> & {
    readonly headers?: Record<string, string>;
    readonly signal?: AbortSignal;
    /** How to read a successful answer: JSON (default), text, bytes, or the body stream left unread. */
    readonly parseAs?: A;
  };

export type ParseAs = 'json' | 'text' | 'arrayBuffer' | 'stream';

type SuccessStatus = 200 | 201 | 202 | 203 | 206;
/** The JSON of the operation's successful answers. */
export type SuccessJson<O> = O extends { responses: infer R }
  ? {
      [S in keyof R]: S extends SuccessStatus
        ? R[S] extends { content: { 'application/json': infer J } }
          ? J
          : never
        : never;
    }[keyof R]
  : never;

type DataOf<O, A extends ParseAs | undefined> = A extends 'text'
  ? string
  : A extends 'arrayBuffer'
    ? ArrayBuffer
    : A extends 'stream'
      ? ReadableStream<Uint8Array> | null
      : SuccessJson<O>;

/**
 * The outcome of a request: `data` for a 2xx answer, `error` (the problem) for a 4xx or 5xx one, neither for
 * `304 Not Modified`; `response` always, for its status and headers (`ETag`, `Link`, `Location`).
 */
export type Result<O, A extends ParseAs | undefined> =
  | { readonly data: DataOf<O, A>; readonly error?: undefined; readonly response: Response }
  | { readonly data?: undefined; readonly error: Problem; readonly response: Response }
  | { readonly data?: undefined; readonly error?: undefined; readonly response: Response };

type Args<O, I> = [Part<O, 'path'>] extends [never]
  ? [JsonBodyOf<O>] extends [never]
    ? TakesRawBody<O> extends true
      ? [init: I]
      : [init?: I]
    : [init: I]
  : [init: I];

export interface ClientOptions {
  /** Where the service answers, e.g. `https://ledger.example.gov.cn`. */
  readonly baseUrl: string;
  /** The bearer token, or a function that gives the current one (called for each request). */
  readonly token?: string | (() => string | Promise<string>);
  /** The fetch to use (default: the global one). */
  readonly fetch?: typeof fetch;
  /** Headers sent with every request. */
  readonly headers?: Record<string, string>;
}

type Call<M extends Method> = <P extends PathsWith<M>, A extends ParseAs | undefined = undefined>(
  path: P,
  ...args: Args<OperationOf<P, M>, RequestInit<OperationOf<P, M>, A>>
) => Promise<Result<OperationOf<P, M>, A>>;

export interface Client {
  readonly GET: Call<'get'>;
  readonly POST: Call<'post'>;
  readonly PUT: Call<'put'>;
  readonly PATCH: Call<'patch'>;
  readonly DELETE: Call<'delete'>;
}

/**
 * A typed client of the Evidence Ledger API: every path, parameter, body and JSON answer is checked against the
 * types generated from the service's OpenAPI document (`schema.d.ts`).
 */
export function createClient(options: ClientOptions): Client {
  const send = (method: string) =>
    (async (path: string, init: InternalInit = {}) => request(options, method, path, init)) as never;
  return { GET: send('GET'), POST: send('POST'), PUT: send('PUT'), PATCH: send('PATCH'), DELETE: send('DELETE') };
}

interface InternalInit {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  parseAs?: ParseAs;
}

async function request(
  options: ClientOptions,
  method: string,
  template: string,
  init: InternalInit,
): Promise<{ data?: unknown; error?: Problem; response: Response }> {
  const url = new URL(options.baseUrl.replace(/\/$/, '') + pathOf(template, init.params?.path ?? {}));
  for (const [name, value] of Object.entries(init.params?.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  const headers = new Headers(options.headers);
  for (const [name, value] of Object.entries(init.params?.header ?? {})) {
    if (value !== undefined) headers.set(name, String(value));
  }
  for (const [name, value] of Object.entries(init.headers ?? {})) headers.set(name, value);
  const token = typeof options.token === 'function' ? await options.token() : options.token;
  if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
  const raw = isRawBody(init.body);
  if (init.body !== undefined && !raw) headers.set('content-type', 'application/json');
  const response = await (options.fetch ?? fetch)(url, {
    method,
    headers,
    ...(init.body === undefined ? {} : { body: raw ? (init.body as never) : JSON.stringify(init.body) }),
    // a stream is sent as it is read (fetch asks to be told so)
    ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}),
    ...(init.signal ? { signal: init.signal } : {}),
  } as globalThis.RequestInit);
  if (response.status === 304) return { response };
  if (!response.ok) {
    const text = await response.text();
    let error: Problem;
    try {
      error = JSON.parse(text) as Problem;
    } catch {
      error = { type: 'about:blank', title: response.statusText, status: response.status, detail: text } as Problem;
    }
    return { error, response };
  }
  const parseAs = init.parseAs ?? 'json';
  if (parseAs === 'stream') return { data: response.body, response };
  if (parseAs === 'arrayBuffer') return { data: await response.arrayBuffer(), response };
  const text = await response.text();
  if (parseAs === 'text') return { data: text, response };
  return { data: text === '' ? undefined : (JSON.parse(text) as unknown), response };
}

/** Bytes sent as they are, rather than a value sent as JSON: no JSON body of the API is a string or binary. */
function isRawBody(body: unknown): body is RawBody {
  return (
    typeof body === 'string' ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    (typeof Blob !== 'undefined' && body instanceof Blob) ||
    (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream)
  );
}

/** `/v1/cases/{caseId}` with `{caseId: 'a b'}` → `/v1/cases/a%20b`; a missing parameter is an error, not "undefined". */
function pathOf(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new TypeError(`path parameter ${name} is missing`);
    return encodeURIComponent(String(value));
  });
}
