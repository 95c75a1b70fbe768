import fs from 'node:fs';
import path from 'node:path';
import { inspectionOperations } from './openapi-inspections.js';
import { publishedOperations, type OperationParts } from './openapi-published.js';
import { agencyOperations } from './openapi-agencies.js';
import { reviewOperations } from './openapi-review.js';
import { templateOperations } from './openapi-templates.js';
import { AS_OF_DAYS } from './query.js';
import type { RouteSemantics } from './semantics.js';

/**
 * The OpenAPI 3.1 document of the API, generated from the JSON Schemas in `schemas/` (the same files the request
 * validator compiles), so the document cannot drift from what is enforced. OpenAPI 3.1 schemas are JSON Schema
 * 2020-12: each file is embedded as it is under `components.schemas`, only its `$id`/`$schema` dropped and its
 * `$ref`s rewritten from `$id`s to `#/components/schemas/<name>` (a JSON pointer fragment kept after the name).
 */
export type OpenApiDocument = {
  readonly openapi: '3.1.0';
  readonly paths: Record<string, Record<string, Json>>;
  readonly components: { readonly schemas: Record<string, Json> } & Record<string, unknown>;
} & Record<string, unknown>;

export type Json = { [key: string]: unknown };
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Operation {
  readonly method: Method;
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag:
    | 'registry'
    | 'tokens'
    | 'calendar'
    | 'cases'
    | 'media'
    | 'audit'
    | 'feeds'
    | 'public'
    | 'ledger'
    | 'operations'
    | 'problems'
    | 'webhooks'
    | 'published'
    | 'inspections';
  /** Bearer JWT unless false. */
  readonly auth?: false;
  readonly parameters?: readonly Json[];
  readonly requestBody?: Json;
  readonly responses: Record<string, Json>;
}

const SCHEMA_PREFIX = 'urn:evidence-ledger:schema:';
const DIALECT = 'https://json-schema.org/draft/2020-12/schema';
const PROBLEM_STATUSES: Record<number, string> = {
  400: 'The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query).',
  401: 'No valid bearer token (unauthenticated).',
  403: 'The token lacks the role this needs (forbidden).',
  404: 'No such resource, or not one the caller may see (not_found).',
  406: 'The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them.',
  409: 'The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required.',
  410: 'The request repeats, under its Idempotency-Key, the creation of a subscription deleted since (webhook_deleted): nothing is subscribed.',
  413: 'The body is larger than allowed (too_large).',
  415: 'The body is in an unsupported encoding (unsupported_media_type).',
  416: 'The range lies outside the medium (range_not_satisfiable).',
  421: 'This replica does not deliver webhooks (WEBHOOK_DELIVERY=false), so its outbox holds no deliveries (webhook_delivery_elsewhere): send it again over another connection, which may reach the replica that delivers.',
  422: 'A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...).',
  408: 'The request did not arrive in time (request_timeout), or a bundle sent for verification arrived too slowly while it held a slot (upload_too_slow); the connection is closed.',
  429: 'Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again.',
  503: 'A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them).',
};

/** `urn:evidence-ledger:schema:act:EvidenceCollected` → `act.EvidenceCollected`; a trailing `:1` version is dropped. */
function componentName(id: string): string {
  if (!id.startsWith(SCHEMA_PREFIX)) throw new Error(`schema $id ${id} does not start with ${SCHEMA_PREFIX}`);
  const name = id.slice(SCHEMA_PREFIX.length).replace(/:\d+$/, '').replaceAll(':', '.');
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`schema $id ${id} gives no valid component name`);
  return name;
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const defs = (def: string): Json => ({ $ref: `#/components/schemas/defs/$defs/${def}` });
const json = (schemaName: string): Json => ({ 'application/json': { schema: ref(schemaName) } });
const problemResponse = (description: string): Json => ({
  description,
  content: { 'application/problem+json': { schema: ref('response.problem') } },
});
const problems = (...statuses: number[]): Record<string, Json> =>
  Object.fromEntries(statuses.map((status) => [String(status), problemResponse(PROBLEM_STATUSES[status]!)]));
const header = (name: string, description: string, schema: Json): Json => ({ name, in: 'header', description, schema });

/**
 * A log position in a query (`consistentWith`, `after`): decimal digits on the wire, at most 15; given as the integer
 * a write's `position` is, or as its digits, alike (a typed client may pass either).
 */
const LOG_POSITION: Json = {
  oneOf: [
    { type: 'integer', minimum: 0, maximum: 999_999_999_999_999 },
    { type: 'string', pattern: '^[0-9]{1,15}$' },
  ],
};

const PARAMETERS = {
  year: {
    name: 'year',
    in: 'path',
    required: true,
    description: 'A year, four digits; anything else names no year (404).',
    schema: { type: 'string', pattern: '^[0-9]{4}$' },
  },
  caseId: {
    name: 'caseId',
    in: 'path',
    required: true,
    description:
      "The case id, unique within its agency: a read looks it up among the agencies the caller may read, a write in the caller's own (a supervisor's evaluation among the agencies it may evaluate, as a read does).",
    schema: defs('id'),
  },
  caseAgency: {
    name: 'agency',
    in: 'query',
    description:
      'The agency whose case is meant, where agencies the caller may read (a supervisor) use the same case id; without it such a read is 409 case_ambiguous. An agency the caller may not read answers 404.',
    schema: defs('id'),
  },
  sha256: {
    name: 'sha256',
    in: 'path',
    required: true,
    description: 'The medium (its SHA-256).',
    schema: defs('sha256'),
  },
  ifMatch: header(
    'If-Match',
    'The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body.',
    {
      type: 'string',
      pattern: '^(\\*|(W/)?"[0-9]{1,15}(\\.[A-Za-z0-9_-]{1,64})?"|[0-9]{1,15})$',
    },
  ),
  ifNoneMatchWrite: header(
    'If-None-Match',
    'Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body.',
    { type: 'string', pattern: '^\\s*\\*\\s*$' },
  ),
  idempotencyKey: header(
    'Idempotency-Key',
    'A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key.',
    {
      type: 'string',
      pattern: '^[!-~]{1,200}$',
    },
  ),
  purpose: header('x-purpose', 'Why the record is read, kept in the access record; percent-encoded UTF-8.', {
    type: 'string',
  }),
  contentSha256: header('x-content-sha256', 'The SHA-256 the bytes must have (400 digest_mismatch).', defs('sha256')),
  range: header('Range', 'One byte range, such as bytes=0-1023.', { type: 'string' }),
  ifRange: header('If-Range', 'The ETag the range applies to; another answers with the whole medium.', {
    type: 'string',
  }),
  ifNoneMatch: header('If-None-Match', 'ETags the client holds (304 when one matches).', { type: 'string' }),
  lastEventId: header(
    'Last-Event-ID',
    'Resume after this position (as an SSE client reconnects); one beyond the head of the log is 400 invalid_body.',
    {
      type: 'string',
      pattern: '^[0-9]{1,15}$',
    },
  ),
  consistentWith: {
    name: 'consistentWith',
    in: 'query',
    description:
      'Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log.',
    schema: LOG_POSITION,
  },
  limit: {
    name: 'limit',
    in: 'query',
    description: 'Most items per page (1–200, default 50).',
    schema: { type: 'integer', minimum: 1, maximum: 200 },
  },
  cursor: {
    name: 'cursor',
    in: 'query',
    description: 'The `next` cursor of the previous page.',
    schema: { type: 'string' },
  },
  after: {
    name: 'after',
    in: 'query',
    description: 'Resume after this position; one beyond the head of the log is 400 invalid_query.',
    schema: LOG_POSITION,
  },
} satisfies Record<string, Json>;

/** `consistentWith` on a read of the working-day calendar, which each replica keeps from the log. */
const CALENDAR_REREAD: Json = {
  ...PARAMETERS.consistentWith,
  description:
    'Show a year another replica recorded: the calendar is read again from the log before the answer (the position is checked, not waited for).',
};

/** `consistentWith` on a read answered from the log itself, which holds every acknowledged write. */
const FROM_THE_LOG: Json = {
  ...PARAMETERS.consistentWith,
  description:
    'Taken as on every read; this answer comes from the log, which holds every write acknowledged before the request, so it never waits.',
};

/** What `?asOf=` takes besides a date (`asOfDay`, src/http/query.ts). */
const AS_OF_RANGE = `From ${AS_OF_DAYS.first} to ${AS_OF_DAYS.last}; another day is 400 invalid_query.`;

/** An optional query parameter. */
const query = (name: string, description: string, schema: Json = { type: 'string' }): Json => ({
  name,
  in: 'query',
  description,
  schema,
});

const text = (description: string): Json => ({ description, schema: { type: 'string' } });
const ETAG = { ETag: text('The stream revision, quoted.') };
/** The ETag of a read of a case: its revision and a digest of the answer (request.ts, `sendRevisionJson`). */
const READ_ETAG = (revision: string) => ({
  ETag: text(
    `"<revision>.<digest>": ${revision}, and the first 22 base64url characters of the SHA-256 of the answer; If-Match on the case's next act takes it by its revision.`,
  ),
});
const READ_NOT_MODIFIED = { description: 'The answer is the one whose ETag was sent in If-None-Match.' };
const CASE_WRITTEN = { ...ETAG, Location: text('The case file.') };
const MEDIUM_HEADERS = { ETag: text('The SHA-256, quoted.'), Location: text('Where the bytes are read.') };
const written = (what: string, schemaName: string, headers: Json = ETAG): Record<string, Json> => ({
  '201': { description: `${what} recorded.`, headers, content: json(schemaName) },
  '200': {
    description: 'A retry with the same Idempotency-Key: the original result.',
    headers,
    content: json(schemaName),
  },
});
/** Raw bytes of any media type (OpenAPI 3.1: a binary body needs no schema). */
const BYTES: Json = { '*/*': {} };
const jsonBody = (schemaName: string): Json => ({ required: true, content: json(schemaName) });
const WRITE_PROBLEMS = [400, 401, 403, 409, 413, 415, 422] as const;
const ACT_PROBLEMS = [400, 401, 403, 404, 409, 413, 415, 422] as const;

