import type { Json, Operation } from './openapi.js';

/** The pieces of the OpenAPI document the operations below are built from (`src/http/openapi.ts`). */
export interface OperationParts {
  readonly ref: (name: string) => Json;
  readonly defs: (def: string) => Json;
  readonly json: (schemaName: string) => Json;
  readonly problems: (...statuses: number[]) => Record<string, Json>;
  readonly written: (what: string, schemaName: string) => Record<string, Json>;
  readonly jsonBody: (schemaName: string) => Json;
  readonly query: (name: string, description: string, schema?: Json) => Json;
  readonly parameters: { readonly idempotencyKey: Json; readonly ifMatch: Json; readonly consistentWith: Json };
  readonly publicPaging: readonly Json[];
  readonly publicHeaders: Json;
}

/** One kind of document published before enforcement, as its routes are documented. */
interface KindDoc {
  /** The path segment after `/v1/agencies/{agency}/`. */
  readonly segment: string;
  /** PascalCase, for the operation ids. */
  readonly name: string;
  /** What one document is, in the summaries. */
  readonly what: string;
  readonly idDescription: string;
  readonly bodySchema: string;
}

const KINDS: readonly KindDoc[] = [
  {
    segment: 'inspection-list',
    name: 'InspectionEntry',
    what: 'an entry of the random-inspection list (随机抽查事项清单)',
    idDescription: 'The entry id, stable within its agency (inspection plans name it).',
    bodySchema: 'command.publish-inspection-entry',
  },
  {
    segment: 'flow-charts',
    name: 'FlowChart',
    what: "an enforcement item's flow chart (行政执法事项流程图)",
    idDescription: 'The enforcement item (its code): a current item of the agency.',
    bodySchema: 'command.publish-flow-chart',
  },
  {
    segment: 'review-charts',
    name: 'ReviewChart',
    what: "a flow chart of the agency's legal review of major decisions (重大执法决定法制审核流程图)",
    idDescription: 'The chart, by an id stable within its agency.',
    bodySchema: 'command.publish-review-chart',
  },
  {
    segment: 'service-guides',
    name: 'ServiceGuide',
    what: "a licensing item's service guide (行政执法服务指南)",
    idDescription: 'The licensing item (its code): a current item of the agency, of category licensing.',
    bodySchema: 'command.publish-service-guide',
  },
  {
    segment: 'post-boards',
    name: 'PostBoard',
    what: "a service window's post information board (岗位信息公示牌)",
    idDescription: 'The board, by an id stable within its agency.',
    bodySchema: 'command.publish-post-board',
  },
];

/**
 * The routes of the documents published before enforcement (事前公开, `src/http/published-api.ts`): per kind, a
 * version published and a document withdrawn by the agency's admin; the list, a document with its history and a
 * past version read by anyone.
 */
export function publishedOperations(p: OperationParts): Operation[] {
  const agency: Json = {
    name: 'agency',
    in: 'path',
    required: true,
    description: 'The publishing agency.',
    schema: p.defs('id'),
  };
  const version: Json = {
    name: 'version',
    in: 'path',
    required: true,
    description: 'A version number, from 1.',
    schema: { type: 'string', pattern: '^[1-9][0-9]{0,14}$' },
  };
  const publicAnswer = (description: string, schema: string) => ({
    '200': { description, headers: p.publicHeaders, content: p.json(schema) },
  });
  return KINDS.flatMap((k): Operation[] => {
    const id: Json = { name: 'id', in: 'path', required: true, description: k.idDescription, schema: p.defs('id') };
    const base = `/v1/agencies/{agency}/${k.segment}`;
    return [
      {
        method: 'PUT',
        path: `${base}/{id}`,
        operationId: `publish${k.name}`,
        summary: `Publish a new version of ${k.what}: the whole document, with a note on what changed (admin of the agency)`,
        tag: 'published',
        parameters: [agency, id, p.parameters.idempotencyKey, p.parameters.ifMatch],
        requestBody: p.jsonBody(k.bodySchema),
        responses: {
          ...p.written('The version', 'response.published-write'),
          ...p.problems(400, 401, 403, 409, 413, 415, 422),
        },
      },
      {
        method: 'POST',
        path: `${base}/{id}/withdrawal`,
        operationId: `withdraw${k.name}`,
        summary: `Withdraw ${k.what} for good, saying why (admin of the agency); its versions stay readable`,
        tag: 'published',
        parameters: [agency, id, p.parameters.idempotencyKey, p.parameters.ifMatch],
        requestBody: p.jsonBody('command.withdraw-document'),
        responses: {
          ...p.written('The withdrawal', 'response.published-write'),
          ...p.problems(400, 401, 403, 404, 409, 413, 415),
        },
      },
      {
        method: 'GET',
        path: base,
        operationId: `list${k.name}s`,
        summary: `The agency's published list: each ${k.what.replace(/^an? /, '')} at its current version (anyone)`,
        tag: 'published',
        auth: false,
        parameters: [
          agency,
          p.query('status', 'current (the default) or withdrawn.', { enum: ['current', 'withdrawn'] }),
          ...p.publicPaging,
        ],
        responses: {
          ...publicAnswer('A page of the documents, by id.', 'response.published-list'),
          ...p.problems(400, 404, 429, 503),
        },
      },
      {
        method: 'GET',
        path: `${base}/{id}`,
        operationId: `get${k.name}`,
        summary: `${k.what[0]!.toUpperCase()}${k.what.slice(1)} at its current version, with the history of its versions (anyone)`,
        tag: 'published',
        auth: false,
        parameters: [agency, id, p.parameters.consistentWith],
        responses: {
          ...publicAnswer('The document and its history.', 'response.published-document'),
          ...p.problems(400, 404, 429, 503),
        },
      },
      {
        method: 'GET',
        path: `${base}/{id}/versions/{version}`,
        operationId: `get${k.name}Version`,
        summary: `One version of ${k.what}, in full (anyone)`,
        tag: 'published',
        auth: false,
        parameters: [agency, id, version, p.parameters.consistentWith],
        responses: {
          ...publicAnswer('The version.', 'response.published-version'),
          ...p.problems(400, 404, 429, 503),
        },
      },
    ];
  });
}
