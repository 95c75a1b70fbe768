import type { Json, Operation } from './openapi.js';
import type { OperationParts } from './openapi-published.js';

/** The agencies' public profiles (行政执法主体): the list, one agency's versions, and the admin's write. */
export function agencyOperations(p: OperationParts): Operation[] {
  const { defs, json, problems, written, jsonBody } = p;
  const agency = (description: string): Json => ({
    name: 'agency',
    in: 'path',
    required: true,
    description,
    schema: defs('id'),
  });
  return [
    {
      method: 'GET',
      path: '/v1/agencies',
      operationId: 'listAgencies',
      summary:
        'The enforcement agencies (行政执法主体) that recorded a profile: name, office address, hours and telephones, by code (anyone)',
      tag: 'public',
      auth: false,
      parameters: [...p.publicPaging],
      responses: {
        '200': {
          description: 'A page of the agencies.',
          headers: p.publicHeaders,
          content: json('response.agency-list'),
        },
        ...problems(400, 429, 503),
      },
    },
    {
      method: 'GET',
      path: '/v1/agencies/{agency}/profile',
      operationId: 'getAgencyProfile',
      summary: "An agency's public profile as it stands and every version it recorded, with their events (anyone)",
      tag: 'public',
      auth: false,
      parameters: [
        agency('The agency.'),
        {
          ...p.parameters.consistentWith,
          description:
            'Taken as on every read; the profile is read from the log, which holds every write acknowledged before the request, so it never waits.',
        },
      ],
      responses: {
        '200': { description: 'The profile and its versions.', content: json('response.agency-profile') },
        ...problems(400, 429),
      },
    },
    {
      method: 'PUT',
      path: '/v1/agencies/{agency}/profile',
      operationId: 'setAgencyProfile',
      summary:
        "Record a version of the agency's public profile, the whole of it: the name the pages show it by, office address, hours, telephones (admin); a signed AgencyProfileSet",
      tag: 'registry',
      parameters: [agency('The admin’s agency.'), p.parameters.ifMatch, p.parameters.idempotencyKey],
      requestBody: jsonBody('command.set-agency-profile'),
      responses: {
        ...written('The profile', 'response.recording-write'),
        // 409 agency_name_taken, version_unchanged, revision_conflict; 503 when the read models, which the name is
        // checked against, do not reach the log's head within the read wait
        ...problems(400, 401, 403, 409, 413, 415, 422, 503),
      },
    },
  ];
}