/** Paging and read-your-writes of the public lists. */
const PUBLIC_PAGING: readonly Json[] = [PARAMETERS.limit, PARAMETERS.cursor, PARAMETERS.consistentWith];
const DISCLOSURE_FILTERS: readonly Json[] = [
  query('agency', 'Only decisions of this agency.', defs('id')),
  query('itemCode', 'Only decisions of this enforcement item (its code).', defs('id')),
  query('category', 'Only decisions of this category of enforcement item.', defs('itemCategory')),
  query(
    'decisionType',
    'Only decisions of this type, and the withdrawal notices of decisions of this type.',
    defs('decisionType'),
  ),
  query(
    'q',
    'Search: words separated by spaces, each of which the document number, the item code or name, or a (redacted) party name must contain (ASCII letters in either case); at most 100 characters and 8 words.',
    { type: 'string', minLength: 1, maxLength: 100 },
  ),
  query('from', 'Published on or after this date.', defs('date')),
  query('to', 'Published on or before this date.', defs('date')),
];
/** The supervision views: `?agency=` narrows to one supervised agency (403 outside them). */
const AUDIT_AGENCY: Json = query('agency', "Only this agency (the supervisor's own or one it supervises).", defs('id'));
const AUDIT_PAGING: readonly Json[] = [PARAMETERS.limit, PARAMETERS.cursor, PARAMETERS.consistentWith];
const auditResponses = (description: string, schemaName: string): Record<string, Json> => ({
  '200': {
    description: `${description} As CSV, one row per entry (a nested list gives one row per element); \`Link: rel="next"\` pages on.`,
    headers: { Link: text('The next page, when there is one.') },
    content: { ...json(schemaName), ...CSV },
  },
  ...problems(400, 401, 403, 406, 503),
});
/**
 * The per-client rate limit of the public routes (PUBLIC_RATE_LIMIT, PUBLIC_RATE_LIMIT_BYTES), as
 * draft-ietf-httpapi-ratelimit-headers says.
 */
const RATE_HEADERS = {
  'RateLimit-Policy': text(
    'The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`.',
  ),
  RateLimit: text(
    'What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes".',
  ),
};
/** What a public GET carries for conditional requests and cross-origin reads. */
const PUBLIC_HEADERS = {
  ...RATE_HEADERS,
  ETag: text("A strong validator of the answer's bytes; If-None-Match with it answers 304."),
  'Last-Modified': text('When the data served last changed on this replica; If-Modified-Since answers 304.'),
  'Access-Control-Allow-Origin': text('*: any origin may read it (no credentials).'),
};
const NOT_MODIFIED: Json = {
  description: 'Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds.',
};
/** The CSV form of a supervision view (RFC 4180, UTF-8 with a BOM, formula-like cells neutralised). */
const CSV: Json = { 'text/csv': { schema: { type: 'string' } } };
const FORMAT = query('format', 'csv or json; otherwise the Accept header decides (JSON when both are acceptable).', {
  enum: ['json', 'csv'],
});

