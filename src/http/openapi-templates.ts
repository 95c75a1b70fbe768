import type { Json, Operation } from './openapi.js';
import type { OperationParts } from './openapi-published.js';

/** The agencies' decision templates (文书模板): read by anyone, changed by the agency's admin. */
export function templateOperations(p: OperationParts): Operation[] {
  const { defs, json, problems, written, jsonBody } = p;
  const agency: Json = { name: 'agency', in: 'path', required: true, description: 'The agency.', schema: defs('id') };
  const decisionType: Json = {
    name: 'decisionType',
    in: 'path',
    required: true,
    description: 'The decision type whose template this is.',
    schema: defs('decisionType'),
  };
  return [
    {
      method: 'GET',
      path: '/v1/agencies/{agency}/decision-templates',
      operationId: 'listDecisionTemplates',
      summary:
        "An agency's decision templates: per decision type, the template in force and whether it is the agency's own or the shipped default (anyone)",
      tag: 'public',
      auth: false,
      parameters: [agency],
      responses: {
        '200': { description: 'The templates in force.', content: json('response.decision-templates') },
        ...problems(400, 429),
      },
    },
    {
      method: 'GET',
      path: '/v1/agencies/{agency}/decision-templates/{decisionType}',
      operationId: 'getDecisionTemplate',
      summary: "An agency's template of one decision type in force, and every change it recorded (anyone)",
      tag: 'public',
      auth: false,
      parameters: [agency, decisionType],
      responses: {
        '200': { description: 'The template and its history.', content: json('response.decision-template') },
        ...problems(400, 404, 429),
      },
    },
    {
      method: 'PUT',
      path: '/v1/agencies/{agency}/decision-templates/{decisionType}',
      operationId: 'setDecisionTemplate',
      summary:
        "Record the agency's own template of a decision type, or (template null) the return to the shipped one, with the reason (admin); a signed DecisionTemplateSet or DecisionTemplateReset",
      tag: 'registry',
      parameters: [agency, decisionType, p.parameters.ifMatch, p.parameters.idempotencyKey],
      requestBody: jsonBody('command.set-decision-template'),
      responses: {
        ...written('The change', 'response.decision-template-write'),
        ...problems(400, 401, 403, 404, 409, 413, 415, 422),
      },
    },
  ];
}
