import type { Json, Operation } from './openapi.js';
import type { OperationParts } from './openapi-published.js';

/** A path segment naming an id. */
const pathId = (name: string, description: string, defs: OperationParts['defs']): Json => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: defs('id'),
});

/** "Double random, one public" (双随机、一公开): subjects, conflicts, plans, draws, outcomes (docs/inspections.md). */
export function inspectionOperations(p: OperationParts): Operation[] {
  const { defs, json, problems, written, jsonBody, query } = p;
  const PARAMETERS = p.parameters;
  const PUBLIC_PAGING = p.publicPaging;
  const PUBLIC_HEADERS = p.publicHeaders;
  const WRITE_PROBLEMS = [400, 401, 403, 409, 413, 415, 422];
  return [
    {
      method: 'POST',
      path: '/v1/subjects',
      operationId: 'registerSubject',
      summary: "Put a regulated subject in the agency's directory (检查对象名录) (admin)",
      tag: 'inspections',
      parameters: [PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
      requestBody: jsonBody('command.register-subject'),
      responses: { ...written('The subject', 'response.inspection-write'), ...problems(...WRITE_PROBLEMS) },
    },
    {
      method: 'POST',
      path: '/v1/subjects/{subjectId}/conflicts',
      operationId: 'declareConflict',
      summary:
        'Declare a conflict of interest between an officer and the subject (the officer themself, or admin): ' +
        'that officer is never drawn to inspect it',
      tag: 'inspections',
      parameters: [pathId('subjectId', 'The subject.', defs), PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
      requestBody: jsonBody('command.declare-conflict'),
      responses: { ...written('The conflict', 'response.inspection-write'), ...problems(404, ...WRITE_PROBLEMS) },
    },
    {
      method: 'POST',
      path: '/v1/subjects/{subjectId}/conflicts/{officerId}/withdrawal',
      operationId: 'withdrawConflict',
      summary:
        'Withdraw a declared conflict of interest, with the reason (admin): draws at later tree sizes may send the officer to the subject again',
      tag: 'inspections',
      parameters: [
        pathId('subjectId', 'The subject.', defs),
        pathId('officerId', 'The officer whose conflict ends.', defs),
        PARAMETERS.ifMatch,
        PARAMETERS.idempotencyKey,
      ],
      requestBody: jsonBody('command.withdraw-conflict'),
      responses: { ...written('The withdrawal', 'response.inspection-write'), ...problems(404, ...WRITE_PROBLEMS) },
    },
    {
      method: 'POST',
      path: '/v1/subjects/{subjectId}/amendments',
      operationId: 'amendSubject',
      summary:
        "Change a regulated subject's name, kind, sector or tags, with the reason (admin): draws at later tree sizes see the change",
      tag: 'inspections',
      parameters: [pathId('subjectId', 'The subject.', defs), PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
      requestBody: jsonBody('command.amend-subject'),
      responses: { ...written('The amendment', 'response.inspection-write'), ...problems(404, ...WRITE_PROBLEMS) },
    },
    {
      method: 'POST',
      path: '/v1/subjects/{subjectId}/retirement',
      operationId: 'retireSubject',
      summary:
        'Take a regulated subject off the directory, with the reason (admin): no draw at a later tree size has it as a candidate',
      tag: 'inspections',
      parameters: [pathId('subjectId', 'The subject.', defs), PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
      requestBody: jsonBody('command.retire-subject'),
      responses: { ...written('The retirement', 'response.inspection-write'), ...problems(404, ...WRITE_PROBLEMS) },
    },
    {
      method: 'POST',
      path: '/v1/inspections',
      operationId: 'planInspection',
      summary:
        'Record an inspection plan (admin): the list entry, the selector, the sample, the inspectors per target and a tree size the log has not reached, whose root will seed the draw',
      tag: 'inspections',
      parameters: [PARAMETERS.ifMatch, PARAMETERS.idempotencyKey],
      requestBody: jsonBody('command.plan-inspection'),
      responses: { ...written('The plan', 'response.inspection-write'), ...problems(...WRITE_PROBLEMS) },
    },
    {
      method: 'POST',
      path: '/v1/inspections/{planId}/draw',
      operationId: 'recordDraw',
      summary:
        "Record the plan's draw once the log has reached its tree size (admin): computed from the root at that size and the registries then; a seed or targets given must be the recomputation's (409 draw_mismatch)",
      tag: 'inspections',
      parameters: [
        pathId('planId', "A plan of the caller's agency.", defs),
        PARAMETERS.ifMatch,
        PARAMETERS.idempotencyKey,
      ],
      requestBody: jsonBody('command.record-draw'),
      responses: { ...written('The draw', 'response.inspection-write'), ...problems(404, ...WRITE_PROBLEMS) },
    },
    {
      method: 'POST',
      path: '/v1/inspections/{planId}/outcomes',
      operationId: 'recordOutcome',
      summary: 'Record the outcome of inspecting a drawn target (one of its drawn inspectors, or admin)',
      tag: 'inspections',
      parameters: [
        pathId('planId', "A plan of the caller's agency.", defs),
        PARAMETERS.ifMatch,
        PARAMETERS.idempotencyKey,
      ],
      requestBody: jsonBody('command.record-outcome'),
      responses: { ...written('The outcome', 'response.inspection-write'), ...problems(404, ...WRITE_PROBLEMS) },
    },
    {
      method: 'GET',
      path: '/v1/subjects',
      operationId: 'listSubjects',
      summary: 'The public directory of regulated subjects, current ones only (anyone)',
      tag: 'public',
      auth: false,
      parameters: [
        query('agency', 'Only subjects of this agency.', defs('id')),
        query('sector', 'Only subjects of this sector.', defs('id')),
        ...PUBLIC_PAGING,
      ],
      responses: {
        '200': {
          description: 'A page of the directory.',
          headers: PUBLIC_HEADERS,
          content: json('response.subject-list'),
        },
        ...problems(400, 429, 503),
      },
    },
    {
      method: 'GET',
      path: '/v1/inspections',
      operationId: 'listInspections',
      summary: 'The published inspection plans, latest start first (anyone)',
      tag: 'public',
      auth: false,
      parameters: [
        query('agency', 'Only plans of this agency.', defs('id')),
        query('status', 'Only plans not yet drawn (planned) or drawn.', { enum: ['planned', 'drawn'] }),
        ...PUBLIC_PAGING,
      ],
      responses: {
        '200': { description: 'A page of plans.', headers: PUBLIC_HEADERS, content: json('response.inspection-list') },
        ...problems(400, 429, 503),
      },
    },
    {
      method: 'GET',
      path: '/v1/inspections/{agency}/{planId}',
      operationId: 'getInspection',
      summary:
        "A plan, its draw with the seed's provenance and inputs, and each target's outcome (anyone): `ledger draw verify` re-runs it",
      tag: 'public',
      auth: false,
      parameters: [
        pathId('agency', 'The agency.', defs),
        pathId('planId', 'The plan.', defs),
        PARAMETERS.consistentWith,
      ],
      responses: {
        '200': { description: 'The plan.', headers: PUBLIC_HEADERS, content: json('response.inspection-plan') },
        ...problems(400, 404, 429, 503),
      },
    },
  ];
}