const WEBHOOK_ID: Json = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The webhook subscription.',
  schema: defs('uuid'),
};
const WEBHOOK_PROBLEMS = [400, 401, 403, 404, 409, 413, 415, 422] as const;
/** Webhook subscriptions (admin or integration of the agency), their deliveries and replays. */
const WEBHOOK_OPERATIONS: readonly Operation[] = [
  {
    method: 'POST',
    path: '/v1/webhooks',
    operationId: 'createWebhook',
    summary:
      "Subscribe a receiver to the agency's events (admin, integration); recorded as a signed event. The answer " +
      'holds the HMAC secret (or the Ed25519 public key) once. `payload: public` delivers only the events that ' +
      'have a public record, as GET /v1/disclosures lists it (docs/integration.md, "Public payloads")',
    tag: 'webhooks',
    parameters: [PARAMETERS.idempotencyKey],
    requestBody: jsonBody('command.create-webhook'),
    responses: {
      ...written('The subscription', 'response.webhook', { ...ETAG, Location: text('The subscription.') }),
      ...problems(400, 401, 403, 409, 410, 413, 415, 422),
    },
  },
  {
    method: 'GET',
    path: '/v1/webhooks',
    operationId: 'listWebhooks',
    summary: "The agency's webhook subscriptions (admin, integration), oldest first",
    tag: 'webhooks',
    parameters: [PARAMETERS.consistentWith],
    responses: {
      '200': { description: 'The subscriptions.', content: json('response.webhook-list') },
      ...problems(400, 401, 403, 503),
    },
  },
  {
    method: 'GET',
    path: '/v1/webhooks/{id}',
    operationId: 'getWebhook',
    summary: 'A webhook subscription (never its secret)',
    tag: 'webhooks',
    parameters: [WEBHOOK_ID, PARAMETERS.consistentWith],
    responses: {
      '200': { description: 'The subscription.', headers: ETAG, content: json('response.webhook') },
      ...problems(400, 401, 403, 404, 503),
    },
  },
  {
    method: 'PATCH',
    path: '/v1/webhooks/{id}',
    operationId: 'changeWebhook',
    summary: 'Change a subscription: URL, event types, enable it again, or rotate its key; recorded as a signed event',
    tag: 'webhooks',
    parameters: [WEBHOOK_ID, PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
    requestBody: jsonBody('command.change-webhook'),
    responses: {
      '200': { description: 'The subscription as changed.', headers: ETAG, content: json('response.webhook') },
      ...problems(...WEBHOOK_PROBLEMS),
    },
  },
  {
    method: 'DELETE',
    path: '/v1/webhooks/{id}',
    operationId: 'deleteWebhook',
    summary:
      'Remove a subscription; recorded as a signed event, its undelivered events are cancelled: never sent, neither failures nor dead letters',
    tag: 'webhooks',
    parameters: [WEBHOOK_ID, PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
    responses: { '204': { description: 'Removed.' }, ...problems(400, 401, 403, 404, 409, 422) },
  },
  {
    method: 'GET',
    path: '/v1/webhooks/{id}/deliveries',
    operationId: 'listWebhookDeliveries',
    summary: "A subscription's metrics and its undelivered events: pending ones and dead letters",
    tag: 'webhooks',
    parameters: [
      WEBHOOK_ID,
      query('state', 'Only pending deliveries or only dead letters.', { enum: ['pending', 'dead'] }),
      query('limit', 'Most deliveries listed (1–1000, default 100), in log order.', {
        type: 'integer',
        minimum: 1,
        maximum: 1000,
      }),
    ],
    responses: {
      '200': { description: 'Metrics and deliveries.', content: json('response.webhook-deliveries') },
      ...problems(400, 401, 403, 404, 421),
    },
  },
  {
    method: 'POST',
    path: '/v1/webhooks/{id}/replay',
    operationId: 'replayWebhook',
    summary:
      "Send the subscription's events again from a log position on (dead letters and delivered ones alike), in order",
    tag: 'webhooks',
    parameters: [
      WEBHOOK_ID,
      {
        ...query(
          'from',
          'The first log position to send again; one past the position after the head of the log is 400 invalid_query.',
          { type: 'string', pattern: '^[1-9][0-9]{0,14}$' },
        ),
        required: true,
      },
    ],
    responses: {
      '202': { description: 'Put back in the outbox.', content: json('response.webhook-replay') },
      ...problems(400, 401, 403, 404, 409, 421),
    },
  },
];

/** What a read of a medium's bytes takes and answers (`sendMedium`): ranges, validators, the reader's purpose. */
const MEDIUM_READ = {
  parameters: [PARAMETERS.range, PARAMETERS.ifRange, PARAMETERS.ifNoneMatch, PARAMETERS.purpose],
  responses: {
    '200': { description: 'The bytes.', headers: { ETag: text('The SHA-256, quoted.') }, content: BYTES },
    '206': {
      description: 'The range asked for.',
      headers: { 'Content-Range': text('bytes a-b/size') },
      content: BYTES,
    },
    '304': { description: 'The client holds these bytes already.' },
    '406': problemResponse(
      'A ?format= was given (not_acceptable): a medium is served only as its own bytes, in the type it was stored as.',
    ),
  },
} as const;

/** Online applications (网上受理): filed and followed by the public, accepted or refused by officers, supervised. */
const APPLICATION_ID: Json = {
  name: 'applicationId',
  in: 'path',
  required: true,
  description: 'The application id (a UUID), as the receipt gives it; anything else names no application (404).',
  schema: defs('uuid'),
};
const APPLICATION_OPERATIONS: readonly Operation[] = [
  {
    method: 'POST',
    path: '/v1/applications',
    operationId: 'fileApplication',
    summary:
      'File an application for a licensing item (anyone, rate-limited): multipart/form-data with the application as JSON in the part "application" and at most 5 PDF, JPEG or PNG files of at most 5 MiB in "attachment" parts, or application/json without attachments (a form sent with a Content-Encoding other than identity is 415 unsupported_media_type, unread: its files are stored as sent); answers the receipt',
    tag: 'public',
    auth: false,
    parameters: [PARAMETERS.idempotencyKey],
    requestBody: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['application'],
            properties: {
              application: { type: 'string', description: 'The application, JSON.' },
              attachment: {
                type: 'array',
                maxItems: 5,
                items: { type: 'string', contentMediaType: 'application/octet-stream' },
              },
            },
          },
          encoding: { application: { contentType: 'application/json' } },
        },
        ...json('command.file-application'),
      },
    },
    responses: {
      '201': {
        description: 'Filed: the receipt, with the lookup code shown this once.',
        headers: { ...RATE_HEADERS, Location: text('Where the progress is read (with the lookup code).') },
        content: json('response.application-receipt'),
      },
      '200': {
        description:
          'A retry under the same Idempotency-Key found the application filed already (replayed: true): its receipt, with the lookup code only if the same replica answered the first request within 10 minutes; the same key with another application is 422 idempotency_key_reused.',
        headers: { ...RATE_HEADERS, Location: text('Where the progress is read (with the lookup code).') },
        content: json('response.application-receipt'),
      },
      ...problems(400, 409, 413, 415, 422, 429),
    },
  },
  {
    method: 'GET',
    path: '/v1/applications/{agency}/{applicationId}/progress',
    operationId: 'getApplicationProgress',
    summary: 'Where an application stands, to the holder of its lookup code (anyone, rate-limited); no applicant data',
    tag: 'public',
    auth: false,
    parameters: [
      { name: 'agency', in: 'path', required: true, description: 'The agency filed with.', schema: defs('id') },
      APPLICATION_ID,
      header('X-Lookup-Code', "The receipt's lookup code (any case; spaces and dashes ignored).", {
        type: 'string',
        maxLength: 64,
      }),
      PARAMETERS.consistentWith,
    ],
    responses: {
      '200': {
        description: 'The progress.',
        headers: RATE_HEADERS,
        content: json('response.application-progress'),
      },
      ...problems(400, 404, 429, 503),
    },
  },
  {
    method: 'GET',
    path: '/v1/applications',
    operationId: 'listApplications',
    summary: "The applications filed with the officer's agency, waiting ones first, soonest due first (officer)",
    tag: 'cases',
    parameters: [
      query('pending', 'Only waiting (true) or accepted or refused (false) applications.', { enum: ['true', 'false'] }),
      PARAMETERS.limit,
      PARAMETERS.cursor,
      PARAMETERS.consistentWith,
    ],
    responses: {
      '200': { description: 'A page of the queue.', content: json('response.application-queue') },
      ...problems(400, 401, 403, 503),
    },
  },
  {
    method: 'GET',
    path: '/v1/applications/{applicationId}',
    operationId: 'getApplication',
    summary:
      "An application as filed, the applicant's fields and the request opened: of the officer's agency, for deciding it (officer), or of an agency the supervisor may read (supervisor); the read is recorded (read_application)",
    tag: 'cases',
    parameters: [APPLICATION_ID, PARAMETERS.purpose],
    responses: {
      '200': { description: 'The application as filed.', content: json('response.application-filing') },
      ...problems(400, 401, 403, 404),
    },
  },
  {
    method: 'GET',
    path: '/v1/applications/{applicationId}/attachments/{sha256}',
    operationId: 'getApplicationAttachment',
    summary:
      "The bytes of an attachment of an application as filed, or a range of them (officer of its agency, or supervisor who may read it); the read is recorded (read_media), and an erased applicant's are not served",
    tag: 'cases',
    parameters: [APPLICATION_ID, PARAMETERS.sha256, ...MEDIUM_READ.parameters],
    responses: { ...MEDIUM_READ.responses, ...problems(400, 401, 403, 404, 409, 416, 500) },
  },
  {
    method: 'POST',
    path: '/v1/applications/{applicationId}/acceptance',
    operationId: 'acceptApplication',
    summary:
      'Accept an application (受理) of the agency and open its case (case id = application id; the applicant its party, the attachments its media) with these officers (officer)',
    tag: 'cases',
    parameters: [APPLICATION_ID],
    requestBody: jsonBody('command.accept-application'),
    responses: {
      '201': {
        description: 'Accepted, its case opened.',
        headers: ETAG,
        content: json('response.application-written'),
      },
      ...problems(400, 401, 403, 404, 409, 413, 415, 422),
    },
  },
  {
    method: 'POST',
    path: '/v1/applications/{applicationId}/rejection',
    operationId: 'rejectApplication',
    summary: 'Refuse to accept an application (不予受理), with the reason and its legal basis (officer)',
    tag: 'cases',
    parameters: [APPLICATION_ID, PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
    requestBody: jsonBody('command.reject-application'),
    responses: {
      ...written('The refusal', 'response.application-written'),
      ...problems(400, 401, 403, 404, 409, 413, 415, 422),
    },
  },
  {
    method: 'POST',
    path: '/v1/applications/{applicationId}/erasure',
    operationId: 'eraseApplication',
    summary:
      "Erase the applicant's personal data of an application that opened no case (admin): a signed ApplicationDataErased event naming the legal ground, then the application's data key is destroyed (docs/privacy.md)",
    tag: 'cases',
    parameters: [APPLICATION_ID, PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
    requestBody: jsonBody('command.erase-application'),
    responses: {
      ...written('The erasure', 'response.application-written'),
      ...problems(400, 401, 403, 404, 409, 413, 415, 503),
    },
  },
  {
    method: 'GET',
    path: '/v1/audit/overdue-applications',
    operationId: 'listOverdueApplications',
    summary: 'Applications neither accepted nor refused by their deadline as of asOf, most overdue first (supervisor)',
    tag: 'audit',
    parameters: [
      AUDIT_AGENCY,
      query(
        'asOf',
        `The day to judge on (default today at the viewed agency's UTC offset). ${AS_OF_RANGE}`,
        defs('date'),
      ),
      ...AUDIT_PAGING,
    ],
    responses: auditResponses('A page of overdue applications.', 'response.audit-overdue-applications'),
  },
];

/** The recording list (音像记录事项清单: public, the admin publishes versions) and the recording devices (执法记录仪). */
const pathId = (name: string, description: string): Json => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: defs('id'),
});
const RECORDING_OPERATIONS: readonly Operation[] = [
  {
    method: 'GET',
    path: '/v1/agencies/{agency}/recording-list',
    operationId: 'getRecordingList',
    summary:
      "An agency's list of acts recorded on audio or video, as published: entries, the floors every list keeps, the " +
      'default duties while none is published, and its versions (anyone)',
    tag: 'public',
    auth: false,
    parameters: [pathId('agency', 'The agency.'), PARAMETERS.consistentWith],
    responses: {
      '200': { description: 'The list.', headers: PUBLIC_HEADERS, content: json('response.recording-list') },
      ...problems(400, 429, 503),
    },
  },
  {
    method: 'PUT',
    path: '/v1/agencies/{agency}/recording-list',
    operationId: 'publishRecordingList',
    summary:
      "Publish a new version of the agency's recording list (admin); recorded as a signed event. Cases opened from " +
      'then on get its duties; a list without seizure and forced demolition on audio or video for every item is 422',
    tag: 'registry',
    parameters: [pathId('agency', "The admin's agency."), PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
    requestBody: jsonBody('command.publish-recording-list'),
    responses: { ...written('The list', 'response.recording-write'), ...problems(...WRITE_PROBLEMS) },
  },
  {
    method: 'POST',
    path: '/v1/devices',
    operationId: 'registerDevice',
    summary: 'Register a recording device held by an officer of the agency (admin); recorded as a signed event',
    tag: 'registry',
    parameters: [PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
    requestBody: jsonBody('command.register-device'),
    responses: { ...written('The device', 'response.recording-write'), ...problems(...WRITE_PROBLEMS) },
  },
  {
    method: 'POST',
    path: '/v1/devices/{deviceId}/changes',
    operationId: 'changeDevice',
    summary: 'Hand a device to another officer, or report it lost, found (active) or retired (admin)',
    tag: 'registry',
    parameters: [pathId('deviceId', 'The device.'), PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
    requestBody: jsonBody('command.change-device'),
    responses: {
      ...written('The change', 'response.recording-write'),
      ...problems(400, 401, 403, 404, 409, 413, 415, 422),
    },
  },
  {
    method: 'GET',
    path: '/v1/audit/devices',
    operationId: 'listDevices',
    summary:
      'The recording devices of the supervised agencies, with their holders and how many recordings name each (supervisor)',
    tag: 'audit',
    parameters: [
      AUDIT_AGENCY,
      query('status', 'Only devices in this status.', { enum: ['active', 'lost', 'retired'] }),
      ...AUDIT_PAGING,
    ],
    responses: auditResponses('A page of devices.', 'response.audit-devices'),
  },
  {
    method: 'GET',
    path: '/v1/audit/device-recordings',
    operationId: 'listDeviceRecordings',
    summary: 'The recordings that name the device that made them, latest first (supervisor)',
    tag: 'audit',
    parameters: [AUDIT_AGENCY, query('deviceId', 'Only recordings of this device.', defs('id')), ...AUDIT_PAGING],
    responses: auditResponses('A page of recordings (as CSV, a row per medium).', 'response.audit-device-recordings'),
  },
];

/** Discretion benchmarks (裁量基准) and case-file evaluations (案卷评查). */
const DISCRETION_OPERATIONS: readonly Operation[] = [
  {
    method: 'POST',
    path: '/v1/benchmarks',
    operationId: 'setBenchmark',
    summary:
      "Set a version of an enforcement item's discretion benchmark: each circumstance's fine range in fen (admin); a change says why",
    tag: 'registry',
    parameters: [PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
    requestBody: jsonBody('command.set-benchmark'),
    responses: {
      ...written('The version of the benchmark', 'response.benchmark-written'),
      ...problems(400, 401, 403, 404, 409, 413, 415, 422),
    },
  },
  {
    method: 'GET',
    path: '/v1/benchmarks',
    operationId: 'listBenchmarks',
    summary: 'The discretion benchmarks in force, their current versions (anyone)',
    tag: 'public',
    auth: false,
    parameters: [query('agency', 'Only benchmarks of this agency.', defs('id')), ...PUBLIC_PAGING],
    responses: {
      '200': {
        description: 'A page of benchmarks.',
        headers: PUBLIC_HEADERS,
        content: json('response.benchmark-list'),
      },
      '304': NOT_MODIFIED,
      ...problems(400, 429, 503),
    },
  },
  {
    method: 'GET',
    path: '/v1/benchmarks/{agency}/{itemCode}',
    operationId: 'getBenchmarkHistory',
    summary: "An item's discretion benchmark in force and every version of it (anyone)",
    tag: 'public',
    auth: false,
    parameters: [
      { name: 'agency', in: 'path', required: true, description: 'The agency.', schema: defs('id') },
      { name: 'itemCode', in: 'path', required: true, description: 'The enforcement item.', schema: defs('id') },
      PARAMETERS.consistentWith,
    ],
    responses: {
      '200': {
        description: 'The benchmark and its versions, oldest first.',
        headers: PUBLIC_HEADERS,
        content: json('response.benchmark-history'),
      },
      '304': NOT_MODIFIED,
      ...problems(400, 404, 429, 503),
    },
  },
  {
    method: 'GET',
    path: '/v1/fine-distribution',
    operationId: 'getFineDistribution',
    summary:
      "The fines of past decisions of the same item and circumstance: count, least, median, greatest and bins (the agency's staff)",
    tag: 'cases',
    parameters: [
      query('itemCode', 'The enforcement item (required).', defs('id')),
      query('circumstance', 'The circumstance (required).', defs('circumstance')),
      AUDIT_AGENCY,
      PARAMETERS.consistentWith,
    ],
    responses: {
      '200': { description: 'The distribution.', content: json('response.fine-distribution') },
      ...problems(400, 401, 403, 503),
    },
  },
  {
    method: 'GET',
    path: '/v1/audit/discretion-deviations',
    operationId: 'listDiscretionDeviations',
    summary:
      'Cases whose latest proposed fine or whose decided fine lies outside its discretion benchmark; the written reason is sealed personal data, read in the case file (supervisor)',
    tag: 'audit',
    parameters: [AUDIT_AGENCY, ...AUDIT_PAGING, FORMAT],
    responses: auditResponses('A page of cases, latest activity first.', 'response.audit-discretion-deviations'),
  },
  {
    method: 'POST',
    path: '/v1/cases/{caseId}/evaluations',
    operationId: 'evaluateCaseFile',
    summary:
      "Score a closed case file of the supervisor's agency, or of an agency the supervisor supervises, against the review checklist (supervisor); a second evaluation amends the first, says why and changes a score or a comment (409 version_unchanged otherwise)",
    tag: 'cases',
    parameters: [PARAMETERS.caseId, PARAMETERS.caseAgency, PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
    requestBody: jsonBody('command.evaluate-case-file'),
    responses: {
      ...written('The evaluation', 'response.evaluation-written'),
      ...problems(400, 401, 403, 404, 409, 413, 415, 422),
    },
  },
  {
    method: 'GET',
    path: '/v1/cases/{caseId}/evaluations',
    operationId: 'listCaseEvaluations',
    summary:
      "Each supervisor's evaluation of a case file, as amended (supervisor); the read is recorded (read_evaluations), and a case the supervisor may not read is 404 like any other read of it",
    tag: 'cases',
    parameters: [PARAMETERS.caseId, PARAMETERS.caseAgency, PARAMETERS.purpose, PARAMETERS.consistentWith],
    responses: {
      '200': { description: 'The evaluations.', content: json('response.case-evaluations') },
      ...problems(400, 401, 403, 404, 409, 503),
    },
  },
  {
    method: 'GET',
    path: '/v1/audit/evaluation-weak-points',
    operationId: 'getEvaluationWeakPoints',
    summary:
      'The case-file evaluations of the cases closed in a year, by checklist rule, enforcement item and officer, weakest first (supervisor)',
    tag: 'audit',
    parameters: [
      query('year', 'The year the cases were closed in (required), 1949 to 9998.', {
        type: 'string',
        pattern: '^[0-9]{4}$',
      }),
      AUDIT_AGENCY,
      PARAMETERS.consistentWith,
    ],
    responses: {
      '200': {
        description:
          'The weak points. As CSV, one row per rule, item and officer, a first column `list` saying which (byRule, byItem, byOfficer), the rule in column `rule`.',
        content: { ...json('response.audit-evaluation-weak-points'), ...CSV },
      },
      ...problems(400, 401, 403, 406, 503),
    },
  },
];

/** What the operations of the other files (`openapi-*.ts`) are built from. */
const OPERATION_PARTS: OperationParts = {
  ref,
  defs,
  json,
  problems,
  written,
  jsonBody,
  query,
  parameters: { ...PARAMETERS },
  publicPaging: PUBLIC_PAGING,
  publicHeaders: PUBLIC_HEADERS,
};

const OPERATIONS: readonly Operation[] = [
  {
    method: 'GET',
    path: '/healthz',
    operationId: 'getHealth',
    summary: 'Liveness: the process answers',
    tag: 'operations',
    auth: false,
    responses: { '200': { description: 'Alive.', content: json('response.health') } },
  },
  {
    method: 'GET',
    path: '/readyz',
    operationId: 'getReadiness',
    summary: 'Readiness: the stores answer',
    tag: 'operations',
    auth: false,
    responses: { '200': { description: 'Ready.', content: json('response.ready') }, ...problems(503) },
  },
  {
    method: 'GET',
    path: '/openapi.json',
    operationId: 'getOpenApi',
    summary: 'This document',
    tag: 'operations',
    auth: false,
    responses: {
      '200': { description: 'OpenAPI 3.1.', content: { 'application/json': { schema: { type: 'object' } } } },
    },
  },
  {
    method: 'GET',
    path: '/metrics',
    operationId: 'getMetrics',
    summary: 'Prometheus metrics, text exposition format 0.0.4',
    tag: 'operations',
    auth: false,
    responses: {
      '200': { description: 'The metrics.', content: { 'text/plain': { schema: { type: 'string' } } } },
      '401': problemResponse(
        'METRICS_TOKEN is set and the request does not carry it as `Authorization: Bearer <token>` (unauthenticated); without METRICS_TOKEN anyone may read the metrics.',
      ),
    },
  },
  {
    method: 'POST',
    path: '/v1/officers',
    operationId: 'registerOfficer',
    summary: 'Register an officer and their enforcement certificate (admin)',
    tag: 'registry',
    parameters: [PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
    requestBody: jsonBody('command.register-officer'),
    responses: {
      ...written('The officer', 'response.write-result'),
      // 409 certificate_taken among the others; 503 when the read models, which the certificate number is checked
      // against, do not reach the log's head within the read wait
      ...problems(...WRITE_PROBLEMS, 503),
    },
  },
  {
    method: 'POST',
    path: '/v1/items',
    operationId: 'registerItem',
    summary: 'Put an enforcement item on the list of an agency (admin)',
    tag: 'registry',
    parameters: [PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
    requestBody: jsonBody('command.register-item'),
    responses: { ...written('The item', 'response.write-result'), ...problems(...WRITE_PROBLEMS) },
  },
  {
    method: 'POST',
    path: '/v1/tokens/revocations',
    operationId: 'revokeTokens',
    summary:
      "Revoke a bearer token of the admin's agency by its jti, or all of a subject's issued before a time (admin); " +
      'recorded as a signed event, refused (401) from then on',
    tag: 'tokens',
    parameters: [PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
    requestBody: jsonBody('command.revoke-tokens'),
    responses: { ...written('The revocation', 'response.token-revocation'), ...problems(400, 401, 403, 413, 415, 422) },
  },
  ...WEBHOOK_OPERATIONS,
  ...DISCRETION_OPERATIONS,
  ...publishedOperations(OPERATION_PARTS),
  ...inspectionOperations(OPERATION_PARTS),
  ...agencyOperations(OPERATION_PARTS),
  ...reviewOperations(OPERATION_PARTS),
  ...templateOperations(OPERATION_PARTS),
  ...RECORDING_OPERATIONS,
  {
    method: 'GET',
    path: '/v1/calendar',
    operationId: 'getCalendar',
    summary: "The years the working-day calendar covers, and whether each year's schedule was shipped or recorded",
    tag: 'calendar',
    auth: false,
    parameters: [CALENDAR_REREAD],
    responses: {
      '200': { description: 'The covered years.', headers: PUBLIC_HEADERS, content: json('response.calendar') },
      ...problems(400, 429),
    },
  },
  {
    method: 'GET',
    path: '/v1/calendar/{year}',
    operationId: 'getCalendarYear',
    summary: "A year's official holidays and make-up working days in use, and where they come from",
    tag: 'calendar',
    auth: false,
    parameters: [PARAMETERS.year, CALENDAR_REREAD],
    responses: {
      '200': { description: "The year's schedule.", headers: PUBLIC_HEADERS, content: json('response.calendar-year') },
      ...problems(400, 404, 429),
    },
  },
  {
    method: 'PUT',
    path: '/v1/calendar/{year}',
    operationId: 'recordCalendarYear',
    summary:
      "Record a year's official holidays and make-up working days from the State Council's notice (an admin of " +
      'the agency that keeps the calendar, CALENDAR_AGENCY; anyone else: 403 calendar_not_yours); recorded as a ' +
      'signed event, deadlines use it from then on',
    tag: 'calendar',
    parameters: [PARAMETERS.year, PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
    requestBody: jsonBody('command.record-calendar-year'),
    responses: {
      ...written('The recorded year', 'response.calendar-recorded'),
      ...problems(400, 401, 403, 409, 413, 415, 422),
    },
  },
  {
    method: 'GET',
    path: '/v1/officers',
    operationId: 'listOfficers',
    summary: 'The public officer list: name, certificate, agency, categories, validity and status (anyone)',
    tag: 'public',
    auth: false,
    parameters: [
      query('agency', 'Only officers of this agency.', defs('id')),
      query('status', 'Only officers in this status.', { enum: ['active', 'suspended', 'retired'] }),
      ...PUBLIC_PAGING,
    ],
    responses: {
      '200': {
        description: 'A page of the officer list.',
        headers: PUBLIC_HEADERS,
        content: json('response.officer-list'),
      },
      ...problems(400, 429, 503),
    },
  },
  {
    method: 'GET',
    path: '/v1/items',
    operationId: 'listItems',
    summary: 'The public enforcement-item list (anyone)',
    tag: 'public',
    auth: false,
    parameters: [
      query('agency', 'Only items of this agency.', defs('id')),
      query('category', 'Only items of this category.', defs('itemCategory')),
      query('retired', 'Only retired (true) or current (false) items.', { enum: ['true', 'false'] }),
      ...PUBLIC_PAGING,
    ],
    responses: {
      '200': { description: 'A page of the item list.', headers: PUBLIC_HEADERS, content: json('response.item-list') },
      ...problems(400, 429, 503),
    },
  },
  {
    method: 'GET',
    path: '/v1/disclosures',
    operationId: 'listDisclosures',
    summary: 'Published enforcement decisions, newest first, and withdrawal notices, redacted (anyone)',
    tag: 'public',
    auth: false,
    parameters: [...DISCLOSURE_FILTERS, ...PUBLIC_PAGING],
    responses: {
      '200': {
        description: 'A page of published decisions and of withdrawal notices.',
        headers: PUBLIC_HEADERS,
        content: json('response.disclosure-list'),
      },
      ...problems(400, 429, 503),
    },
  },
  {
    method: 'GET',
    path: '/v1/disclosures/feed.atom',
    operationId: 'getDisclosureFeed',
    summary: 'The same as an Atom 1.0 feed, newest change first; withdrawals as RFC 6721 tombstones (anyone)',
    tag: 'public',
    auth: false,
    parameters: [...DISCLOSURE_FILTERS, ...PUBLIC_PAGING],
    responses: {
      '200': {
        description:
          'An Atom feed (RFC 4287): an entry per published decision (an update keeps its id), an `at:deleted-entry` per withdrawn one; `link rel="next"` pages on (RFC 5005).',
        headers: PUBLIC_HEADERS,
        content: { 'application/atom+xml': { schema: { type: 'string' } } },
      },
      ...problems(400, 429, 503),
    },
  },
  {
    method: 'POST',
    path: '/v1/cases',
    operationId: 'openCase',
    summary: 'Open a case (officer)',
    tag: 'cases',
    parameters: [PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
    requestBody: jsonBody('command.open-case'),
    responses: { ...written('The case', 'response.write-result', CASE_WRITTEN), ...problems(...WRITE_PROBLEMS) },
  },
  {
    method: 'POST',
    path: '/v1/cases/{caseId}/acts',
    operationId: 'recordAct',
    summary: 'Record an act on a case (officer, reviewer, admin)',
    tag: 'cases',
    parameters: [PARAMETERS.caseId, PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
    requestBody: jsonBody('command.record-act'),
    responses: { ...written('The act', 'response.write-result', CASE_WRITTEN), ...problems(...ACT_PROBLEMS) },
  },
  {
    method: 'POST',
    path: '/v1/cases/{caseId}/acts:batch',
    operationId: 'recordActs',
    summary: 'Record several acts on a case, all or none (officer, reviewer, admin)',
    tag: 'cases',
    parameters: [PARAMETERS.caseId, PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
    requestBody: jsonBody('command.record-acts-batch'),
    responses: { ...written('The acts', 'response.batch-result'), ...problems(...ACT_PROBLEMS) },
  },
  {
    method: 'GET',
    path: '/v1/cases/{caseId}',
    operationId: 'getCaseFile',
    summary: 'The case file; the read is recorded',
    tag: 'cases',
    parameters: [
      PARAMETERS.caseId,
      PARAMETERS.caseAgency,
      PARAMETERS.purpose,
      PARAMETERS.consistentWith,
      PARAMETERS.ifNoneMatch,
    ],
    responses: {
      '200': {
        description: 'The case file.',
        headers: READ_ETAG("the case stream's revision"),
        content: json('response.case-file'),
      },
      '304': READ_NOT_MODIFIED,
      ...problems(400, 401, 404, 409, 503),
    },
  },
  {
    method: 'GET',
    path: '/v1/cases',
    operationId: 'listCases',
    summary: "The cases of the caller's agency (and those a supervisor supervises), newest first",
    tag: 'cases',
    parameters: [
      query('agency', 'Only this agency (one the caller may read).', defs('id')),
      query('status', 'Only cases in this status.', defs('caseStatus')),
      query('itemCode', 'Only cases of this enforcement item.', defs('id')),
      query('from', 'Opened on or after this date.', defs('date')),
      query('to', 'Opened on or before this date.', defs('date')),
      PARAMETERS.limit,
      PARAMETERS.cursor,
      PARAMETERS.consistentWith,
    ],
    responses: {
      '200': { description: 'A page of case summaries.', content: json('response.case-list') },
      ...problems(400, 401, 403, 503),
    },
  },
  {
    method: 'GET',
    path: '/v1/cases/{caseId}/events',
    operationId: 'listCaseEvents',
    summary: 'A page of the signed events of a case, each verified as read back; the read is recorded',
    tag: 'cases',
    parameters: [
      PARAMETERS.caseId,
      PARAMETERS.caseAgency,
      {
        ...PARAMETERS.limit,
        description: 'Most events per page (1–1000, default 100).',
        schema: { type: 'integer', minimum: 1, maximum: 1000 },
      },
      { ...PARAMETERS.cursor, description: 'The `next` cursor of the previous page (the first page without one).' },
      FROM_THE_LOG,
      PARAMETERS.purpose,
      PARAMETERS.ifNoneMatch,
    ],
    responses: {
      '200': {
        description: 'A page of events, in stream order; `next` when more follow.',
        headers: READ_ETAG("the revision of the page's last event (none on an empty page)"),
        content: json('response.case-events'),
      },
      '304': READ_NOT_MODIFIED,
      ...problems(400, 401, 404, 409),
    },
  },
  {
    method: 'POST',
    path: '/v1/cases/{caseId}/erasure',
    operationId: 'eraseCase',
    summary:
      "Erase the case's personal data (admin): a signed CaseDataErased event naming the legal ground, then the case's data key is destroyed (docs/privacy.md)",
    tag: 'cases',
    parameters: [PARAMETERS.caseId, PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
    requestBody: jsonBody('command.erase-case'),
    responses: {
      ...written('The erasure', 'response.write-result'),
      ...problems(400, 401, 403, 404, 409, 413, 415, 503),
    },
  },
  {
    method: 'GET',
    path: '/v1/cases/{caseId}/openings',
    operationId: 'getFieldOpening',
    summary:
      'The opening (salt and value) of one sealed personal field, for a party or a court; the read is recorded (read_opening)',
    tag: 'cases',
    parameters: [
      PARAMETERS.caseId,
      PARAMETERS.caseAgency,
      query('eventId', 'The event holding the sealed field.', defs('uuid')),
      query('path', "The field's JSON Pointer in the event's data, e.g. /parties/0/name.", { type: 'string' }),
      FROM_THE_LOG,
      PARAMETERS.purpose,
    ],
    responses: {
      '200': { description: 'The opening, with the commitment it matches.', content: json('response.field-opening') },
      ...problems(400, 401, 404, 409),
    },
  },
  {
    method: 'GET',
    path: '/v1/cases/{caseId}/similar',
    operationId: 'listSimilarCases',
    summary:
      'Decided cases most like this one, from the agencies the caller may read, closest first; the read is recorded',
    tag: 'cases',
    parameters: [
      PARAMETERS.caseId,
      PARAMETERS.caseAgency,
      {
        ...PARAMETERS.limit,
        description: 'Most cases (1–20, default 5).',
        schema: { type: 'integer', minimum: 1, maximum: 20 },
      },
      PARAMETERS.purpose,
      PARAMETERS.consistentWith,
    ],
    responses: {
      '200': { description: 'The similar cases, closest first.', content: json('response.similar-cases') },
      ...problems(400, 401, 404, 409, 503),
    },
  },
  {
    method: 'GET',
    path: '/v1/cases/{caseId}/bundle',
    operationId: 'getCaseBundle',
    summary:
      'The evidence bundle of the case (docs/integrity.md §13): one tar, streamed; the read is recorded first, as read_bundle',
    tag: 'cases',
    parameters: [
      PARAMETERS.caseId,
      PARAMETERS.caseAgency,
      query(
        'trustedSize',
        'The size of a checkpoint the caller holds: the bundle then carries consistency.json, the proof from it to the bundle checkpoint.',
        { type: 'integer', minimum: 1 },
      ),
      FROM_THE_LOG,
      PARAMETERS.purpose,
    ],
    responses: {
      '200': {
        description: 'The bundle (POSIX ustar).',
        headers: {
          'Content-Disposition': text('attachment; filename="case-<caseId>.tar"'),
          'Content-Length': text('The size of the bundle in bytes, known before it is streamed.'),
        },
        content: { 'application/x-tar': {} },
      },
      ...problems(400, 401, 404, 409, 503),
    },
  },
  {
    method: 'POST',
    path: '/v1/media',
    operationId: 'uploadMedium',
    summary: 'Upload a medium, the raw body streamed (officer)',
    tag: 'media',
    parameters: [PARAMETERS.contentSha256],
    requestBody: {
      required: true,
      description:
        'The bytes, stored as sent: their Content-Type is stored with them, and a Content-Encoding other than identity is 415 unsupported_media_type, unread (a medium is never decoded). A medium declared audio/* or video/* must start as an audio or video file of a known format (422 media_type_mismatch otherwise).',
      content: BYTES,
    },
    responses: {
      '201': {
        description:
          "Stored, and now held by the caller's agency (whether or not another agency stored the same bytes).",
        headers: MEDIUM_HEADERS,
        content: json('response.media-info'),
      },
      '200': {
        description: "The caller's agency held these bytes already.",
        headers: MEDIUM_HEADERS,
        content: json('response.media-info'),
      },
      ...problems(400, 401, 403, 413, 415, 422),
    },
  },
  {
    method: 'GET',
    path: '/v1/media/{sha256}',
    operationId: 'getMedium',
    summary:
      'The bytes of a medium held by the agency of a case the caller may read, or a range of them; the read is recorded',
    tag: 'media',
    parameters: [PARAMETERS.sha256, ...MEDIUM_READ.parameters],
    responses: { ...MEDIUM_READ.responses, ...problems(400, 401, 404, 416, 500, 503) },
  },
  {
    method: 'POST',
    path: '/v1/cases/{caseId}/drafts',
    operationId: 'draftDecision',
    summary:
      "Draft the decision document of a case from its case file (a handling officer): PDF and DOCX, stored as the agency's media; no act",
    tag: 'cases',
    parameters: [PARAMETERS.caseId, PARAMETERS.consistentWith, PARAMETERS.idempotencyKey],
    requestBody: jsonBody('command.draft-decision'),
    responses: {
      '201': {
        description:
          'Drafted: `documentSha256` is the PDF, which `DecisionIssued` names (with the file among its media) once issued.',
        headers: { Location: text('Where the PDF is read.') },
        content: json('response.decision-draft'),
      },
      '200': {
        description:
          "A retry under the same Idempotency-Key (the same decision proposed, with the same facts and reasons): the draft the first request made; the key with another decision, or other facts or reasons, is 422 idempotency_key_reused (503 data_key_unavailable when the first draft's facts and reasons cannot be opened here to compare).",
        headers: { Location: text('Where the PDF is read.') },
        content: json('response.decision-draft'),
      },
      ...problems(400, 401, 403, 404, 409, 413, 415, 422, 503),
    },
  },
  {
    method: 'GET',
    path: '/v1/cases/{caseId}/drafts/{draftId}/{format}',
    operationId: 'getDraftFile',
    summary: "A draft's PDF or DOCX, to whoever may read the case; the read is recorded",
    tag: 'cases',
    parameters: [
      PARAMETERS.caseId,
      { name: 'draftId', in: 'path', required: true, description: 'The draft.', schema: defs('id') },
      {
        name: 'format',
        in: 'path',
        required: true,
        description: 'Which file.',
        schema: { type: 'string', enum: ['pdf', 'docx'] },
      },
      PARAMETERS.purpose,
    ],
    responses: {
      '200': { description: 'The file.', headers: { ETag: text('Its SHA-256, quoted.') }, content: BYTES },
      ...problems(401, 404, 409, 500),
    },
  },
  {
    method: 'GET',
    path: '/v1/audit/live',
    operationId: 'streamAuditEvents',
    summary: 'New events of the agencies a supervisor oversees, as Server-Sent Events, without their data',
    tag: 'audit',
    parameters: [PARAMETERS.after, PARAMETERS.lastEventId],
    responses: {
      '200': {
        description:
          'A stream of unnamed messages (`EventSource.onmessage` receives them) whose `id` is the global position; `data` is a `response.live-event`.',
        content: { 'text/event-stream': { schema: { type: 'string' } } },
      },
      ...problems(400, 401, 403),
    },
  },
  {
    method: 'GET',
    path: '/v1/events',
    operationId: 'pullEvents',
    summary:
      'The signed events of the agencies the caller may read, in log order, a page at a time (integration, supervisor or admin)',
    tag: 'feeds',
    parameters: [
      {
        ...PARAMETERS.after,
        description:
          'The position processed last (exclusive start; default 0, the start of the log): the `next` of the previous page; one beyond the head of the log is 400 invalid_query.',
      },
      query(
        'types',
        'Only events of these types: a comma-separated list of at most 32 distinct known event types (400 invalid_query otherwise).',
        { type: 'string', pattern: '^[A-Za-z]+(,[A-Za-z]+){0,31}$' },
      ),
      {
        ...PARAMETERS.limit,
        description: 'Most events per page (1–500, default 100).',
        schema: { type: 'integer', minimum: 1, maximum: 500 },
      },
      header('If-None-Match', 'The ETag of the same request answered before: 304 while nothing new arrived.', {
        type: 'string',
      }),
    ],
    responses: {
      '200': {
        description:
          'A page of events; `Link: <…>; rel="next"` names the request for the page after it (also when the page is empty: where to poll again).',
        headers: {
          ETag: { description: 'Changes when the page would hold other events.', schema: { type: 'string' } },
          Link: { description: 'The next page, rel="next".', schema: { type: 'string' } },
        },
        content: json('response.event-feed'),
      },
      '304': { description: 'Nothing new since the page whose ETag was sent in If-None-Match.' },
      ...problems(400, 401, 403),
    },
  },
  {
    method: 'GET',
    path: '/v1/audit/overdue-disclosures',
    operationId: 'listOverdueDisclosures',
    summary: 'Decisions not published by asOf although due, and decisions published late (supervisor)',
    tag: 'audit',
    parameters: [
      AUDIT_AGENCY,
      query(
        'asOf',
        `The day to judge on (default today at the viewed agency's UTC offset). ${AS_OF_RANGE}`,
        defs('date'),
      ),
      query(
        'status',
        'Only the rows of this status: overdue (due and still not published by asOf), disclosed_late (published after its last day), recorded_late (stated on time, recorded after it). Default: every row.',
        { enum: ['overdue', 'disclosed_late', 'recorded_late'] },
      ),
      ...AUDIT_PAGING,
      FORMAT,
    ],
    responses: auditResponses(
      'A page of overdue and late publications, earliest due first.',
      'response.audit-overdue-disclosures',
    ),
  },
  {
    method: 'GET',
    path: '/v1/audit/overdue-reviews',
    operationId: 'listOverdueReviews',
    summary: 'Legal reviews not completed by their time limit by asOf, and reviews completed late (supervisor)',
    tag: 'audit',
    parameters: [
      AUDIT_AGENCY,
      query(
        'asOf',
        `The day to judge on (default today at the viewed agency's UTC offset). ${AS_OF_RANGE}`,
        defs('date'),
      ),
      query(
        'status',
        'Only the rows of this status: overdue (requested and still not completed by asOf), completed_late, recorded_late (stated on time, recorded after it). Default: every row.',
        { enum: ['overdue', 'completed_late', 'recorded_late'] },
      ),
      ...AUDIT_PAGING,
      FORMAT,
    ],
    responses: auditResponses(
      'A page of overdue and late reviews, earliest due first.',
      'response.audit-overdue-reviews',
    ),
  },
  {
    method: 'GET',
    path: '/v1/audit/erasures',
    operationId: 'listErasures',
    summary: "Erasures of cases' personal data: case, when, by whom, legal ground (supervisor or admin)",
    tag: 'audit',
    parameters: [AUDIT_AGENCY, ...AUDIT_PAGING, FORMAT],
    responses: auditResponses('A page of erasures, latest first.', 'response.audit-erasures'),
  },
  {
    method: 'GET',
    path: '/v1/audit/due-for-erasure',
    operationId: 'listDueForErasure',
    summary:
      'Closed cases and refused applications whose retention period (保管期限) has run out by asOf and whose personal data is not erased (supervisor)',
    tag: 'audit',
    parameters: [
      AUDIT_AGENCY,
      query(
        'asOf',
        `The day to judge on (default today at the viewed agency's UTC offset). ${AS_OF_RANGE}`,
        defs('date'),
      ),
      ...AUDIT_PAGING,
      FORMAT,
    ],
    responses: auditResponses(
      'A page of files due for erasure (kind case or application), longest past their retention first.',
      'response.audit-due-for-erasure',
    ),
  },
  {
    method: 'GET',
    path: '/v1/audit/overdue-inspections',
    operationId: 'listOverdueInspections',
    summary:
      "Drawn inspection targets whose outcome is overdue by asOf: the plan's period over and no outcome recorded (supervisor)",
    tag: 'audit',
    parameters: [
      AUDIT_AGENCY,
      query(
        'asOf',
        `The day to judge on (default today at the viewed agency's UTC offset). ${AS_OF_RANGE}`,
        defs('date'),
      ),
      ...AUDIT_PAGING,
      FORMAT,
    ],
    responses: auditResponses(
      'A page of drawn plans with their overdue targets, earliest plan first.',
      'response.audit-overdue-inspections',
    ),
  },
  {
    method: 'GET',
    path: '/v1/audit/missing-recordings',
    operationId: 'listMissingRecordings',
    summary:
      'Cases whose acts lack the recording their duties (the recording list and its floors) require (supervisor)',
    tag: 'audit',
    parameters: [AUDIT_AGENCY, ...AUDIT_PAGING, FORMAT],
    responses: auditResponses(
      'A page of cases with the acts lacking a recording.',
      'response.audit-missing-recordings',
    ),
  },
  {
    method: 'GET',
    path: '/v1/audit/major-decisions',
    operationId: 'listMajorDecisions',
    summary: 'Major decisions beside their legal reviews, and whether an approved review matched (supervisor)',
    tag: 'audit',
    parameters: [
      AUDIT_AGENCY,
      query('matched', 'Only decisions that an approved review matched (true) or not (false).', {
        enum: ['true', 'false'],
      }),
      ...AUDIT_PAGING,
      FORMAT,
    ],
    responses: auditResponses('A page of major decisions, newest first.', 'response.audit-major-decisions'),
  },
  {
    method: 'GET',
    path: '/v1/audit/access',
    operationId: 'listCaseAccess',
    summary:
      "Who read a case, or what a reader read, among the supervisor's agencies' cases; newest first (supervisor)",
    tag: 'audit',
    parameters: [
      AUDIT_AGENCY,
      query('caseId', 'The retrievals of this case (caseId or sub is required).', defs('id')),
      query('sub', 'The retrievals by this reader (caseId or sub is required).'),
      ...AUDIT_PAGING,
      FORMAT,
    ],
    responses: auditResponses('A page of the access log.', 'response.audit-access'),
  },
  {
    method: 'GET',
    path: '/v1/audit/denied-access',
    operationId: 'listDeniedAccess',
    summary:
      "Refused retrievals (answered 404) by readers of the supervisor's agencies, from the readers' own trails; newest first (supervisor)",
    tag: 'audit',
    parameters: [
      AUDIT_AGENCY,
      query('sub', 'The refusals of this reader.'),
      query('caseId', 'The refusals of reads of this case id.', defs('id')),
      ...AUDIT_PAGING,
      FORMAT,
    ],
    responses: auditResponses('A page of refused retrievals.', 'response.audit-denied-access'),
  },
  {
    method: 'GET',
    path: '/v1/audit/certificates',
    operationId: 'getCertificateAudit',
    summary: 'Acts outside certificate validity, and certificates expiring within 30 days or expired (supervisor)',
    tag: 'audit',
    parameters: [
      AUDIT_AGENCY,
      query(
        'asOf',
        `The day to judge on (default today at the viewed agency's UTC offset). ${AS_OF_RANGE}`,
        defs('date'),
      ),
      PARAMETERS.consistentWith,
      FORMAT,
    ],
    responses: auditResponses('The certificate findings.', 'response.audit-certificates'),
  },
  {
    method: 'GET',
    path: '/v1/audit/reviewer-ratio',
    operationId: 'getReviewerRatio',
    summary:
      'Legal reviewers against active enforcement staff (at least 5%), per agency, counting the certificates valid ' +
      'on the day (supervisor)',
    tag: 'audit',
    parameters: [
      AUDIT_AGENCY,
      query(
        'asOf',
        `The day to count on (default today at the viewed agency's UTC offset). ${AS_OF_RANGE}`,
        defs('date'),
      ),
      PARAMETERS.consistentWith,
      FORMAT,
    ],
    responses: auditResponses('One entry per agency.', 'response.audit-reviewer-ratio'),
  },
  {
    method: 'GET',
    path: '/v1/audit/warnings',
    operationId: 'getWarnings',
    summary:
      "What a supervisor should act on before it affects deadlines: from 1 December, next year's working-day " +
      'schedule missing (supervisor)',
    tag: 'audit',
    parameters: [CALENDAR_REREAD],
    responses: auditResponses('The warnings in force today.', 'response.audit-warnings'),
  },
  {
    method: 'GET',
    path: '/v1/audit/statistics',
    operationId: 'getYearlyStatistics',
    summary: "An agency's enforcement figures for a year, as JSON or CSV (supervisor)",
    tag: 'audit',
    parameters: [
      {
        ...query('year', 'The calendar year, 1949 to 9998.', { type: 'string', pattern: '^[0-9]{4}$' }),
        required: true,
      },
      query('agency', "The agency (default the supervisor's own; one it supervises).", defs('id')),
      query(
        'asOf',
        `The day the figures are taken on: only what was done by then counts, and publication is judged on it (default today at the viewed agency's UTC offset). ${AS_OF_RANGE}`,
        defs('date'),
      ),
      FORMAT,
      PARAMETERS.consistentWith,
    ],
    responses: {
      '200': {
        description:
          'The figures; as CSV, a header row `metric,value` and one row per figure (RFC 4180, UTF-8 with a BOM).',
        content: { ...json('response.audit-statistics'), ...CSV },
      },
      ...problems(400, 401, 403, 406, 503),
    },
  },
  {
    method: 'GET',
    path: '/v1/audit/quarantine',
    operationId: 'listQuarantinedEvents',
    summary:
      "Events of the supervisor's agencies that a projection could not apply, oldest first; its views do not reflect them (supervisor)",
    tag: 'audit',
    parameters: [
      AUDIT_AGENCY,
      query(
        'projection',
        'Only the events this projection quarantined: the name of a projection the service runs (another is 400 invalid_query).',
      ),
      ...AUDIT_PAGING,
      FORMAT,
    ],
    responses: auditResponses('A page of quarantined events.', 'response.audit-quarantine'),
  },
  {
    method: 'GET',
    path: '/v1/ledger/checkpoint',
    operationId: 'getCheckpoint',
    summary: 'The latest signed checkpoint of the Merkle log, covering every event committed before the request',
    tag: 'ledger',
    auth: false,
    responses: {
      '200': {
        description:
          'The checkpoint and its C2SP signed note; with `Accept: text/plain` (preferred over JSON), the bare signed note, as transparency-log tools read it.',
        headers: PUBLIC_HEADERS,
        content: { ...json('response.checkpoint'), 'text/plain': { schema: { type: 'string' } } },
      },
      ...problems(406, 429, 503),
    },
  },
  {
    method: 'GET',
    path: '/v1/ledger/checkpoint.txt',
    operationId: 'getCheckpointNote',
    summary: 'The latest signed checkpoint as the bare C2SP signed note (text/plain), whatever the Accept header',
    tag: 'ledger',
    auth: false,
    responses: {
      '200': {
        description: 'The signed note: the tlog-checkpoint body, a blank line, the signature line.',
        headers: PUBLIC_HEADERS,
        content: { 'text/plain': { schema: { type: 'string' } } },
      },
      ...problems(406, 429, 503),
    },
  },
  {
    method: 'GET',
    path: '/v1/ledger/checkpoints',
    operationId: 'listCheckpoints',
    summary: 'Every checkpoint issued, largest tree first',
    tag: 'ledger',
    auth: false,
    parameters: [...PUBLIC_PAGING],
    responses: {
      '200': {
        description: 'A page of checkpoints.',
        headers: PUBLIC_HEADERS,
        content: json('response.checkpoint-list'),
      },
      ...problems(400, 429, 503),
    },
  },
  {
    method: 'GET',
    path: '/v1/ledger/proof/inclusion',
    operationId: 'getInclusionProof',
    summary: "An event's inclusion proof (RFC 9162 §2.1.3) in the tree of a given size",
    tag: 'ledger',
    auth: false,
    parameters: [
      { ...query('eventId', 'The event.', defs('uuid')), required: true },
      query('treeSize', "The tree size to prove against, such as a checkpoint's (default: the whole tree).", {
        type: 'integer',
        minimum: 1,
      }),
      PARAMETERS.consistentWith,
    ],
    responses: {
      '200': { description: 'The proof.', headers: PUBLIC_HEADERS, content: json('response.inclusion-proof') },
      ...problems(400, 404, 429, 503),
    },
  },
  {
    method: 'GET',
    path: '/v1/ledger/proof/consistency',
    operationId: 'getConsistencyProof',
    summary: 'A consistency proof (RFC 9162 §2.1.4) between two tree sizes',
    tag: 'ledger',
    auth: false,
    parameters: [
      { ...query('from', 'The smaller tree size (at least 1).', { type: 'integer', minimum: 1 }), required: true },
      { ...query('to', 'The larger tree size.', { type: 'integer', minimum: 1 }), required: true },
      PARAMETERS.consistentWith,
    ],
    responses: {
      '200': { description: 'The proof.', headers: PUBLIC_HEADERS, content: json('response.consistency-proof') },
      ...problems(400, 429, 503),
    },
  },
  {
    method: 'GET',
    path: '/v1/ledger/proof/head',
    operationId: 'getHeadProof',
    summary:
      "A stream's revision and head hash (or its absence) in the map of stream heads at a tree size, which " +
      "checkpoints commit to (docs/integrity.md §12.6). Public, except that an agency's streams " +
      "(`<category>-<agency>:<id>`) are shown only with a bearer token that may read the agency's cases: " +
      'without one they are 404 not_found, as if they did not exist; and a proof of absence, which shows the leaf ' +
      "standing where the stream's would, is given only when that leaf is a public stream's, else 404 not_found",
    tag: 'ledger',
    auth: false,
    parameters: [
      {
        ...query('stream', 'The stream name, such as `case-<agency>:<caseId>`.', {
          type: 'string',
          minLength: 1,
          maxLength: 512,
        }),
        required: true,
      },
      query('treeSize', "The tree size, such as a checkpoint's (default: the whole tree).", {
        type: 'integer',
        minimum: 0,
      }),
      PARAMETERS.consistentWith,
    ],
    responses: {
      '200': { description: 'The proof.', headers: PUBLIC_HEADERS, content: json('response.head-proof') },
      ...problems(400, 401, 404, 429, 503),
    },
  },
  {
    method: 'GET',
    path: '/v1/ledger/keys',
    operationId: 'listLedgerKeys',
    summary: 'The public keys that sign events and checkpoints, current and retired, with their key ids',
    tag: 'ledger',
    auth: false,
    responses: {
      '200': { description: 'The keys.', headers: PUBLIC_HEADERS, content: json('response.ledger-keys') },
      ...problems(429),
    },
  },
  {
    method: 'POST',
    path: '/v1/verify',
    operationId: 'verifyBundle',
    summary:
      "Verify an evidence bundle against this service's keys, the same checks and report as `ledger verify` (anyone)",
    tag: 'ledger',
    auth: false,
    requestBody: {
      required: true,
      description:
        'The bundle, as GET /v1/cases/{caseId}/bundle gave it; streamed, never stored, never decoded (a Content-Encoding other than identity is 415 unsupported_media_type).',
      content: { 'application/x-tar': {} },
    },
    responses: {
      '200': {
        description: 'The report: valid, or the first failure with its code.',
        headers: RATE_HEADERS,
        content: json('response.verify-report'),
      },
      ...problems(408, 413, 415, 429, 503),
    },
  },
  {
    method: 'GET',
    path: '/problems',
    operationId: 'listProblemTypes',
    summary: 'Every problem type (code) the service answers with: an HTML page, or JSON when preferred',
    tag: 'problems',
    auth: false,
    responses: {
      '200': {
        description: 'The problem types.',
        headers: PUBLIC_HEADERS,
        content: { 'text/html': { schema: { type: 'string' } }, ...json('response.problem-type-list') },
      },
      ...problems(406, 429),
    },
  },
  {
    method: 'GET',
    path: '/problems/{code}',
    operationId: 'getProblemType',
    summary: "The page a problem's `type` resolves to: its status, title and meaning; HTML, or JSON when preferred",
    tag: 'problems',
    auth: false,
    parameters: [
      {
        name: 'code',
        in: 'path',
        required: true,
        description: "The problem's code.",
        schema: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
      },
    ],
    responses: {
      '200': {
        description: 'The problem type.',
        headers: PUBLIC_HEADERS,
        content: { 'text/html': { schema: { type: 'string' } }, ...json('response.problem-type') },
      },
      ...problems(404, 406, 429),
    },
  },
  ...APPLICATION_OPERATIONS,
];

/** Every route the app serves, as method and OpenAPI path template. */
export const routeTable: readonly { readonly method: Method; readonly path: string }[] = OPERATIONS.map(
  ({ method, path }) => ({ method, path }),
);

/**
 * Every route with the media types of its successful answers and whether it is public: what the shared HTTP
 * semantics (405, 406, CORS, conditional GET; src/http/semantics.ts) are decided from.
 */
export const semanticsTable: readonly RouteSemantics[] = OPERATIONS.map((op) => ({
  method: op.method,
  path: op.path,
  produces: [
    ...new Set(
      Object.entries(op.responses)
        .filter(([status]) => status.startsWith('2'))
        .flatMap(([, response]) => Object.keys((response.content as Json | undefined) ?? {})),
    ),
  ],
  // the operations routes (health, metrics) are for the operator's tools, not for pages of other origins; the API's
  // description is for anyone's
  public: op.auth === false && (op.tag !== 'operations' || op.path === '/openapi.json'),
  query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name as string),
}));

/** Reads every `*.schema.json` under `schemaDir` and builds the document; a `$ref` that resolves nowhere throws. */
export function buildOpenApi(schemaDir: string): OpenApiDocument {
  const paths: Record<string, Record<string, Json>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op);
  const document: OpenApiDocument = {
    openapi: '3.1.0',
    jsonSchemaDialect: DIALECT,
    info: {
      title: 'Evidence ledger',
      version: '1',
      description:
        'Tamper-evident, event-sourced records of administrative law enforcement. Errors are RFC 9457 problems ' +
        '(application/problem+json) with a stable `code`; their `type` is `/problems/<code>`, a page of this service ' +
        'describing the code, and `instance` the path of the request. A known path asked with a method it does not ' +
        'take answers 405 method_not_allowed with Allow; OPTIONS answers 204 with Allow. Both hold on every path of ' +
        'this document, and are not repeated under each operation.',
    },
    tags: [
      { name: 'registry', description: 'Officers and enforcement items.' },
      { name: 'tokens', description: 'Revoking bearer tokens.' },
      {
        name: 'webhooks',
        description:
          "Signed deliveries of the agency's events to other systems (Standard Webhooks; docs/integration.md): each " +
          'signed envelope, or, for a `public` subscription, the public record of each disclosure act.',
      },
      {
        name: 'inspections',
        description:
          '"Double random, one public" (双随机、一公开): regulated subjects, conflicts of interest, plans, draws seeded by the Merkle root at a tree size fixed in advance (docs/inspections.md), outcomes.',
      },
      { name: 'calendar', description: 'The working-day calendar deadlines are counted on.' },
      { name: 'cases', description: 'Cases, their acts, case files and signed events.' },
      { name: 'media', description: 'Content-addressed media.' },
      { name: 'audit', description: 'Supervision.' },
      {
        name: 'feeds',
        description: 'The signed events of the agencies the caller may read, for other systems to pull.',
      },
      { name: 'public', description: 'What anyone may read without a token: disclosures, officer and item lists.' },
      {
        name: 'published',
        description:
          'Documents published before enforcement (事前公开), versioned per agency: the random-inspection list, flow charts, service guides and post information boards; written by the agency admin, read by anyone.',
      },
      { name: 'operations', description: 'Health, readiness, metrics and this document.' },
      { name: 'problems', description: "The pages problems' `type` URIs resolve to." },
    ],
    paths,
    components: {
      schemas: embedSchemas(schemaDir),
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
  assertRefsResolve(document, document);
  return document;
}

/** Every operation refuses a query parameter it does not take. */
const UNKNOWN_QUERY = problemResponse(
  'A query parameter this operation does not take, or a malformed one (invalid_query): `unknown` names it, `accepted` lists those it takes.',
);
/** Every operation with a path parameter answers 404 for a segment that is not valid percent-encoding. */
const UNNAMED_PATH = problemResponse(
  'No such resource (not_found): a path segment that is not valid percent-encoding names nothing.',
);

function operationObject(op: Operation): Json {
  const semantics = semanticsTable.find((r) => r.method === op.method && r.path === op.path)!;
  const negotiated = semantics.produces.length > 0 && !semantics.produces.includes('*/*');
  return {
    operationId: op.operationId,
    summary: op.summary,
    tags: [op.tag],
    security: op.auth === false ? [] : [{ bearerAuth: [] }],
    ...(op.parameters
      ? {
          // a write that takes If-Match takes If-None-Match: * too (`ifMatch`, src/http/request.ts)
          parameters: op.parameters.includes(PARAMETERS.ifMatch)
            ? [...op.parameters, PARAMETERS.ifNoneMatchWrite]
            : op.parameters,
        }
      : {}),
    ...(op.requestBody ? { requestBody: op.requestBody } : {}),
    responses: {
      ...op.responses,
      ...(semantics.public && op.method === 'GET' ? { '304': NOT_MODIFIED } : {}),
      ...(negotiated && !op.responses['406'] ? problems(406) : {}),
      // what every operation can answer, whether or not it lists it (src/http/semantics.ts, problem.ts)
      ...(op.responses['400'] ? {} : { '400': UNKNOWN_QUERY }),
      ...(op.path.includes('{') && !op.responses['404'] ? { '404': UNNAMED_PATH } : {}),
      default: problemResponse(
        'Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not ' +
          'take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), ' +
          '431 headers_too_large (the request line and headers), ' +
          '429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an ' +
          'unexpected failure.',
      ),
    },
  };
}

/** Each schema file under its component name, `$ref`s rewritten into the document. */
function embedSchemas(dir: string): Record<string, Json> {
  const schemas = schemaFiles(dir).map((file) => {
    const { $id, $schema: _dialect, ...schema } = JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
    if (typeof $id !== 'string') throw new Error(`${file}: no $id`);
    return { id: $id, name: componentName($id), schema };
  });
  const names = new Map(schemas.map(({ id, name }) => [id, name]));
  const embedded: Record<string, Json> = {};
  for (const { name, schema } of schemas.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (embedded[name]) throw new Error(`two schemas are named ${name}`);
    embedded[name] = rewriteSchema(schema, (value) => rewriteRef(value, name, names)) as Json;
  }
  return embedded;
}

/** Keywords whose values are data, not schemas, and members whose keys are names, not keywords. */
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);

function rewriteSchema(node: unknown, rewrite: (ref: string) => string): unknown {
  if (Array.isArray(node)) return node.map((item) => rewriteSchema(item, rewrite));
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$id') throw new Error('an $id inside a schema file is not supported');
    if (key === '$ref' && typeof value === 'string') out[key] = rewrite(value);
    else if (DATA_KEYWORDS.has(key)) out[key] = value;
    else if (SCHEMA_MAPS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteSchema(v, rewrite)]));
    } else out[key] = rewriteSchema(value, rewrite);
  }
  return out;
}

/** `urn:…:defs#/$defs/date` → `#/components/schemas/defs/$defs/date`; `#/$defs/x` stays within its own file. */
function rewriteRef(value: string, self: string, names: ReadonlyMap<string, string>): string {
  const hash = value.indexOf('#');
  const base = hash === -1 ? value : value.slice(0, hash);
  const fragment = hash === -1 ? '' : value.slice(hash + 1);
  const target = base === '' ? self : names.get(base);
  if (target === undefined) throw new Error(`${self}: $ref ${value} names no schema under the schema folder`);
  if (fragment !== '' && !fragment.startsWith('/')) throw new Error(`${self}: $ref ${value} is not a JSON pointer`);
  return `#/components/schemas/${target}${fragment}`;
}

function assertRefsResolve(node: unknown, document: Json): void {
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && resolvePointer(document, value) === undefined) {
      throw new Error(`$ref ${value} resolves to nothing in the OpenAPI document`);
    }
    assertRefsResolve(value, document);
  }
}

/** `#/a/b~1c` → document.a['b/c'] (RFC 6901 within a URI fragment); undefined when absent. */
function resolvePointer(document: unknown, ref: string): unknown {
  if (ref !== '#' && !ref.startsWith('#/')) return undefined;
  const tokens = ref === '#' ? [] : ref.slice(2).split('/');
  let node = document;
  for (const token of tokens) {
    const key = decodeURIComponent(token).replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
    if (node === undefined) return undefined;
  }
  return node;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function schemaFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return schemaFiles(full);
    return entry.name.endsWith('.schema.json') ? [full] : [];
  });
}
