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

/** The year of a statistics publication route: its deadline falls on 20 January of the next. */
const STATISTICS_YEAR = {
  name: 'year',
  in: 'path',
  required: true,
  description: 'The year of the statistics (2000 to 9998).',
  schema: { type: 'integer', minimum: 2000, maximum: 9998 },
};

/**
 * The legal review process's registry routes (法制审核): amending officers and items, the agency's review time
 * limit and its review catalogue, and the publication of its yearly statistics, each a signed registry event
 * (docs/domain.md).
 */
export function reviewOperations(p: OperationParts): Operation[] {
  const { defs, json, problems, written, jsonBody } = p;
  const idempotencyKey = p.parameters.idempotencyKey;
  const WRITE_PROBLEMS = [400, 401, 403, 404, 409, 413, 415, 422];
  return [
    {
      method: 'POST',
      path: '/v1/officers/{officerId}/amendments',
      operationId: 'amendOfficer',
      summary:
        "Amend an officer's record: a renewed certificate, roles, legal qualification, training, counsel role (admin); a signed OfficerAmended",
      tag: 'registry',
      parameters: [
        pathId('officerId', 'The officer, of the admin’s agency.', defs),
        p.parameters.ifMatch,
        idempotencyKey,
      ],
      requestBody: jsonBody('command.amend-officer'),
      responses: {
        ...written('The amendment', 'response.write-result'),
        // 409 certificate_taken among the others; 503 when a changed certificate number cannot be checked against read
        // models at the log's head within the read wait
        ...problems(...WRITE_PROBLEMS, 503),
      },
    },
    ...(
      [
        [
          'suspension',
          'suspendOfficer',
          'Suspend an officer (暂停执法资格): named in no act and recording or signing none until reinstated (admin); a signed OfficerSuspended',
        ],
        [
          'reinstatement',
          'reinstateOfficer',
          'Reinstate a suspended officer (恢复执法资格) (admin); a signed OfficerReinstated',
        ],
        [
          'retirement',
          'retireOfficer',
          'Retire an officer (离岗), for good (admin); a signed OfficerRetired. Their keys can still be revoked',
        ],
      ] as const
    ).map(([change, operationId, summary]): Operation => ({
      method: 'POST',
      path: `/v1/officers/{officerId}/${change}`,
      operationId,
      summary,
      tag: 'registry',
      parameters: [
        pathId('officerId', 'The officer, of the admin’s agency.', defs),
        p.parameters.ifMatch,
        idempotencyKey,
      ],
      requestBody: jsonBody(`command.officer-${change}`),
      responses: { ...written('The change', 'response.write-result'), ...problems(...WRITE_PROBLEMS) },
    })),
    {
      method: 'POST',
      path: '/v1/officers/{officerId}/keys',
      operationId: 'registerOfficerKey',
      summary:
        "Register an officer's own Ed25519 signing key, optionally with its X.509 certificate (admin); a signed OfficerKeyRegistered naming the key id the service computed",
      tag: 'registry',
      parameters: [
        pathId('officerId', 'The officer, of the admin’s agency.', defs),
        p.parameters.ifMatch,
        idempotencyKey,
      ],
      requestBody: jsonBody('command.register-officer-key'),
      responses: { ...written('The key', 'response.write-result'), ...problems(...WRITE_PROBLEMS) },
    },
    {
      method: 'POST',
      path: '/v1/officers/{officerId}/keys/{keyId}/revocation',
      operationId: 'revokeOfficerKey',
      summary:
        "Revoke an officer's signing key from a given instant (admin): acts recorded from then and signed with it are refused; a signed OfficerKeyRevoked",
      tag: 'registry',
      parameters: [
        pathId('officerId', 'The officer, of the admin’s agency.', defs),
        {
          name: 'keyId',
          in: 'path',
          required: true,
          description: 'The key id (64 lowercase hex); anything else names no key (404).',
          schema: defs('sha256'),
        },
        p.parameters.ifMatch,
        idempotencyKey,
      ],
      requestBody: jsonBody('command.revoke-officer-key'),
      responses: { ...written('The revocation', 'response.write-result'), ...problems(...WRITE_PROBLEMS) },
    },
    {
      method: 'POST',
      path: '/v1/items/{code}/amendments',
      operationId: 'amendItem',
      summary:
        'Amend an enforcement item: its submission materials, legal basis, major criteria, time limits (admin); a signed ItemAmended',
      tag: 'registry',
      parameters: [pathId('code', 'The item code, of the admin’s agency.', defs), p.parameters.ifMatch, idempotencyKey],
      requestBody: jsonBody('command.amend-item'),
      responses: { ...written('The amendment', 'response.write-result'), ...problems(...WRITE_PROBLEMS) },
    },
    {
      method: 'POST',
      path: '/v1/items/{code}/retirement',
      operationId: 'retireItem',
      summary:
        "Take an enforcement item off the agency's list: no case opens under it again (admin); a signed ItemRetired",
      tag: 'registry',
      parameters: [pathId('code', 'The item code, of the admin’s agency.', defs), p.parameters.ifMatch, idempotencyKey],
      requestBody: jsonBody('command.retire-item'),
      responses: { ...written('The retirement', 'response.write-result'), ...problems(...WRITE_PROBLEMS) },
    },
    {
      method: 'GET',
      path: '/v1/agencies/{agency}/review-settings',
      operationId: 'getReviewSettings',
      summary:
        "An agency's legal review time limit in working days (its own, or the default) and every version it set (anyone)",
      tag: 'public',
      auth: false,
      parameters: [
        pathId('agency', 'The agency.', defs),
        {
          ...p.parameters.consistentWith,
          description:
            'Taken as on every read; the settings are read from the log, which holds every write acknowledged before the request, so it never waits.',
        },
      ],
      responses: {
        '200': { description: 'The review settings.', content: json('response.review-settings') },
        ...problems(400, 429),
      },
    },
    {
      method: 'PUT',
      path: '/v1/agencies/{agency}/review-settings',
      operationId: 'setReviewSettings',
      summary:
        "Set the agency's legal review time limit (审核时限) for items that set none of their own (admin); a signed ReviewSettingsSet",
      tag: 'registry',
      parameters: [pathId('agency', 'The admin’s agency.', defs), p.parameters.ifMatch, idempotencyKey],
      requestBody: jsonBody('command.set-review-settings'),
      responses: {
        ...written('The settings', 'response.recording-write'),
        ...problems(400, 401, 403, 409, 413, 415, 422),
      },
    },
    {
      method: 'GET',
      path: '/v1/agencies/{agency}/statistics/{year}/publication',
      operationId: 'getStatisticsPublication',
      summary:
        'Whether and when an agency recorded publishing its yearly enforcement statistics, due by 20 January of the next year (anyone)',
      tag: 'public',
      auth: false,
      parameters: [
        pathId('agency', 'The agency.', defs),
        STATISTICS_YEAR,
        {
          ...p.parameters.consistentWith,
          description: 'Taken as on every read; the record is read from the log, so it never waits.',
        },
      ],
      responses: {
        '200': {
          description: 'The publication, or its deadline alone.',
          content: json('response.statistics-publication'),
        },
        ...problems(400, 404, 429),
      },
    },
    {
      method: 'PUT',
      path: '/v1/agencies/{agency}/statistics/{year}/publication',
      operationId: 'recordStatisticsPublication',
      summary:
        'Record the day the agency published its yearly enforcement statistics (公开上年度行政执法数据), and where (admin); a signed StatisticsPublished, once a year',
      tag: 'registry',
      parameters: [pathId('agency', 'The admin’s agency.', defs), STATISTICS_YEAR, idempotencyKey],
      requestBody: jsonBody('command.record-statistics-publication'),
      responses: {
        ...written('The record', 'response.recording-write'),
        ...problems(400, 401, 403, 404, 409, 413, 415, 422),
      },
    },
    {
      method: 'GET',
      path: '/v1/agencies/{agency}/review-catalogue',
      operationId: 'getReviewCatalogue',
      summary:
        "An agency's catalogue of major decisions needing legal review (重大执法决定法制审核目录清单) as it stands, and every version in full (anyone)",
      tag: 'public',
      auth: false,
      parameters: [pathId('agency', 'The agency.', defs)],
      responses: {
        '200': { description: 'The catalogue.', content: json('response.review-catalogue') },
        ...problems(400, 429),
      },
    },
    {
      method: 'PUT',
      path: '/v1/agencies/{agency}/review-catalogue',
      operationId: 'adjustReviewCatalogue',
      summary:
        "Adopt a new version of the agency's review catalogue, by decision type, item category, level, field and amount, with the reason (admin); a signed ReviewCatalogueAdjusted",
      tag: 'registry',
      parameters: [pathId('agency', 'The admin’s agency.', defs), p.parameters.ifMatch, idempotencyKey],
      requestBody: jsonBody('command.adjust-review-catalogue'),
      responses: {
        ...written('The catalogue', 'response.recording-write'),
        ...problems(400, 401, 403, 409, 413, 415, 422),
      },
    },
  ];
}
