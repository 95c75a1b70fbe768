/**
 * The types of the Evidence Ledger HTTP API, generated from its OpenAPI document (`GET /openapi.json`, built by
 * `buildOpenApi` in src/http/openapi.ts) by openapi-typescript. Do not edit: run `npm run client:generate`.
 * test/unit/client-schema.test.ts fails when this file is not what the document gives.
 */

export interface paths {
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the process answers */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/readyz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: the stores answer */
    get: operations['getReadiness'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This document */
    get: operations['getOpenApi'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Prometheus metrics, text exposition format 0.0.4 */
    get: operations['getMetrics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/officers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The public officer list: name, certificate, agency, categories, validity and status (anyone) */
    get: operations['listOfficers'];
    put?: never;
    /** Register an officer and their enforcement certificate (admin) */
    post: operations['registerOfficer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The public enforcement-item list (anyone) */
    get: operations['listItems'];
    put?: never;
    /** Put an enforcement item on the list of an agency (admin) */
    post: operations['registerItem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tokens/revocations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke a bearer token of the admin's agency by its jti, or all of a subject's issued before a time (admin); recorded as a signed event, refused (401) from then on */
    post: operations['revokeTokens'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The agency's webhook subscriptions (admin, integration), oldest first */
    get: operations['listWebhooks'];
    put?: never;
    /** Subscribe a receiver to the agency's events (admin, integration); recorded as a signed event. The answer holds the HMAC secret (or the Ed25519 public key) once. `payload: public` delivers only the events that have a public record, as GET /v1/disclosures lists it (docs/integration.md, "Public payloads") */
    post: operations['createWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A webhook subscription (never its secret) */
    get: operations['getWebhook'];
    put?: never;
    post?: never;
    /** Remove a subscription; recorded as a signed event, its undelivered events are cancelled: never sent, neither failures nor dead letters */
    delete: operations['deleteWebhook'];
    options?: never;
    head?: never;
    /** Change a subscription: URL, event types, enable it again, or rotate its key; recorded as a signed event */
    patch: operations['changeWebhook'];
    trace?: never;
  };
  '/v1/webhooks/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A subscription's metrics and its undelivered events: pending ones and dead letters */
    get: operations['listWebhookDeliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/{id}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send the subscription's events again from a log position on (dead letters and delivered ones alike), in order */
    post: operations['replayWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/benchmarks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The discretion benchmarks in force, their current versions (anyone) */
    get: operations['listBenchmarks'];
    put?: never;
    /** Set a version of an enforcement item's discretion benchmark: each circumstance's fine range in fen (admin); a change says why */
    post: operations['setBenchmark'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/benchmarks/{agency}/{itemCode}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An item's discretion benchmark in force and every version of it (anyone) */
    get: operations['getBenchmarkHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/fine-distribution': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The fines of past decisions of the same item and circumstance: count, least, median, greatest and bins (the agency's staff) */
    get: operations['getFineDistribution'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/discretion-deviations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Cases whose latest proposed fine or whose decided fine lies outside its discretion benchmark; the written reason is sealed personal data, read in the case file (supervisor) */
    get: operations['listDiscretionDeviations'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/cases/{caseId}/evaluations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Each supervisor's evaluation of a case file, as amended (supervisor); the read is recorded (read_evaluations), and a case the supervisor may not read is 404 like any other read of it */
    get: operations['listCaseEvaluations'];
    put?: never;
    /** Score a closed case file of the supervisor's agency, or of an agency the supervisor supervises, against the review checklist (supervisor); a second evaluation amends the first, says why and changes a score or a comment (409 version_unchanged otherwise) */
    post: operations['evaluateCaseFile'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/evaluation-weak-points': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The case-file evaluations of the cases closed in a year, by checklist rule, enforcement item and officer, weakest first (supervisor) */
    get: operations['getEvaluationWeakPoints'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/inspection-list/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An entry of the random-inspection list (随机抽查事项清单) at its current version, with the history of its versions (anyone) */
    get: operations['getInspectionEntry'];
    /** Publish a new version of an entry of the random-inspection list (随机抽查事项清单): the whole document, with a note on what changed (admin of the agency) */
    put: operations['publishInspectionEntry'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/inspection-list/{id}/withdrawal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw an entry of the random-inspection list (随机抽查事项清单) for good, saying why (admin of the agency); its versions stay readable */
    post: operations['withdrawInspectionEntry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/inspection-list': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The agency's published list: each entry of the random-inspection list (随机抽查事项清单) at its current version (anyone) */
    get: operations['listInspectionEntrys'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/inspection-list/{id}/versions/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One version of an entry of the random-inspection list (随机抽查事项清单), in full (anyone) */
    get: operations['getInspectionEntryVersion'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/flow-charts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An enforcement item's flow chart (行政执法事项流程图) at its current version, with the history of its versions (anyone) */
    get: operations['getFlowChart'];
    /** Publish a new version of an enforcement item's flow chart (行政执法事项流程图): the whole document, with a note on what changed (admin of the agency) */
    put: operations['publishFlowChart'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/flow-charts/{id}/withdrawal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw an enforcement item's flow chart (行政执法事项流程图) for good, saying why (admin of the agency); its versions stay readable */
    post: operations['withdrawFlowChart'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/flow-charts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The agency's published list: each enforcement item's flow chart (行政执法事项流程图) at its current version (anyone) */
    get: operations['listFlowCharts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/flow-charts/{id}/versions/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One version of an enforcement item's flow chart (行政执法事项流程图), in full (anyone) */
    get: operations['getFlowChartVersion'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/review-charts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A flow chart of the agency's legal review of major decisions (重大执法决定法制审核流程图) at its current version, with the history of its versions (anyone) */
    get: operations['getReviewChart'];
    /** Publish a new version of a flow chart of the agency's legal review of major decisions (重大执法决定法制审核流程图): the whole document, with a note on what changed (admin of the agency) */
    put: operations['publishReviewChart'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/review-charts/{id}/withdrawal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw a flow chart of the agency's legal review of major decisions (重大执法决定法制审核流程图) for good, saying why (admin of the agency); its versions stay readable */
    post: operations['withdrawReviewChart'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/review-charts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The agency's published list: each flow chart of the agency's legal review of major decisions (重大执法决定法制审核流程图) at its current version (anyone) */
    get: operations['listReviewCharts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/review-charts/{id}/versions/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One version of a flow chart of the agency's legal review of major decisions (重大执法决定法制审核流程图), in full (anyone) */
    get: operations['getReviewChartVersion'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/service-guides/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A licensing item's service guide (行政执法服务指南) at its current version, with the history of its versions (anyone) */
    get: operations['getServiceGuide'];
    /** Publish a new version of a licensing item's service guide (行政执法服务指南): the whole document, with a note on what changed (admin of the agency) */
    put: operations['publishServiceGuide'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/service-guides/{id}/withdrawal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw a licensing item's service guide (行政执法服务指南) for good, saying why (admin of the agency); its versions stay readable */
    post: operations['withdrawServiceGuide'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/service-guides': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The agency's published list: each licensing item's service guide (行政执法服务指南) at its current version (anyone) */
    get: operations['listServiceGuides'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/service-guides/{id}/versions/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One version of a licensing item's service guide (行政执法服务指南), in full (anyone) */
    get: operations['getServiceGuideVersion'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/post-boards/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A service window's post information board (岗位信息公示牌) at its current version, with the history of its versions (anyone) */
    get: operations['getPostBoard'];
    /** Publish a new version of a service window's post information board (岗位信息公示牌): the whole document, with a note on what changed (admin of the agency) */
    put: operations['publishPostBoard'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/post-boards/{id}/withdrawal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw a service window's post information board (岗位信息公示牌) for good, saying why (admin of the agency); its versions stay readable */
    post: operations['withdrawPostBoard'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/post-boards': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The agency's published list: each service window's post information board (岗位信息公示牌) at its current version (anyone) */
    get: operations['listPostBoards'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/post-boards/{id}/versions/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One version of a service window's post information board (岗位信息公示牌), in full (anyone) */
    get: operations['getPostBoardVersion'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/subjects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The public directory of regulated subjects, current ones only (anyone) */
    get: operations['listSubjects'];
    put?: never;
    /** Put a regulated subject in the agency's directory (检查对象名录) (admin) */
    post: operations['registerSubject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/subjects/{subjectId}/conflicts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Declare a conflict of interest between an officer and the subject (the officer themself, or admin): that officer is never drawn to inspect it */
    post: operations['declareConflict'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/subjects/{subjectId}/conflicts/{officerId}/withdrawal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw a declared conflict of interest, with the reason (admin): draws at later tree sizes may send the officer to the subject again */
    post: operations['withdrawConflict'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/subjects/{subjectId}/amendments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change a regulated subject's name, kind, sector or tags, with the reason (admin): draws at later tree sizes see the change */
    post: operations['amendSubject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/subjects/{subjectId}/retirement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take a regulated subject off the directory, with the reason (admin): no draw at a later tree size has it as a candidate */
    post: operations['retireSubject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/inspections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The published inspection plans, latest start first (anyone) */
    get: operations['listInspections'];
    put?: never;
    /** Record an inspection plan (admin): the list entry, the selector, the sample, the inspectors per target and a tree size the log has not reached, whose root will seed the draw */
    post: operations['planInspection'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/inspections/{planId}/draw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record the plan's draw once the log has reached its tree size (admin): computed from the root at that size and the registries then; a seed or targets given must be the recomputation's (409 draw_mismatch) */
    post: operations['recordDraw'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/inspections/{planId}/outcomes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record the outcome of inspecting a drawn target (one of its drawn inspectors, or admin) */
    post: operations['recordOutcome'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/inspections/{agency}/{planId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A plan, its draw with the seed's provenance and inputs, and each target's outcome (anyone): `ledger draw verify` re-runs it */
    get: operations['getInspection'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The enforcement agencies (行政执法主体) that recorded a profile: name, office address, hours and telephones, by code (anyone) */
    get: operations['listAgencies'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/profile': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An agency's public profile as it stands and every version it recorded, with their events (anyone) */
    get: operations['getAgencyProfile'];
    /** Record a version of the agency's public profile, the whole of it: the name the pages show it by, office address, hours, telephones (admin); a signed AgencyProfileSet */
    put: operations['setAgencyProfile'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/officers/{officerId}/amendments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Amend an officer's record: a renewed certificate, roles, legal qualification, training, counsel role (admin); a signed OfficerAmended */
    post: operations['amendOfficer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/officers/{officerId}/suspension': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Suspend an officer (暂停执法资格): named in no act and recording or signing none until reinstated (admin); a signed OfficerSuspended */
    post: operations['suspendOfficer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/officers/{officerId}/reinstatement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reinstate a suspended officer (恢复执法资格) (admin); a signed OfficerReinstated */
    post: operations['reinstateOfficer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/officers/{officerId}/retirement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Retire an officer (离岗), for good (admin); a signed OfficerRetired. Their keys can still be revoked */
    post: operations['retireOfficer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/officers/{officerId}/keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Register an officer's own Ed25519 signing key, optionally with its X.509 certificate (admin); a signed OfficerKeyRegistered naming the key id the service computed */
    post: operations['registerOfficerKey'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/officers/{officerId}/keys/{keyId}/revocation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke an officer's signing key from a given instant (admin): acts recorded from then and signed with it are refused; a signed OfficerKeyRevoked */
    post: operations['revokeOfficerKey'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/items/{code}/amendments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Amend an enforcement item: its submission materials, legal basis, major criteria, time limits (admin); a signed ItemAmended */
    post: operations['amendItem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/items/{code}/retirement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take an enforcement item off the agency's list: no case opens under it again (admin); a signed ItemRetired */
    post: operations['retireItem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/review-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An agency's legal review time limit in working days (its own, or the default) and every version it set (anyone) */
    get: operations['getReviewSettings'];
    /** Set the agency's legal review time limit (审核时限) for items that set none of their own (admin); a signed ReviewSettingsSet */
    put: operations['setReviewSettings'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/statistics/{year}/publication': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether and when an agency recorded publishing its yearly enforcement statistics, due by 20 January of the next year (anyone) */
    get: operations['getStatisticsPublication'];
    /** Record the day the agency published its yearly enforcement statistics (公开上年度行政执法数据), and where (admin); a signed StatisticsPublished, once a year */
    put: operations['recordStatisticsPublication'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/review-catalogue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An agency's catalogue of major decisions needing legal review (重大执法决定法制审核目录清单) as it stands, and every version in full (anyone) */
    get: operations['getReviewCatalogue'];
    /** Adopt a new version of the agency's review catalogue, by decision type, item category, level, field and amount, with the reason (admin); a signed ReviewCatalogueAdjusted */
    put: operations['adjustReviewCatalogue'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/decision-templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An agency's decision templates: per decision type, the template in force and whether it is the agency's own or the shipped default (anyone) */
    get: operations['listDecisionTemplates'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/decision-templates/{decisionType}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An agency's template of one decision type in force, and every change it recorded (anyone) */
    get: operations['getDecisionTemplate'];
    /** Record the agency's own template of a decision type, or (template null) the return to the shipped one, with the reason (admin); a signed DecisionTemplateSet or DecisionTemplateReset */
    put: operations['setDecisionTemplate'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{agency}/recording-list': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An agency's list of acts recorded on audio or video, as published: entries, the floors every list keeps, the default duties while none is published, and its versions (anyone) */
    get: operations['getRecordingList'];
    /** Publish a new version of the agency's recording list (admin); recorded as a signed event. Cases opened from then on get its duties; a list without seizure and forced demolition on audio or video for every item is 422 */
    put: operations['publishRecordingList'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/devices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Register a recording device held by an officer of the agency (admin); recorded as a signed event */
    post: operations['registerDevice'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/devices/{deviceId}/changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Hand a device to another officer, or report it lost, found (active) or retired (admin) */
    post: operations['changeDevice'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/devices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The recording devices of the supervised agencies, with their holders and how many recordings name each (supervisor) */
    get: operations['listDevices'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/device-recordings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The recordings that name the device that made them, latest first (supervisor) */
    get: operations['listDeviceRecordings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/calendar': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The years the working-day calendar covers, and whether each year's schedule was shipped or recorded */
    get: operations['getCalendar'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/calendar/{year}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A year's official holidays and make-up working days in use, and where they come from */
    get: operations['getCalendarYear'];
    /** Record a year's official holidays and make-up working days from the State Council's notice (an admin of the agency that keeps the calendar, CALENDAR_AGENCY; anyone else: 403 calendar_not_yours); recorded as a signed event, deadlines use it from then on */
    put: operations['recordCalendarYear'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/disclosures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Published enforcement decisions, newest first, and withdrawal notices, redacted (anyone) */
    get: operations['listDisclosures'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/disclosures/feed.atom': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The same as an Atom 1.0 feed, newest change first; withdrawals as RFC 6721 tombstones (anyone) */
    get: operations['getDisclosureFeed'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/cases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The cases of the caller's agency (and those a supervisor supervises), newest first */
    get: operations['listCases'];
    put?: never;
    /** Open a case (officer) */
    post: operations['openCase'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/cases/{caseId}/acts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record an act on a case (officer, reviewer, admin) */
    post: operations['recordAct'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/cases/{caseId}/acts:batch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record several acts on a case, all or none (officer, reviewer, admin) */
    post: operations['recordActs'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/cases/{caseId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The case file; the read is recorded */
    get: operations['getCaseFile'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/cases/{caseId}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A page of the signed events of a case, each verified as read back; the read is recorded */
    get: operations['listCaseEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/cases/{caseId}/erasure': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Erase the case's personal data (admin): a signed CaseDataErased event naming the legal ground, then the case's data key is destroyed (docs/privacy.md) */
    post: operations['eraseCase'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/cases/{caseId}/openings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The opening (salt and value) of one sealed personal field, for a party or a court; the read is recorded (read_opening) */
    get: operations['getFieldOpening'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/cases/{caseId}/similar': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Decided cases most like this one, from the agencies the caller may read, closest first; the read is recorded */
    get: operations['listSimilarCases'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/cases/{caseId}/bundle': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The evidence bundle of the case (docs/integrity.md §13): one tar, streamed; the read is recorded first, as read_bundle */
    get: operations['getCaseBundle'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/media': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Upload a medium, the raw body streamed (officer) */
    post: operations['uploadMedium'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/media/{sha256}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The bytes of a medium held by the agency of a case the caller may read, or a range of them; the read is recorded */
    get: operations['getMedium'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/cases/{caseId}/drafts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Draft the decision document of a case from its case file (a handling officer): PDF and DOCX, stored as the agency's media; no act */
    post: operations['draftDecision'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/cases/{caseId}/drafts/{draftId}/{format}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A draft's PDF or DOCX, to whoever may read the case; the read is recorded */
    get: operations['getDraftFile'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** New events of the agencies a supervisor oversees, as Server-Sent Events, without their data */
    get: operations['streamAuditEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed events of the agencies the caller may read, in log order, a page at a time (integration, supervisor or admin) */
    get: operations['pullEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/overdue-disclosures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Decisions not published by asOf although due, and decisions published late (supervisor) */
    get: operations['listOverdueDisclosures'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/overdue-reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Legal reviews not completed by their time limit by asOf, and reviews completed late (supervisor) */
    get: operations['listOverdueReviews'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/erasures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Erasures of cases' personal data: case, when, by whom, legal ground (supervisor or admin) */
    get: operations['listErasures'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/due-for-erasure': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Closed cases and refused applications whose retention period (保管期限) has run out by asOf and whose personal data is not erased (supervisor) */
    get: operations['listDueForErasure'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/overdue-inspections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Drawn inspection targets whose outcome is overdue by asOf: the plan's period over and no outcome recorded (supervisor) */
    get: operations['listOverdueInspections'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/missing-recordings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Cases whose acts lack the recording their duties (the recording list and its floors) require (supervisor) */
    get: operations['listMissingRecordings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/major-decisions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Major decisions beside their legal reviews, and whether an approved review matched (supervisor) */
    get: operations['listMajorDecisions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/access': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who read a case, or what a reader read, among the supervisor's agencies' cases; newest first (supervisor) */
    get: operations['listCaseAccess'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/denied-access': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Refused retrievals (answered 404) by readers of the supervisor's agencies, from the readers' own trails; newest first (supervisor) */
    get: operations['listDeniedAccess'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/certificates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Acts outside certificate validity, and certificates expiring within 30 days or expired (supervisor) */
    get: operations['getCertificateAudit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/reviewer-ratio': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Legal reviewers against active enforcement staff (at least 5%), per agency, counting the certificates valid on the day (supervisor) */
    get: operations['getReviewerRatio'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/warnings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What a supervisor should act on before it affects deadlines: from 1 December, next year's working-day schedule missing (supervisor) */
    get: operations['getWarnings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/statistics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An agency's enforcement figures for a year, as JSON or CSV (supervisor) */
    get: operations['getYearlyStatistics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/quarantine': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Events of the supervisor's agencies that a projection could not apply, oldest first; its views do not reflect them (supervisor) */
    get: operations['listQuarantinedEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ledger/checkpoint': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The latest signed checkpoint of the Merkle log, covering every event committed before the request */
    get: operations['getCheckpoint'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ledger/checkpoint.txt': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The latest signed checkpoint as the bare C2SP signed note (text/plain), whatever the Accept header */
    get: operations['getCheckpointNote'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ledger/checkpoints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every checkpoint issued, largest tree first */
    get: operations['listCheckpoints'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ledger/proof/inclusion': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An event's inclusion proof (RFC 9162 §2.1.3) in the tree of a given size */
    get: operations['getInclusionProof'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ledger/proof/consistency': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A consistency proof (RFC 9162 §2.1.4) between two tree sizes */
    get: operations['getConsistencyProof'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ledger/proof/head': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A stream's revision and head hash (or its absence) in the map of stream heads at a tree size, which checkpoints commit to (docs/integrity.md §12.6). Public, except that an agency's streams (`<category>-<agency>:<id>`) are shown only with a bearer token that may read the agency's cases: without one they are 404 not_found, as if they did not exist; and a proof of absence, which shows the leaf standing where the stream's would, is given only when that leaf is a public stream's, else 404 not_found */
    get: operations['getHeadProof'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ledger/keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The public keys that sign events and checkpoints, current and retired, with their key ids */
    get: operations['listLedgerKeys'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Verify an evidence bundle against this service's keys, the same checks and report as `ledger verify` (anyone) */
    post: operations['verifyBundle'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/problems': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every problem type (code) the service answers with: an HTML page, or JSON when preferred */
    get: operations['listProblemTypes'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/problems/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The page a problem's `type` resolves to: its status, title and meaning; HTML, or JSON when preferred */
    get: operations['getProblemType'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/applications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The applications filed with the officer's agency, waiting ones first, soonest due first (officer) */
    get: operations['listApplications'];
    put?: never;
    /** File an application for a licensing item (anyone, rate-limited): multipart/form-data with the application as JSON in the part "application" and at most 5 PDF, JPEG or PNG files of at most 5 MiB in "attachment" parts, or application/json without attachments (a form sent with a Content-Encoding other than identity is 415 unsupported_media_type, unread: its files are stored as sent); answers the receipt */
    post: operations['fileApplication'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/applications/{agency}/{applicationId}/progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Where an application stands, to the holder of its lookup code (anyone, rate-limited); no applicant data */
    get: operations['getApplicationProgress'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/applications/{applicationId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An application as filed, the applicant's fields and the request opened: of the officer's agency, for deciding it (officer), or of an agency the supervisor may read (supervisor); the read is recorded (read_application) */
    get: operations['getApplication'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/applications/{applicationId}/attachments/{sha256}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The bytes of an attachment of an application as filed, or a range of them (officer of its agency, or supervisor who may read it); the read is recorded (read_media), and an erased applicant's are not served */
    get: operations['getApplicationAttachment'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/applications/{applicationId}/acceptance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept an application (受理) of the agency and open its case (case id = application id; the applicant its party, the attachments its media) with these officers (officer) */
    post: operations['acceptApplication'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/applications/{applicationId}/rejection': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Refuse to accept an application (不予受理), with the reason and its legal basis (officer) */
    post: operations['rejectApplication'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/applications/{applicationId}/erasure': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Erase the applicant's personal data of an application that opened no case (admin): a signed ApplicationDataErased event naming the legal ground, then the application's data key is destroyed (docs/privacy.md) */
    post: operations['eraseApplication'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/overdue-applications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Applications neither accepted nor refused by their deadline as of asOf, most overdue first (supervisor) */
    get: operations['listOverdueApplications'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** CaseClosed: the act's data as a client submits it */
    'act.CaseClosed': {
      closedOn: components['schemas']['defs']['$defs']['date'];
    };
    /**
     * CaseMarkedComplex: the act's data as a client submits it
     * @description The case is marked major, complex or difficult (重大、疑难、复杂): its legal review waits for a legal adviser's or public-sector lawyer's opinion.
     */
    'act.CaseMarkedComplex': {
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** CaseOpened: the act's data as a client submits it */
    'act.CaseOpened': {
      caseId: components['schemas']['defs']['$defs']['id'];
      itemCode: components['schemas']['defs']['$defs']['id'];
      title: components['schemas']['defs']['$defs']['nonEmptyText'];
      openedOn: components['schemas']['defs']['$defs']['date'];
      officers: components['schemas']['defs']['$defs']['id'][];
      parties: components['schemas']['defs']['$defs']['party'][];
      /** @description The online application this case was opened from (受理): set only when an officer accepts one, never by POST /v1/cases. */
      application?: components['schemas']['defs']['$defs']['uuid'];
    };
    /**
     * CounselOpinionRecorded: the act's data as a client submits it
     * @description The written opinion of a legal adviser or public-sector lawyer (法律顾问、公职律师) registered with that role; the signed copy as a medium.
     */
    'act.CounselOpinionRecorded': {
      /** @description The counsel's id in the officer registry. */
      counsel: components['schemas']['defs']['$defs']['id'];
      opinion: components['schemas']['defs']['$defs']['nonEmptyText'];
      givenOn: components['schemas']['defs']['$defs']['date'];
    };
    /** CredentialsShown: the act's data as a client submits it */
    'act.CredentialsShown': {
      note?: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** DecisionDisclosed: the act's data as a client submits it */
    'act.DecisionDisclosed': {
      publishedOn: components['schemas']['defs']['$defs']['date'];
    };
    /** DecisionIssued: the act's data as a client submits it */
    'act.DecisionIssued': {
      decisionType: components['schemas']['defs']['$defs']['decisionType'];
      fineFen?: components['schemas']['defs']['$defs']['fen'];
      legalBasis: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description The decision's document number (文书号): it names this decision only among the agency's (409 document_number_taken when another case's decision bears it, issued with it or corrected to it). */
      documentNo: components['schemas']['defs']['$defs']['nonEmptyText'];
      decidedOn: components['schemas']['defs']['$defs']['date'];
      circumstance?: components['schemas']['defs']['$defs']['circumstance'];
      deviationReason?: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description The SHA-256 of the issued document (决定书) as a file; it must be one of the act's media. */
      documentSha256?: components['schemas']['defs']['$defs']['sha256'];
    };
    /**
     * DisclosureExempted: the act's data as a client submits it
     * @description A decision lawfully exempted from publication (不予公开): the ground, the provision that allows it, and why. Never published; shown to the agency and its supervisors.
     */
    'act.DisclosureExempted': {
      ground: components['schemas']['defs']['$defs']['exemptionGround'];
      legalBasis: components['schemas']['defs']['$defs']['nonEmptyText'];
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** DisclosureUpdated: the act's data as a client submits it */
    'act.DisclosureUpdated': {
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** DisclosureWithdrawn: the act's data as a client submits it */
    'act.DisclosureWithdrawn': {
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** DocumentServed: the act's data as a client submits it */
    'act.DocumentServed': {
      document: components['schemas']['defs']['$defs']['nonEmptyText'];
      method: components['schemas']['defs']['$defs']['serviceMethod'];
    };
    /** EvidenceCollected: the act's data as a client submits it */
    'act.EvidenceCollected': {
      description: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** ForcedDemolition: the act's data as a client submits it */
    'act.ForcedDemolition': {
      target: components['schemas']['defs']['$defs']['nonEmptyText'];
      legalBasis: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** HearingHeld: the act's data as a client submits it */
    'act.HearingHeld': {
      heldOn: components['schemas']['defs']['$defs']['date'];
    };
    /** LegalReviewCompleted: the act's data as a client submits it */
    'act.LegalReviewCompleted': {
      /** @enum {unknown} */
      outcome: 'approved' | 'rejected' | 'returned';
      opinion: components['schemas']['defs']['$defs']['nonEmptyText'];
      checks: components['schemas']['defs']['$defs']['reviewChecks'];
    };
    /** LegalReviewRequested: the act's data as a client submits it */
    'act.LegalReviewRequested': {
      /** @description The proposed handling; its reason for leaving the discretion benchmark is personal (sealed), the rest stays in clear. */
      proposed: components['schemas']['defs']['$defs']['proposal'];
      /** @description The submission materials (送审材料) submitted with the request, by the names the item's list gives them. */
      materials?: components['schemas']['defs']['$defs']['reviewMaterials'];
    };
    /** OnSiteInspectionRecorded: the act's data as a client submits it */
    'act.OnSiteInspectionRecorded': {
      location: components['schemas']['defs']['$defs']['nonEmptyText'];
      findings: components['schemas']['defs']['$defs']['nonEmptyText'];
      credentialsShown: boolean;
      partyNotified: boolean;
    };
    /** PartyNotified: the act's data as a client submits it */
    'act.PartyNotified': {
      grounds: components['schemas']['defs']['$defs']['nonEmptyText'];
      rights: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** PropertySeized: the act's data as a client submits it */
    'act.PropertySeized': {
      items: components['schemas']['defs']['$defs']['nonEmptyText'];
      legalBasis: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** RecordCorrected: the act's data as a client submits it */
    'act.RecordCorrected': {
      corrects: components['schemas']['defs']['$defs']['uuid'];
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description The corrected members, in the shape of the corrected act (members of one act's data, each valid as that act's schema says, at least one: the service checks them against the act schemas): never a sealed value, which the service makes of them (with a commitment to what they hold), so none is taken from a client. */
      data: Record<string, unknown>;
    };
    /** RecordingAttached: the act's data as a client submits it */
    'act.RecordingAttached': {
      description: components['schemas']['defs']['$defs']['nonEmptyText'];
      relatesTo?: components['schemas']['defs']['$defs']['id'];
      /** @description The recording device (执法记录仪) that made the recording: a registered device of the agency, neither lost nor retired. */
      deviceId?: components['schemas']['defs']['$defs']['id'];
    };
    /** ReviewDisagreementResolved: the act's data as a client submits it */
    'act.ReviewDisagreementResolved': {
      /** @enum {unknown} */
      outcome: 'proposal_upheld' | 'review_upheld';
      reasoning: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** POST /v1/applications/{applicationId}/acceptance: accept (受理) and open its case with these officers */
    'command.accept-application': {
      officers: components['schemas']['act.CaseOpened']['officers'];
      title?: components['schemas']['act.CaseOpened']['title'];
    };
    /** PUT /v1/agencies/{agency}/review-catalogue: a new version of the agency's catalogue of major decisions needing legal review (重大执法决定法制审核目录清单), with the agency's enforcement level and the reason */
    'command.adjust-review-catalogue': {
      agency: components['schemas']['defs']['$defs']['id'];
      level: components['schemas']['command.adjust-review-catalogue']['$defs']['level'];
      /** @description The whole catalogue; a decision is major when an entry matches it (every factor the entry names holds) or the item's own criteria say so. */
      entries: components['schemas']['command.adjust-review-catalogue']['$defs']['entry'][];
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
      $defs: {
        /**
         * @description The agency's enforcement level (执法层级).
         * @enum {unknown}
         */
        level: 'national' | 'province' | 'city' | 'county' | 'township';
        /** @description An entry: one or more factors, all of which a decision must meet to match. */
        entry: {
          entryId: components['schemas']['defs']['$defs']['id'];
          /** @description What the entry covers, as the published catalogue states it. */
          description: string;
          /** @description The decision matches when its type is one of these (行为类别). */
          decisionTypes?: components['schemas']['defs']['$defs']['decisionType'][];
          /** @description The case's item is of one of these categories (行为类别). */
          itemCategories?: components['schemas']['defs']['$defs']['itemCategory'][];
          /** @description The agency's enforcement level is one of these (执法层级). */
          levels?: components['schemas']['command.adjust-review-catalogue']['$defs']['level'][];
          /** @description The case's item belongs to one of these fields (所属领域, the item's `field`). */
          fields?: components['schemas']['command.register-item']['field'][];
          /** @description The decision's amount (the fine) is at least this many fen (涉案金额). */
          amountFenAtLeast?: components['schemas']['defs']['$defs']['fen'];
        };
      };
    };
    /** POST /v1/items/{code}/amendments: change members of an enforcement item (its materials, basis, major criteria, time limits, retention period), with the reason */
    'command.amend-item': {
      /** @description The members that change; the others keep their value. */
      changes: {
        name?: components['schemas']['command.register-item']['name'];
        category?: components['schemas']['command.register-item']['category'];
        field?: components['schemas']['command.register-item']['field'];
        legalBasis?: components['schemas']['command.register-item']['legalBasis'];
        duties?: components['schemas']['command.register-item']['duties'];
        powers?: components['schemas']['command.register-item']['powers'];
        major?: components['schemas']['command.register-item']['major'];
        reviewMaterials?: components['schemas']['command.register-item']['reviewMaterials'];
        reviewWorkingDays?: components['schemas']['command.register-item']['reviewWorkingDays'];
        disclosureWorkingDays?: components['schemas']['command.register-item']['disclosureWorkingDays'];
        retention?: components['schemas']['command.register-item']['retention'];
      };
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** POST /v1/officers/{officerId}/amendments: change members of an officer's record (a renewed certificate, roles, legal qualification, training, counsel role), with the reason */
    'command.amend-officer': {
      /** @description The members that change; the others keep their value. */
      changes: {
        name?: components['schemas']['command.register-officer']['name'];
        certificateNo?: components['schemas']['command.register-officer']['certificateNo'];
        validFrom?: components['schemas']['command.register-officer']['validFrom'];
        validTo?: components['schemas']['command.register-officer']['validTo'];
        roles?: components['schemas']['command.register-officer']['roles'];
        categories?: components['schemas']['command.register-officer']['categories'];
        legalQualification?: components['schemas']['command.register-officer']['legalQualification'];
        training?: components['schemas']['command.register-officer']['training'];
        counsel?: components['schemas']['command.register-officer']['counsel'];
      };
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** POST /v1/subjects/{subjectId}/amendments: change a regulated subject's name, kind, sector or tags, with the reason */
    'command.amend-subject': {
      changes: components['schemas']['event.SubjectAmended']['changes'];
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** POST /v1/devices/{deviceId}/changes: hand the device to another officer, or change its status, with the reason */
    'command.change-device': {
      /** @description The officer who holds the device from now on. */
      holder?: components['schemas']['defs']['$defs']['id'];
      status?: components['schemas']['event.DeviceStatusChanged']['status'];
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /**
     * PATCH /v1/webhooks/{id}: change a subscription
     * @description Members absent stay as they are. `eventTypes: null` means every type again; `enabled: true` turns a disabled subscription back on; `rotateKey: true` makes a new secret or key pair, returned once.
     */
    'command.change-webhook': {
      /** @description Where deliveries are POSTed: https (http only for hosts the operator allow-lists); no credentials, no fragment, no port 0, no spaces or control characters; the same URL, event types and payload as another subscription of the agency is 409 webhook_duplicate. */
      url?: string;
      /** @description Only events of these types; `null`: every event of the agency again; absent: as it is. With the public payload (`payload: public`), only the types that have a public record: DecisionDisclosed, DisclosureUpdated, DisclosureWithdrawn; another is 400 invalid_body. */
      eventTypes?: string[] | null;
      /**
       * @description What each delivery carries: `envelope` (the default), the whole signed event; or `public`, only for the events that have a public record (a decision disclosed, updated or withdrawn), that record as `GET /v1/disclosures` shows it, redacted, with the event id, log position and event hash to check it in the ledger.
       * @enum {unknown}
       */
      payload?: 'envelope' | 'public';
      /** @constant */
      enabled?: true;
      /** @constant */
      rotateKey?: true;
    };
    /** POST /v1/webhooks: subscribe a receiver to the agency's events */
    'command.create-webhook': {
      /** @description Where deliveries are POSTed: https (http only for hosts the operator allow-lists); no credentials, no fragment, no port 0, no spaces or control characters; the same URL, event types and payload as another subscription of the agency is 409 webhook_duplicate. */
      url: string;
      /** @description Only events of these types; absent: every event of the agency. With the public payload (`payload: public`), only the types that have a public record: DecisionDisclosed, DisclosureUpdated, DisclosureWithdrawn; another is 400 invalid_body. */
      eventTypes?: string[];
      /**
       * @description What each delivery carries: `envelope` (the default), the whole signed event; or `public`, only for the events that have a public record (a decision disclosed, updated or withdrawn), that record as `GET /v1/disclosures` shows it, redacted, with the event id, log position and event hash to check it in the ledger.
       * @enum {unknown}
       */
      payload?: 'envelope' | 'public';
      /**
       * @description How deliveries are signed (Standard Webhooks): hmac-sha256 (`v1,`, a `whsec_` secret, the default) or ed25519 (`v1a,`, the receiver holds a `whpk_` public key).
       * @enum {unknown}
       */
      signing?: 'hmac-sha256' | 'ed25519';
    };
    /** POST /v1/subjects/{subjectId}/conflicts: an officer's conflict of interest with the subject (回避) */
    'command.declare-conflict': {
      officerId: components['schemas']['defs']['$defs']['id'];
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** POST /v1/cases/{caseId}/drafts: the decision a handling officer proposes, to draft its document from the case file */
    'command.draft-decision': {
      decisionType: components['schemas']['act.DecisionIssued']['decisionType'];
      fineFen?: components['schemas']['act.DecisionIssued']['fineFen'];
      legalBasis: components['schemas']['act.DecisionIssued']['legalBasis'];
      documentNo: components['schemas']['act.DecisionIssued']['documentNo'];
      decidedOn: components['schemas']['act.DecisionIssued']['decidedOn'];
      /** @description The facts as the document states them; the findings of the case's inspections when absent. Kept by the draft sealed under the case's data key (docs/privacy.md). */
      facts?: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description The reasons for the decision (why this decision, this amount). Kept by the draft sealed under the case's data key (docs/privacy.md). */
      reasons?: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** POST /v1/applications/{applicationId}/erasure: erase the applicant's personal data of an application that opened no case, by destroying its data key, naming the legal ground */
    'command.erase-application': {
      ground: components['schemas']['command.erase-case']['ground'];
      reason: components['schemas']['command.erase-case']['reason'];
    };
    /** POST /v1/cases/{caseId}/erasure: erase the case's personal data by destroying its data key, naming the legal ground */
    'command.erase-case': {
      /**
       * @description The case of 个人信息保护法 第四十七条 (PIPL Article 47) that requires the deletion: (1) purpose_fulfilled, (2) retention_expired, (3) consent_withdrawn, (4) unlawful_processing, (5) other_legal_ground.
       * @enum {unknown}
       */
      ground:
        'purpose_fulfilled' | 'retention_expired' | 'consent_withdrawn' | 'unlawful_processing' | 'other_legal_ground';
      /** @description Why, in words: the request or decision that asks for it, the retention rule that ended. */
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** POST /v1/cases/{caseId}/evaluations: a supervisor's evaluation (案卷评查) of a closed case file */
    'command.evaluate-case-file': {
      /** @description Each point of the checklist scored from 0 to 10; a score below 10 says why in its comment. */
      scores: {
        subjectLawful: components['schemas']['command.evaluate-case-file']['$defs']['pointScore'];
        officersQualified: components['schemas']['command.evaluate-case-file']['$defs']['pointScore'];
        procedureLawful: components['schemas']['command.evaluate-case-file']['$defs']['pointScore'];
        factsClear: components['schemas']['command.evaluate-case-file']['$defs']['pointScore'];
        evidenceSufficient: components['schemas']['command.evaluate-case-file']['$defs']['pointScore'];
        lawAppliedCorrectly: components['schemas']['command.evaluate-case-file']['$defs']['pointScore'];
        discretionAppropriate: components['schemas']['command.evaluate-case-file']['$defs']['pointScore'];
        withinAuthority: components['schemas']['command.evaluate-case-file']['$defs']['pointScore'];
        documentsComplete: components['schemas']['command.evaluate-case-file']['$defs']['pointScore'];
      };
      /** @description Why an evaluation this supervisor recorded before is amended: required then. */
      reason?: components['schemas']['defs']['$defs']['nonEmptyText'];
      $defs: {
        pointScore: {
          score: number;
          comment?: components['schemas']['defs']['$defs']['nonEmptyText'];
        };
      };
    };
    /** POST /v1/applications: an application for a licensing item (the `application` part of the form; the files are `attachment` parts) */
    'command.file-application': {
      agency: components['schemas']['defs']['$defs']['id'];
      itemCode: components['schemas']['defs']['$defs']['id'];
      applicant: components['schemas']['command.file-application']['$defs']['applicant'];
      /** @description What is applied for (申请事项及内容). */
      request: string;
      $defs: {
        /** @description Who applies. Personal data: never logged, never on a public page; members marked x-personal are sealed in the ApplicationFiled event (docs/privacy.md). */
        applicant: {
          /** @enum {unknown} */
          kind: 'person' | 'organization';
          name: string;
          idNumber?: string;
          phone: string;
          /** Format: email */
          email?: string;
          address?: string;
        };
        /** @description A file filed with the application, by its digest; its name as the applicant's device gave it. */
        attachment: {
          sha256: components['schemas']['defs']['$defs']['sha256'];
          size: number;
          /** @enum {unknown} */
          contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
          name: string;
        };
      };
    };
    /** POST /v1/officers/{officerId}/reinstatement: reinstate a suspended officer (恢复执法资格), with the reason */
    'command.officer-reinstatement': components['schemas']['event.OfficerReinstated'];
    /** POST /v1/officers/{officerId}/retirement: retire an officer (离岗): for good, with the reason; the officer's keys can still be revoked */
    'command.officer-retirement': components['schemas']['event.OfficerRetired'];
    /** POST /v1/officers/{officerId}/suspension: suspend an officer (暂停执法资格): named in no act and recording none until reinstated, with the reason */
    'command.officer-suspension': components['schemas']['event.OfficerSuspended'];
    /** POST /v1/cases: open a case; the service picks a caseId when none is given */
    'command.open-case': {
      caseId?: components['schemas']['act.CaseOpened']['caseId'];
      itemCode: components['schemas']['act.CaseOpened']['itemCode'];
      title: components['schemas']['act.CaseOpened']['title'];
      openedOn: components['schemas']['act.CaseOpened']['openedOn'];
      officers: components['schemas']['act.CaseOpened']['officers'];
      parties: components['schemas']['act.CaseOpened']['parties'];
    };
    /** POST /v1/inspections: an inspection plan under an entry of the random-inspection list */
    'command.plan-inspection': {
      planId: components['schemas']['defs']['$defs']['id'];
      agency: components['schemas']['defs']['$defs']['id'];
      entryId: components['schemas']['defs']['$defs']['id'];
      title: string;
      /** @description Which subjects the draw selects: each list given must contain the subject's kind, sector, or one of its tags. */
      targets: {
        kinds?: components['schemas']['command.register-subject']['kind'][];
        sectors?: components['schemas']['defs']['$defs']['id'][];
        tags?: components['schemas']['defs']['$defs']['id'][];
      };
      /** @description How many subjects are drawn: a count, or a whole percentage of the candidates rounded up. */
      sample:
        | {
            count: number;
          }
        | {
            percent: number;
          };
      inspectorsPerTarget: number;
      /** @description The future tree size S of the Merkle log whose root hash seeds the draw. */
      drawAtSize: number;
      startsOn: components['schemas']['defs']['$defs']['date'];
      endsOn: components['schemas']['defs']['$defs']['date'];
    };
    /** PUT /v1/agencies/{agency}/flow-charts/{itemCode}: a new version of an enforcement item's flow chart (行政执法事项流程图) */
    'command.publish-flow-chart': {
      /** @description The chart's title, e.g. the item's name and 流程图. */
      title: string;
      /** @description The steps: exactly one start, at least one end. */
      nodes: {
        /** @description The node's id, unique in the chart. */
        id: string;
        /** @enum {unknown} */
        kind: 'start' | 'step' | 'decision' | 'end';
        /** @description What is done (or asked, at a decision); shown in the box. */
        label: string;
        /** @description Who does it, the time limit, the documents: shown in the text version. */
        note?: string;
      }[];
      /** @description The ways from one node to the next; a decision's each carry their condition. */
      edges: {
        from: string;
        to: string;
        /** @description The condition (at a decision) or a remark. */
        label?: string;
      }[];
      /** @description What this version changes, and why (not part of the document). */
      note?: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** PUT /v1/agencies/{agency}/inspection-list/{entryId}: a new version of an entry of the random-inspection list */
    'command.publish-inspection-entry': {
      /** @description 抽查主体: who inspects. */
      subject: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description 抽查依据: the legal basis. */
      basis: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description 抽查对象: which regulated subjects are drawn from. */
      targets: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description 抽查内容: what is checked. */
      content: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description 抽查比例: the share of the targets drawn, in basis points (1 = 0.01 %, 10000 = every target). */
      ratioBasisPoints: number;
      /** @description 抽查方式: how the inspection is made. */
      method: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description 抽查频次: how often. */
      frequency: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description The enforcement item this inspection belongs to: a current item of the agency. */
      itemCode?: components['schemas']['defs']['$defs']['id'];
      /** @description What this version changes, and why (not part of the document). */
      note?: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** PUT /v1/agencies/{agency}/post-boards/{boardId}: a new version of a service window's post information board (岗位信息公示牌) */
    'command.publish-post-board': {
      /** @description 窗口: the service window the board stands at. */
      window: string;
      /** @description 姓名: the officer at the window. */
      officerName: string;
      /** @description The officer's id in the agency's register: a current officer of the agency. */
      officerId?: components['schemas']['defs']['$defs']['id'];
      /** @description 单位 */
      unit: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description 职务 */
      post: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description 执法种类 */
      enforcementType: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description 岗位职责 */
      duties: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description 申请材料示范文本: the model texts on offer, by title. */
      sampleMaterials: components['schemas']['defs']['$defs']['nonEmptyText'][];
      /** @description 办理进度查询: where and how to follow an application. */
      progressLookup: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description 咨询服务 */
      consultation: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description 投诉举报 */
      complaints: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description What this version changes, and why (not part of the document). */
      note?: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** PUT /v1/agencies/{agency}/recording-list: a new version of the agency's list of acts recorded on audio or video (音像记录事项清单) */
    'command.publish-recording-list': {
      agency: components['schemas']['defs']['$defs']['id'];
      /** @description The whole list; it must hold seizure (PropertySeized) and forced demolition (ForcedDemolition) on audio or video for every item. */
      entries: components['schemas']['command.publish-recording-list']['$defs']['entry'][];
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
      $defs: {
        /**
         * @description An act done on site or before the party.
         * @enum {unknown}
         */
        actType:
          | 'OnSiteInspectionRecorded'
          | 'CredentialsShown'
          | 'PartyNotified'
          | 'EvidenceCollected'
          | 'PropertySeized'
          | 'ForcedDemolition'
          | 'DocumentServed'
          | 'HearingHeld';
        /**
         * @description audio_video: an audio/* or video/* medium; any_medium: any medium (photo, recording, copy of a notice).
         * @enum {unknown}
         */
        method: 'audio_video' | 'any_medium';
        /** @description For DocumentServed: the service methods covered; every method when absent. */
        serviceMethods: components['schemas']['defs']['$defs']['serviceMethod'][];
        /** @description A recording duty of a case, as fixed at its opening. */
        duty: {
          actType: components['schemas']['command.publish-recording-list']['$defs']['actType'];
          serviceMethods?: components['schemas']['command.publish-recording-list']['$defs']['serviceMethods'];
          method: components['schemas']['command.publish-recording-list']['$defs']['method'];
        };
        entry: {
          entryId: components['schemas']['defs']['$defs']['id'];
          actType: components['schemas']['command.publish-recording-list']['$defs']['actType'];
          /** @description The enforcement items covered; every item of the agency when absent. */
          itemCodes?: components['schemas']['defs']['$defs']['id'][];
          serviceMethods?: components['schemas']['command.publish-recording-list']['$defs']['serviceMethods'];
          method: components['schemas']['command.publish-recording-list']['$defs']['method'];
          /** @description What is recorded (记录内容). */
          content: components['schemas']['defs']['$defs']['nonEmptyText'];
          /** @description The key stages recorded (关键环节). */
          keyStages: components['schemas']['defs']['$defs']['nonEmptyText'][];
          /** @description Where (执法场所). */
          place: components['schemas']['defs']['$defs']['nonEmptyText'];
        };
      };
    };
    /** PUT /v1/agencies/{agency}/review-charts/{id}: a new version of the flow chart of the agency's legal review of major decisions (重大执法决定法制审核流程图), of the same form as an item's flow chart */
    'command.publish-review-chart': components['schemas']['command.publish-flow-chart'];
    /** PUT /v1/agencies/{agency}/service-guides/{itemCode}: a new version of a licensing item's service guide (行政执法服务指南) */
    'command.publish-service-guide': {
      /** @description 事项名称: the item's name. */
      name: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description 依据: the legal basis. */
      basis: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description 受理机构: the office that accepts applications. */
      acceptingOffice: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description 条件: who may apply, on what conditions. */
      conditions: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description 优惠政策: preferential policies (“无” where there are none). */
      preferentialPolicies: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description 申请材料: the documents to bring, one per entry. */
      materials: components['schemas']['defs']['$defs']['nonEmptyText'][];
      /** @description 办理流程: the procedure. */
      procedure: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description 办理时限: the time limit, as the law states it. */
      timeLimit: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description 监督方式: how the handling is supervised. */
      supervision: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description 责任追究: accountability. */
      accountability: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description 救济渠道: administrative reconsideration, litigation. */
      remedies: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description 办公时间: office hours. */
      hours: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description 办公地址: office address. */
      address: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description 办公电话: office telephone number(s). */
      telephone: string;
      /** @description What this version changes, and why (not part of the document). */
      note?: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** POST /v1/cases/{caseId}/acts: record one act; data is checked against the schema of its type */
    'command.record-act': {
      /** @enum {unknown} */
      type:
        | 'OnSiteInspectionRecorded'
        | 'CredentialsShown'
        | 'PartyNotified'
        | 'EvidenceCollected'
        | 'RecordingAttached'
        | 'PropertySeized'
        | 'ForcedDemolition'
        | 'DocumentServed'
        | 'HearingHeld'
        | 'CaseMarkedComplex'
        | 'CounselOpinionRecorded'
        | 'LegalReviewRequested'
        | 'LegalReviewCompleted'
        | 'ReviewDisagreementResolved'
        | 'DecisionIssued'
        | 'DecisionDisclosed'
        | 'DisclosureWithdrawn'
        | 'DisclosureUpdated'
        | 'DisclosureExempted'
        | 'RecordCorrected'
        | 'CaseClosed';
      occurredAt: components['schemas']['defs']['$defs']['dateTime'];
      officers?: components['schemas']['defs']['$defs']['id'][];
      data: Record<string, unknown>;
      /** @description The event id a signing client chose (a UUIDv7, RFC 9562), given with actorSig and only then: the officer's signature covers it, and a retry of the same body finds the same event (no Idempotency-Key needed). */
      id?: components['schemas']['defs']['$defs']['uuid'];
      /** @description The acting officer's own signature of the act (docs/integrity.md §6), by a key registered for the officer (POST /v1/officers/{officerId}/keys). */
      actorSig?: {
        /** @constant */
        alg: 'Ed25519';
        keyId: components['schemas']['defs']['$defs']['sha256'];
        /** @description Standard base64 of the 64-byte signature. */
        value: string;
      };
      /** @description With actorSig: the 32-byte salt (base64url, no padding) of each personal field of the act that the service seals, by its JSON Pointer in data (docs/integrity.md §6, §16). */
      salts?: {
        [key: string]: string;
      };
      /** @description Digests of media uploaded before (POST /v1/media), at most 100 per act: each is looked up in the log before the act is decided. */
      media?: components['schemas']['defs']['$defs']['sha256'][];
    } & (unknown &
      unknown &
      unknown &
      unknown &
      unknown &
      unknown &
      unknown &
      unknown &
      unknown &
      unknown &
      unknown &
      unknown &
      unknown &
      unknown &
      unknown &
      unknown &
      unknown &
      unknown &
      unknown &
      unknown &
      unknown);
    /**
     * Record several acts on one case, atomically
     * @description Body of POST /v1/cases/{caseId}/acts:batch. The acts are decided in order and recorded all together, or none is.
     */
    'command.record-acts-batch': {
      acts: components['schemas']['command.record-act'][];
    };
    /**
     * PUT /v1/calendar/{year}: record a year's official holidays and make-up working days
     * @description Replaces the schedule of that year in use (shipped with the service, or recorded before). The days lie in the year or in the December before it.
     */
    'command.record-calendar-year': {
      holidays: components['schemas']['defs']['$defs']['calendarHolidays'];
      workdays: components['schemas']['defs']['$defs']['makeUpWorkdays'];
      /** @description The notice: its title and number. */
      source: string;
      /**
       * Format: uri
       * @description Where the notice is published (https).
       */
      url?: string;
    };
    /** POST /v1/inspections/{planId}/draw: record the draw; a seed or targets given must be the recomputation's */
    'command.record-draw': {
      seed?: components['schemas']['defs']['$defs']['sha256'];
      targets?: {
        subjectId: components['schemas']['defs']['$defs']['id'];
        inspectors: components['schemas']['defs']['$defs']['id'][];
      }[];
    };
    /** POST /v1/inspections/{planId}/outcomes: the outcome of inspecting one drawn target */
    'command.record-outcome': {
      subjectId: components['schemas']['defs']['$defs']['id'];
      /** @enum {unknown} */
      outcome: 'no_problem' | 'problems_found' | 'not_located';
      summary: string;
      inspectedOn: components['schemas']['defs']['$defs']['date'];
      caseId?: components['schemas']['defs']['$defs']['id'];
    };
    /** PUT /v1/agencies/{agency}/statistics/{year}/publication: the day the agency published its yearly enforcement statistics (due by 20 January of the next year), and where */
    'command.record-statistics-publication': {
      agency: components['schemas']['defs']['$defs']['id'];
      /** @description The day the figures were published, in the agency's calendar: after the year ended, and not after today. */
      publishedOn: components['schemas']['defs']['$defs']['date'];
      /**
       * Format: uri
       * @description Where they are published (https).
       */
      url?: string;
    };
    /** POST /v1/devices: a recording device (执法记录仪) of the agency and the officer who holds it */
    'command.register-device': {
      deviceId: components['schemas']['defs']['$defs']['id'];
      agency: components['schemas']['defs']['$defs']['id'];
      /** @description The officer who holds the device. */
      holder: components['schemas']['defs']['$defs']['id'];
      model?: components['schemas']['defs']['$defs']['nonEmptyText'];
      serialNo?: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** POST /v1/items: an entry of the enforcement-item list */
    'command.register-item': {
      code: components['schemas']['defs']['$defs']['id'];
      agency: components['schemas']['defs']['$defs']['id'];
      name: components['schemas']['defs']['$defs']['nonEmptyText'];
      category: components['schemas']['defs']['$defs']['itemCategory'];
      /** @description The field of administration the item belongs to (所属领域, e.g. 食品安全), as the agency names it; the review catalogue's entries may match by it. */
      field?: string;
      legalBasis: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description The duties (职责) the agency carries out through the item, as the published list states them. */
      duties?: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description The powers (权限) the item gives the agency, and their limits, as the published list states them. */
      powers?: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description When a decision on a case of this item is major and needs a legal review first. */
      major?: {
        fineFenAtLeast?: components['schemas']['defs']['$defs']['fen'];
        decisionTypes?: components['schemas']['defs']['$defs']['decisionType'][];
      };
      reviewMaterials?: components['schemas']['defs']['$defs']['reviewMaterials'];
      /** @description Working days a legal review of a case of this item has from its request (审核时限); 5 when absent. */
      reviewWorkingDays?: number;
      /** @description Working days to publish a decision, where the item's legal basis sets its own deadline. */
      disclosureWorkingDays?: number;
      /** @description How long a closed case's file is kept (保管期限), from the day the case closed: whole calendar years, or "permanent". When absent: permanent for a major case, else 30 years (penalty, licensing, coercive, levy) or 10 years (inspection, other). */
      retention?: number | 'permanent';
    };
    /** POST /v1/officers: an officer and the enforcement certificate that lets them act */
    'command.register-officer': {
      officerId: components['schemas']['defs']['$defs']['id'];
      name: components['schemas']['defs']['$defs']['nonEmptyText'];
      agency: components['schemas']['defs']['$defs']['id'];
      certificateNo: string;
      validFrom: components['schemas']['defs']['$defs']['date'];
      validTo: components['schemas']['defs']['$defs']['date'];
      roles: components['schemas']['defs']['$defs']['role'][];
      /** @description Enforcement categories the certificate covers (shown on the public officer list). */
      categories?: components['schemas']['defs']['$defs']['nonEmptyText'][];
      /** @description The officer's legal professional qualification (法律职业资格): the certificate's number and the day it was granted. Only qualified reviewers count toward the 5% ratio. */
      legalQualification?: {
        certificateNo: string;
        grantedOn: components['schemas']['defs']['$defs']['date'];
      };
      /** @description The officer's training records (定期培训): each course and the day it was completed. */
      training?: {
        course: string;
        completedOn: components['schemas']['defs']['$defs']['date'];
        hours?: number;
      }[];
      /** @description The role in which this person gives legal opinions on cases (法律顾问 legal adviser, 公职律师 public-sector lawyer), when they do. */
      counsel?: components['schemas']['defs']['$defs']['counselRole'];
    };
    /** POST /v1/officers/{officerId}/keys: an officer's own Ed25519 signing key, optionally with an X.509 certificate of it, and the days it may sign acts on */
    'command.register-officer-key': {
      /** @constant */
      alg?: 'Ed25519';
      /** @description The public key: standard base64 of its SubjectPublicKeyInfo DER (the form recorded), or its PEM. */
      publicKey: string;
      /** @description The PEM of an X.509 certificate whose subject public key is publicKey; its notBefore and notAfter give the validity not stated. */
      certificate?: string;
      /** @description The first day acts signed with the key may have occurred on; without a certificate it is required (422 officer_key_validity_required). */
      validFrom?: components['schemas']['defs']['$defs']['date'];
      /** @description The last such day; none means no end (or the certificate's). */
      validTo?: components['schemas']['defs']['$defs']['date'];
    };
    /** POST /v1/subjects: a regulated subject of the agency's directory (检查对象名录) */
    'command.register-subject': {
      subjectId: components['schemas']['defs']['$defs']['id'];
      agency: components['schemas']['defs']['$defs']['id'];
      name: string;
      /** @enum {unknown} */
      kind: 'enterprise' | 'individual_business' | 'institution' | 'other';
      sector: components['schemas']['defs']['$defs']['id'];
      /** @description Tags a plan's selector may target. */
      tags?: components['schemas']['defs']['$defs']['id'][];
    };
    /** POST /v1/applications/{applicationId}/rejection: refuse to accept (不予受理), with the reason and its legal basis */
    'command.reject-application': {
      reason: string;
      legalBasis: string;
    };
    /** POST /v1/items/{code}/retirement: take an enforcement item off the agency's list (no case opens under it again), with the reason */
    'command.retire-item': components['schemas']['event.ItemRetired'];
    /** POST /v1/subjects/{subjectId}/retirement: take a regulated subject off the directory, with the reason */
    'command.retire-subject': components['schemas']['event.SubjectRetired'];
    /** POST /v1/officers/{officerId}/keys/{keyId}/revocation: why, and from when, acts signed with the officer's key are refused */
    'command.revoke-officer-key': {
      /** @description Why the key is revoked: a reason about the key (遗失, 调岗, 泄露), published on the officer list as revocationReason. */
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description An RFC 3339 instant with its offset, or a date (from 00:00 UTC of that day): acts recorded from then on and signed with the key are refused. */
      revokedFrom: components['schemas']['defs']['$defs']['dateTime'] | components['schemas']['defs']['$defs']['date'];
    };
    /**
     * POST /v1/tokens/revocations: revoke one token by its jti, or every token of a subject issued before a time
     * @description Acts within the caller's agency. `before` may not be later than the server's clock.
     */
    'command.revoke-tokens':
      | {
          /** @description A token's jti claim (visible ASCII). */
          jti: string;
          reason?: components['schemas']['defs']['$defs']['nonEmptyText'];
        }
      | {
          /** @description A token's sub claim. */
          sub: string;
          before: components['schemas']['defs']['$defs']['dateTime'];
          reason?: components['schemas']['defs']['$defs']['nonEmptyText'];
        };
    /** PUT /v1/agencies/{agency}/profile: what the agency says of itself to the public (行政执法主体): its name, office address, hours and telephones; the whole profile each time */
    'command.set-agency-profile': {
      agency: components['schemas']['defs']['$defs']['id'];
      /** @description The agency's full name, as its documents are headed (县司法局); the pages show the agency by it, and no two agencies hold the same name (409 agency_name_taken). One line: a visible character, no control or format character (no line break, tab or direction mark), no white space at either end; so are the other members but the reason. */
      name: string;
      /** @description 办公地址: where the agency receives the public. */
      address?: string;
      /** @description 办公电话. */
      telephone?: string;
      /** @description 办公时间. */
      hours?: string;
      /** @description 监督投诉电话: where the public reports a problem with the agency's enforcement. */
      supervisionTelephone?: string;
      /** @description Why the profile changed (机构更名, 搬迁): shown in its history. */
      reason?: string;
    };
    /** POST /v1/benchmarks: a version of an enforcement item's discretion benchmark (裁量基准) */
    'command.set-benchmark': {
      itemCode: components['schemas']['defs']['$defs']['id'];
      agency: components['schemas']['defs']['$defs']['id'];
      /** @description The rule or notice the benchmark is published under. */
      basis: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description The fine range of each circumstance, in integer fen; each circumstance once. */
      circumstances: {
        circumstance: components['schemas']['defs']['$defs']['circumstance'];
        description: components['schemas']['defs']['$defs']['nonEmptyText'];
        minFen: components['schemas']['defs']['$defs']['fen'];
        maxFen: components['schemas']['defs']['$defs']['fen'];
      }[];
      /** @description Why the benchmark changes: required from the second version on. */
      reason?: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** PUT /v1/agencies/{agency}/decision-templates/{decisionType}: the agency's own template of a decision type (structured data: title, sections of paragraphs with placeholders, remedies), or null to return to the shipped one, and why */
    'command.set-decision-template': {
      template: components['schemas']['command.set-decision-template']['$defs']['template'] | null;
      /** @description Why the template changes. */
      reason: string;
      $defs: {
        /** @description Text in which {name} names a placeholder the renderer fills; no other braces. */
        text: string;
        /** @description A decision document template: data, never code. Placeholders are those of docs/drafting.md; a paragraph that is exactly {parties} or {evidence} becomes one line per party or piece of evidence. */
        template: {
          /** @description The document title, such as 行政处罚决定书. */
          title: string;
          /** @description The issuing agency’s full name; the agency code when absent. */
          issuer?: string;
          sections: {
            /** @description The section heading. */
            heading?: string;
            /**
             * @description right for the closing (issuer, seal, date); left otherwise.
             * @enum {unknown}
             */
            align?: 'left' | 'right';
            paragraphs: components['schemas']['command.set-decision-template']['$defs']['text'][];
          }[];
          remedies: {
            /** @description The body that hears an application for administrative review (行政复议机关). */
            reviewBody: string;
            /** @description Days from receipt to apply for review. */
            reviewDays: number;
            /** @description The court where an administrative suit is brought. */
            court: string;
            /** @description Months from receipt to bring a suit. */
            litigationMonths: number;
          };
        };
      };
    };
    /** PUT /v1/agencies/{agency}/review-settings: the agency's legal review time limit (审核时限) in working days, for items that set none of their own, and why */
    'command.set-review-settings': {
      agency: components['schemas']['defs']['$defs']['id'];
      /** @description Working days a legal review has from its request. */
      reviewWorkingDays: number;
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** POST /v1/subjects/{subjectId}/conflicts/{officerId}/withdrawal: end a declared conflict of interest, with the reason (admin) */
    'command.withdraw-conflict': {
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** POST …/withdrawal: withdraw a published document for good, saying why */
    'command.withdraw-document': {
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    defs: {
      $defs: {
        /**
         * Format: date
         * @description A calendar date, YYYY-MM-DD.
         */
        date: string;
        /**
         * Format: date-time
         * @description An RFC 3339 date-time with an explicit offset (Z or ±hh:mm): the local day of an act is read from it. No leap second (seconds 00 to 59): ECMAScript's Date, and many of the systems that read the ledger's events, cannot place 23:59:60.
         */
        dateTime: string;
        /** @description A SHA-256 digest, 64 lowercase hex digits. */
        sha256: string;
        /** @description An amount of money in integer fen (0.01 yuan). */
        fen: number;
        /** @description The number of a version of a published document (事前公开, 动态管理), from 1. */
        documentVersion: number;
        /** @description The members of a published document whose value differs from the version before, in name order; empty for the first version. */
        changedMembers: string[];
        /** @description The submission materials (送审材料) of a legal review, by name: what an item requires, or what a request submits. */
        reviewMaterials: string[];
        /** @description Free text: at least one visible character (not white space, not a control, format or filler character such as a zero-width space, a soft hyphen or a Hangul filler), and no control character but tab, line feed and carriage return. */
        nonEmptyText: string;
        /** @description An identifier chosen by the agency: officer, item, agency or case. */
        id: string;
        /** @description A UUID in lowercase, as event ids are written. */
        uuid: string;
        /** @enum {unknown} */
        decisionType:
          | 'warning'
          | 'fine'
          | 'confiscation'
          | 'business_suspension'
          | 'license_suspension'
          | 'license_revocation'
          | 'license_granted'
          | 'license_denied'
          | 'coercive_measure'
          | 'other';
        /** @enum {unknown} */
        serviceMethod: 'direct' | 'left' | 'public_notice' | 'mail' | 'electronic';
        /**
         * @description A lawful ground for not publishing a decision: state secret, trade secret, personal privacy, or another law or administrative regulation.
         * @enum {unknown}
         */
        exemptionGround: 'state_secret' | 'trade_secret' | 'personal_privacy' | 'other_law';
        /**
         * @description Where a case stands: open → decided → disclosed (or exempted from publication) → closed; withdrawn after a publication is withdrawn; referred after a suspected crime.
         * @enum {unknown}
         */
        caseStatus: 'open' | 'decided' | 'disclosed' | 'withdrawn' | 'exempted' | 'referred' | 'closed';
        /** @enum {unknown} */
        itemCategory: 'penalty' | 'licensing' | 'coercive' | 'inspection' | 'levy' | 'other';
        /** @enum {unknown} */
        role: 'officer' | 'reviewer' | 'supervisor' | 'admin' | 'integration';
        /**
         * @description The role in which a person gives legal opinions on cases: legal adviser (法律顾问) or public-sector lawyer (公职律师).
         * @enum {unknown}
         */
        counselRole: 'legal_adviser' | 'public_lawyer';
        /** @description A party to a case. Only kind and (for persons, masked) name are ever published. Members marked x-personal are personal data: new events hold them sealed (docs/privacy.md). */
        party: {
          /** @enum {unknown} */
          kind: 'person' | 'organization';
          /** @description One line (no control character, no line or paragraph separator), and no bidirectional embedding, override or isolate control (U+202A to U+202E, U+2066 to U+2069), which would turn the masked name around where it is published. */
          name: components['schemas']['defs']['$defs']['nonEmptyText'];
          idNumber?: string;
          /** @description One line, without control or format characters. */
          phone?: string;
          address?: components['schemas']['defs']['$defs']['nonEmptyText'];
        };
        /** @description A personal field as an event records it: sealed under the case's data key, with a salted commitment (docs/integrity.md, Sealed fields). */
        sealedValue: {
          /** @constant */
          sealed: 'aes-256-gcm/v1';
          commitment: string;
          iv: string;
          /** @description The ciphertext and its 16-byte tag, base64url: longer than the value it seals, which was bounded in the clear; at most what the event data's 262,144 bytes in canonical form can hold. */
          ct: string;
        };
        /** @description A party as a CaseOpened event records it: its personal members (see party) clear in events recorded before sealing, sealed after. */
        recordedParty: {
          kind: components['schemas']['defs']['$defs']['party']['kind'];
          name:
            | components['schemas']['defs']['$defs']['nonEmptyText']
            | components['schemas']['defs']['$defs']['sealedValue'];
          idNumber?:
            | components['schemas']['defs']['$defs']['party']['idNumber']
            | components['schemas']['defs']['$defs']['sealedValue'];
          phone?:
            | components['schemas']['defs']['$defs']['party']['phone']
            | components['schemas']['defs']['$defs']['sealedValue'];
          address?:
            | components['schemas']['defs']['$defs']['nonEmptyText']
            | components['schemas']['defs']['$defs']['sealedValue'];
        };
        /** @description A proposed handling of the case, as put to legal review. */
        proposal: {
          decisionType: components['schemas']['defs']['$defs']['decisionType'];
          fineFen?: components['schemas']['defs']['$defs']['fen'];
          legalBasis: components['schemas']['defs']['$defs']['nonEmptyText'];
          circumstance?: components['schemas']['defs']['$defs']['circumstance'];
          deviationReason?: components['schemas']['defs']['$defs']['nonEmptyText'];
        };
        /** @description A proposed handling of the case as a request for legal review records it: its reason for leaving the discretion benchmark sealed in requests recorded since it is sealed, in clear before (docs/privacy.md). */
        recordedProposal: {
          decisionType: components['schemas']['defs']['$defs']['decisionType'];
          fineFen?: components['schemas']['defs']['$defs']['fen'];
          legalBasis: components['schemas']['defs']['$defs']['nonEmptyText'];
          circumstance?: components['schemas']['defs']['$defs']['circumstance'];
          deviationReason?:
            | components['schemas']['defs']['$defs']['nonEmptyText']
            | components['schemas']['defs']['$defs']['sealedValue'];
        };
        /**
         * @description A circumstance a discretion benchmark (裁量基准) grades: 轻微, 一般, 较重, 严重.
         * @enum {unknown}
         */
        circumstance: 'minor' | 'ordinary' | 'serious' | 'very_serious';
        /** @description What the rules found of a fine against its item's discretion benchmark; within false: outside the range, with a written reason. */
        discretionFinding: {
          circumstance: components['schemas']['defs']['$defs']['circumstance'];
          benchmarkVersion: number;
          minFen: components['schemas']['defs']['$defs']['fen'];
          maxFen: components['schemas']['defs']['$defs']['fen'];
          within: boolean;
        };
        /** @description The ten points a legal review checks; criminalReferralNeeded must be false to approve. */
        reviewChecks: {
          subjectLawful: boolean;
          officersQualified: boolean;
          procedureLawful: boolean;
          factsClear: boolean;
          evidenceSufficient: boolean;
          lawAppliedCorrectly: boolean;
          discretionAppropriate: boolean;
          withinAuthority: boolean;
          documentsComplete: boolean;
          criminalReferralNeeded: boolean;
        };
        mediaRef: {
          sha256: components['schemas']['defs']['$defs']['sha256'];
          size: number;
          contentType: string;
        };
        /** @description A year's public holidays as the State Council's notice gives them: each holiday's name and its days off. */
        calendarHolidays: {
          name: string;
          days: components['schemas']['defs']['$defs']['date'][];
        }[];
        /** @description A year's make-up working days (调休): Saturdays or Sundays worked in exchange for a longer holiday. */
        makeUpWorkdays: components['schemas']['defs']['$defs']['date'][];
        /** @description What RFC 3161 time-stamps of the log, or a quorum of witnesses' cosignatures, show of the publication (docs/integrity.md §15.5): published by attestedBy, due dueBy (its end, deadline, in the agency's time): on time, late or not yet attested. */
        disclosureAttestation: {
          /** Format: date */
          dueBy: string;
          /** Format: date-time */
          deadline: string;
          /** @enum {unknown} */
          status: 'on_time' | 'late' | 'not_attested';
          /** Format: date-time */
          attestedBy?: string;
          /**
           * @description Where attestedBy comes from: an RFC 3161 time-stamp (tsa) or the time a quorum of the configured witnesses vouches for by their cosignatures (witnesses).
           * @enum {unknown}
           */
          source?: 'tsa' | 'witnesses';
          checkpointSize?: number;
        };
      };
    };
    /**
     * Signed event envelope
     * @description One event of the ledger as stored, served and bundled. Integrity fields are defined over the RFC 8785 canonical form; see docs/integrity.md.
     */
    'event-envelope': {
      id: string;
      stream: string;
      revision: number;
      type: string;
      schemaVersion: number;
      /** Format: date-time */
      occurredAt: string;
      /** Format: date-time */
      recordedAt: string;
      actor: {
        sub: string;
        agency: string;
        roles: string[];
      };
      data: Record<string, unknown>;
      media: {
        sha256: components['schemas']['event-envelope']['$defs']['sha256'];
        size: number;
        contentType: string;
      }[];
      prev: components['schemas']['event-envelope']['$defs']['sha256'];
      hash: components['schemas']['event-envelope']['$defs']['sha256'];
      sig: components['schemas']['event-envelope']['$defs']['signature'];
      actorSig?: components['schemas']['event-envelope']['$defs']['actorSignature'];
      $defs: {
        sha256: string;
        /** @description The service's signature: Ed25519 (64 bytes), or SM2 with SM3 (DER) in a log of the SM2 suite (docs/integrity.md §17). */
        signature: {
          /** @enum {unknown} */
          alg: 'Ed25519' | 'SM2-SM3';
          keyId: string;
          value: string;
        };
        /** @description The officer's own signature: always Ed25519 (docs/integrity.md §6). */
        actorSignature: {
          /** @constant */
          alg: 'Ed25519';
          keyId: string;
          value: string;
        };
      };
    };
    /** AgencyNameClaimed: the agency a name is claimed for, on agencyname-<SHA-256 of the name as names are compared, hex>, before the profile giving the agency that name is appended (replicas sharing one log) */
    'event.AgencyNameClaimed': {
      name: components['schemas']['command.set-agency-profile']['name'];
      agency: components['schemas']['defs']['$defs']['id'];
    };
    /** AgencyProfileSet: a new version of the agency's public profile (its name, address, hours, telephones), the whole of it, and why, in the stream agency-<agency>:profile */
    'event.AgencyProfileSet': {
      name: components['schemas']['command.set-agency-profile']['name'];
      address?: components['schemas']['command.set-agency-profile']['address'];
      telephone?: components['schemas']['command.set-agency-profile']['telephone'];
      hours?: components['schemas']['command.set-agency-profile']['hours'];
      supervisionTelephone?: components['schemas']['command.set-agency-profile']['supervisionTelephone'];
      reason?: components['schemas']['command.set-agency-profile']['reason'];
    };
    /** ApplicationAccepted (受理): the case opened for it, the day, and whether within the acceptance deadline */
    'event.ApplicationAccepted': {
      caseId: components['schemas']['defs']['$defs']['id'];
      acceptedOn: components['schemas']['defs']['$defs']['date'];
      onTime: boolean;
    };
    /** ApplicationDataErased: the applicant's personal data of an application that opened no case erased by destroying its data key, on the legal ground named */
    'event.ApplicationDataErased': {
      ground: components['schemas']['command.erase-case']['ground'];
      reason: components['schemas']['command.erase-case']['reason'];
    };
    /** ApplicationFiled: the application as filed, its acceptance deadline and the hash of the applicant's lookup code */
    'event.ApplicationFiled': {
      applicationId: components['schemas']['defs']['$defs']['uuid'];
      agency: components['schemas']['defs']['$defs']['id'];
      itemCode: components['schemas']['defs']['$defs']['id'];
      /** @description The applicant as filed: its personal members clear in events recorded before sealing, sealed after (docs/privacy.md). */
      applicant: {
        kind: components['schemas']['command.file-application']['$defs']['applicant']['kind'];
        name:
          | components['schemas']['command.file-application']['$defs']['applicant']['name']
          | components['schemas']['defs']['$defs']['sealedValue'];
        idNumber?:
          | components['schemas']['command.file-application']['$defs']['applicant']['idNumber']
          | components['schemas']['defs']['$defs']['sealedValue'];
        phone:
          | components['schemas']['command.file-application']['$defs']['applicant']['phone']
          | components['schemas']['defs']['$defs']['sealedValue'];
        email?:
          | components['schemas']['command.file-application']['$defs']['applicant']['email']
          | components['schemas']['defs']['$defs']['sealedValue'];
        address?:
          | components['schemas']['command.file-application']['$defs']['applicant']['address']
          | components['schemas']['defs']['$defs']['sealedValue'];
      };
      /** @description The applicant's own words, which may name the applicant: sealed in events recorded since the request is sealed, in clear before (docs/privacy.md). */
      request:
        | components['schemas']['command.file-application']['request']
        | components['schemas']['defs']['$defs']['sealedValue'];
      attachments: components['schemas']['command.file-application']['$defs']['attachment'][];
      filedOn: components['schemas']['defs']['$defs']['date'];
      acceptanceWorkingDays: number;
      acceptBy: components['schemas']['defs']['$defs']['date'];
      /** @enum {unknown} */
      calendarBasis: 'official_schedule' | 'weekdays_only';
      lookupHash: components['schemas']['defs']['$defs']['sha256'];
    };
    /** ApplicationRejected (不予受理): why, on what legal basis, the day, and whether within the acceptance deadline */
    'event.ApplicationRejected': {
      reason: components['schemas']['command.reject-application']['reason'];
      legalBasis: components['schemas']['command.reject-application']['legalBasis'];
      rejectedOn: components['schemas']['defs']['$defs']['date'];
      onTime: boolean;
    };
    /** CalendarYearRecorded: the working-day schedule of a year, in force from this event on */
    'event.CalendarYearRecorded': {
      year: number;
      holidays: components['schemas']['defs']['$defs']['calendarHolidays'];
      workdays: components['schemas']['defs']['$defs']['makeUpWorkdays'];
      /** @description The notice: its title and number. */
      source: string;
      /**
       * Format: uri
       * @description Where the notice is published (https).
       */
      url?: string;
      agency: components['schemas']['defs']['$defs']['id'];
    };
    /** CaseClosed: the act's data as recorded, with the officers the act named */
    'event.CaseClosed': {
      closedOn: components['schemas']['act.CaseClosed']['closedOn'];
      /** @description The officers the act named (on-site acts), when they were given apart from the case's handling officers. */
      officers?: components['schemas']['defs']['$defs']['id'][];
    };
    /** CaseDataErased: the case's personal data erased by destroying its data key, on the legal ground named */
    'event.CaseDataErased': {
      ground: components['schemas']['command.erase-case']['ground'];
      reason: components['schemas']['command.erase-case']['reason'];
    };
    /** CaseFileEvaluated: a supervisor's first evaluation of a closed case file, with the case's facts it is counted by */
    'event.CaseFileEvaluated': {
      caseId: components['schemas']['defs']['$defs']['id'];
      itemCode: components['schemas']['defs']['$defs']['id'];
      /** @description The case's handling officers, whom the weak-points view counts it by. */
      officers: components['schemas']['defs']['$defs']['id'][];
      closedOn: components['schemas']['defs']['$defs']['date'];
      evaluator: components['schemas']['defs']['$defs']['id'];
      /** @description The evaluator's agency, when it is not the case's: a supervising agency evaluating the case files of an agency it supervises. Absent, the evaluator is of the case's agency. */
      evaluatorAgency?: components['schemas']['defs']['$defs']['id'];
      scores: components['schemas']['command.evaluate-case-file']['scores'];
      total: number;
      maxTotal: number;
    };
    /** CaseFileEvaluationAmended: a supervisor's evaluation of a case file amended, with why */
    'event.CaseFileEvaluationAmended': {
      caseId: components['schemas']['defs']['$defs']['id'];
      itemCode: components['schemas']['defs']['$defs']['id'];
      /** @description The case's handling officers, whom the weak-points view counts it by. */
      officers: components['schemas']['defs']['$defs']['id'][];
      closedOn: components['schemas']['defs']['$defs']['date'];
      evaluator: components['schemas']['defs']['$defs']['id'];
      /** @description The evaluator's agency, when it is not the case's: a supervising agency evaluating the case files of an agency it supervises. Absent, the evaluator is of the case's agency. */
      evaluatorAgency?: components['schemas']['defs']['$defs']['id'];
      scores: components['schemas']['command.evaluate-case-file']['scores'];
      total: number;
      maxTotal: number;
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** CaseMarkedComplex: the act's data as recorded, with the officers the act named */
    'event.CaseMarkedComplex': {
      reason: components['schemas']['act.CaseMarkedComplex']['reason'];
      /** @description The officers the act named (on-site acts), when they were given apart from the case's handling officers. */
      officers?: components['schemas']['defs']['$defs']['id'][];
    };
    /** CaseOpened: the act's data as recorded, with the recording duties the service fixed for the case */
    'event.CaseOpened': {
      caseId: components['schemas']['act.CaseOpened']['caseId'];
      itemCode: components['schemas']['act.CaseOpened']['itemCode'];
      /** @description Free text that may name a person: sealed in events recorded since free text is sealed, in clear before (docs/privacy.md). */
      title: components['schemas']['act.CaseOpened']['title'] | components['schemas']['defs']['$defs']['sealedValue'];
      openedOn: components['schemas']['act.CaseOpened']['openedOn'];
      officers: components['schemas']['act.CaseOpened']['officers'];
      /** @description The parties; their personal members sealed in events recorded since sealing began (docs/privacy.md). */
      parties: components['schemas']['defs']['$defs']['recordedParty'][];
      application?: components['schemas']['act.CaseOpened']['application'];
      /** @description The acts of the case that need a recording, from the agency's recording list when the case was opened (with the mandatory floors); absent in cases opened before recording lists, which have the default duties. */
      recordingDuties?: components['schemas']['command.publish-recording-list']['$defs']['duty'][];
    };
    /** CertificateClaimed: the officer a law-enforcement certificate number is claimed for, on certificate-<agency>:<SHA-256 of the number as numbers are compared, hex>, before the registration or amendment listing the officer under it is appended (replicas sharing one log) */
    'event.CertificateClaimed': {
      certificateNo: components['schemas']['command.register-officer']['certificateNo'];
      officerId: components['schemas']['command.register-officer']['officerId'];
    };
    /** ConflictDeclared: an officer's conflict of interest with the subject, and why */
    'event.ConflictDeclared': components['schemas']['command.declare-conflict'];
    /** ConflictWithdrawn: a declared conflict of interest ends, and why */
    'event.ConflictWithdrawn': components['schemas']['command.declare-conflict'];
    /** CounselOpinionRecorded: the act's data as recorded, with the counsel's registered role and the officers the act named */
    'event.CounselOpinionRecorded': {
      counsel: components['schemas']['act.CounselOpinionRecorded']['counsel'];
      /** @description Free text that may name a person: sealed in events recorded since free text is sealed, in clear before (docs/privacy.md). */
      opinion:
        | components['schemas']['act.CounselOpinionRecorded']['opinion']
        | components['schemas']['defs']['$defs']['sealedValue'];
      givenOn: components['schemas']['act.CounselOpinionRecorded']['givenOn'];
      counselRole: components['schemas']['defs']['$defs']['counselRole'];
      /** @description The officers the act named (on-site acts), when they were given apart from the case's handling officers. */
      officers?: components['schemas']['defs']['$defs']['id'][];
    };
    /** CredentialsShown: the act's data as recorded, with the officers the act named */
    'event.CredentialsShown': {
      /** @description Free text that may name a person: sealed in events recorded since free text is sealed, in clear before (docs/privacy.md). */
      note?:
        components['schemas']['act.CredentialsShown']['note'] | components['schemas']['defs']['$defs']['sealedValue'];
      /** @description The officers the act named (on-site acts), when they were given apart from the case's handling officers. */
      officers?: components['schemas']['defs']['$defs']['id'][];
    };
    /** DecisionDisclosed: the act's data as recorded, with the facts the service derives */
    'event.DecisionDisclosed': {
      publishedOn: components['schemas']['act.DecisionDisclosed']['publishedOn'];
      dueBy: components['schemas']['defs']['$defs']['date'];
      onTime: boolean;
      /** @description The officers the act named (on-site acts), when they were given apart from the case's handling officers. */
      officers?: components['schemas']['defs']['$defs']['id'][];
    };
    /** DecisionDrafted: a draft of a case's decision document, written as PDF and DOCX and held as the agency's media, in the stream draft-<agency>:<draftId>; no act of the case */
    'event.DecisionDrafted': {
      draftId: components['schemas']['defs']['$defs']['id'];
      caseId: components['schemas']['defs']['$defs']['id'];
      decisionType: components['schemas']['act.DecisionIssued']['decisionType'];
      documentNo: components['schemas']['act.DecisionIssued']['documentNo'];
      fineFen?: components['schemas']['act.DecisionIssued']['fineFen'];
      legalBasis?: components['schemas']['act.DecisionIssued']['legalBasis'];
      decidedOn?: components['schemas']['act.DecisionIssued']['decidedOn'];
      /** @description The template used: the one shipped with the service, or a version of the agency's own (agency and version). */
      template: {
        /** @enum {unknown} */
        source: 'default' | 'agency';
        agency?: components['schemas']['defs']['$defs']['id'];
        version?: components['schemas']['defs']['$defs']['documentVersion'];
      };
      pdf: components['schemas']['event.MediaReceived'];
      docx: components['schemas']['event.MediaReceived'];
      /** @description The facts the officer wrote (command draft-decision), sealed under the data key of the case drafted for, never in clear; absent when none was written, and from drafts recorded before they were kept (docs/privacy.md). */
      facts?: components['schemas']['defs']['$defs']['sealedValue'];
      /** @description The reasons the officer wrote (command draft-decision), sealed like facts. */
      reasons?: components['schemas']['defs']['$defs']['sealedValue'];
    };
    /** DecisionIssued: the act's data as recorded, with the facts the service derives */
    'event.DecisionIssued': {
      decisionType: components['schemas']['act.DecisionIssued']['decisionType'];
      fineFen?: components['schemas']['act.DecisionIssued']['fineFen'];
      legalBasis: components['schemas']['act.DecisionIssued']['legalBasis'];
      documentNo: components['schemas']['act.DecisionIssued']['documentNo'];
      decidedOn: components['schemas']['act.DecisionIssued']['decidedOn'];
      documentSha256?: components['schemas']['act.DecisionIssued']['documentSha256'];
      major: boolean;
      disclosureWorkingDays: number;
      disclosureDueBy: components['schemas']['defs']['$defs']['date'];
      /** @enum {unknown} */
      calendarBasis: 'official_schedule' | 'weekdays_only';
      circumstance?: components['schemas']['act.DecisionIssued']['circumstance'];
      /** @description Free text that may name a person: sealed in events recorded since free text is sealed, in clear before (docs/privacy.md). */
      deviationReason?:
        | components['schemas']['act.DecisionIssued']['deviationReason']
        | components['schemas']['defs']['$defs']['sealedValue'];
      discretion?: components['schemas']['defs']['$defs']['discretionFinding'];
      /** @description The officers the act named (on-site acts), when they were given apart from the case's handling officers. */
      officers?: components['schemas']['defs']['$defs']['id'][];
      /** @description The version of the agency's review catalogue in force and the ids of its entries that matched the proposal or the decision; absent when no entry matched. */
      reviewCatalogue?: {
        version: number;
        entryIds: components['schemas']['defs']['$defs']['id'][];
      };
    };
    /** DecisionTemplateReset: the agency returns a decision type to the template shipped with the service, and why, in the stream decisiontemplate-<agency>:<decisionType> */
    'event.DecisionTemplateReset': {
      decisionType: components['schemas']['defs']['$defs']['decisionType'];
      /** @description The change this is, counting every change of the agency’s template of this decision type from 1. */
      version: number;
      reason: components['schemas']['command.set-decision-template']['reason'];
    };
    /** DecisionTemplateSet: a new version of the agency’s own template of a decision type, and why, in the stream decisiontemplate-<agency>:<decisionType> */
    'event.DecisionTemplateSet': {
      decisionType: components['schemas']['defs']['$defs']['decisionType'];
      /** @description The change this is, counting every change of the agency’s template of this decision type from 1. */
      version: number;
      template: components['schemas']['command.set-decision-template']['$defs']['template'];
      reason: components['schemas']['command.set-decision-template']['reason'];
    };
    /** DeviceReassigned: the officer who holds the device from now on, and why */
    'event.DeviceReassigned': {
      holder: components['schemas']['defs']['$defs']['id'];
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** DeviceRegistered: a recording device and its holder, in the stream device-<agency>:<deviceId> */
    'event.DeviceRegistered': components['schemas']['command.register-device'];
    /** DeviceStatusChanged: the device is in use (active), reported lost, or retired for good, and why */
    'event.DeviceStatusChanged': {
      /** @enum {unknown} */
      status: 'active' | 'lost' | 'retired';
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** DisclosureExempted: the act's data as recorded, with the officers the act named */
    'event.DisclosureExempted': {
      ground: components['schemas']['act.DisclosureExempted']['ground'];
      legalBasis: components['schemas']['act.DisclosureExempted']['legalBasis'];
      reason: components['schemas']['act.DisclosureExempted']['reason'];
      /** @description The officers the act named (on-site acts), when they were given apart from the case's handling officers. */
      officers?: components['schemas']['defs']['$defs']['id'][];
    };
    /** DisclosureUpdated: the act's data as recorded, with the officers the act named */
    'event.DisclosureUpdated': {
      reason: components['schemas']['act.DisclosureUpdated']['reason'];
      /** @description The officers the act named (on-site acts), when they were given apart from the case's handling officers. */
      officers?: components['schemas']['defs']['$defs']['id'][];
    };
    /** DisclosureWithdrawn: the act's data as recorded, with the officers the act named */
    'event.DisclosureWithdrawn': {
      reason: components['schemas']['act.DisclosureWithdrawn']['reason'];
      /** @description The officers the act named (on-site acts), when they were given apart from the case's handling officers. */
      officers?: components['schemas']['defs']['$defs']['id'][];
    };
    /** DiscretionBenchmarkSet: a version of an item's discretion benchmark, numbered from 1 */
    'event.DiscretionBenchmarkSet': {
      itemCode: components['schemas']['command.set-benchmark']['itemCode'];
      agency: components['schemas']['command.set-benchmark']['agency'];
      basis: components['schemas']['command.set-benchmark']['basis'];
      circumstances: components['schemas']['command.set-benchmark']['circumstances'];
      reason?: components['schemas']['command.set-benchmark']['reason'];
      version: number;
    };
    /** DocumentNumberClaimed: the case of the agency a document number (文书号) is claimed for, on docnumber-<agency>:<SHA-256 of the number, hex>, before the act giving a decision the number is appended (replicas sharing one log) */
    'event.DocumentNumberClaimed': {
      documentNo: components['schemas']['act.DecisionIssued']['documentNo'];
      caseId: components['schemas']['defs']['$defs']['id'];
    };
    /** DocumentServed: the act's data as recorded, with the officers the act named */
    'event.DocumentServed': {
      /** @description Free text that may name a person: sealed in events recorded since free text is sealed, in clear before (docs/privacy.md). */
      document:
        components['schemas']['act.DocumentServed']['document'] | components['schemas']['defs']['$defs']['sealedValue'];
      method: components['schemas']['act.DocumentServed']['method'];
      /** @description The officers the act named (on-site acts), when they were given apart from the case's handling officers. */
      officers?: components['schemas']['defs']['$defs']['id'][];
    };
    /** EvidenceCollected: the act's data as recorded, with the officers the act named */
    'event.EvidenceCollected': {
      /** @description Free text that may name a person: sealed in events recorded since free text is sealed, in clear before (docs/privacy.md). */
      description:
        | components['schemas']['act.EvidenceCollected']['description']
        | components['schemas']['defs']['$defs']['sealedValue'];
      /** @description The officers the act named (on-site acts), when they were given apart from the case's handling officers. */
      officers?: components['schemas']['defs']['$defs']['id'][];
    };
    /** FlowChartPublished: a version of an enforcement item's flow chart (行政执法事项流程图) */
    'event.FlowChartPublished': {
      version: components['schemas']['defs']['$defs']['documentVersion'];
      document: {
        title: components['schemas']['command.publish-flow-chart']['title'];
        nodes: components['schemas']['command.publish-flow-chart']['nodes'];
        edges: components['schemas']['command.publish-flow-chart']['edges'];
      };
      changed: components['schemas']['defs']['$defs']['changedMembers'];
      note?: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** FlowChartWithdrawn: an enforcement item's flow chart (行政执法事项流程图) is withdrawn for good */
    'event.FlowChartWithdrawn': {
      version: components['schemas']['defs']['$defs']['documentVersion'];
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** ForcedDemolition: the act's data as recorded, with the officers the act named */
    'event.ForcedDemolition': {
      /** @description Free text that may name a person: sealed in events recorded since free text is sealed, in clear before (docs/privacy.md). */
      target:
        components['schemas']['act.ForcedDemolition']['target'] | components['schemas']['defs']['$defs']['sealedValue'];
      legalBasis: components['schemas']['act.ForcedDemolition']['legalBasis'];
      /** @description The officers the act named (on-site acts), when they were given apart from the case's handling officers. */
      officers?: components['schemas']['defs']['$defs']['id'][];
    };
    /** HearingHeld: the act's data as recorded, with the officers the act named */
    'event.HearingHeld': {
      heldOn: components['schemas']['act.HearingHeld']['heldOn'];
      /** @description The officers the act named (on-site acts), when they were given apart from the case's handling officers. */
      officers?: components['schemas']['defs']['$defs']['id'][];
    };
    /** InspectionDrawn: the draw, its seed's provenance and its inputs (docs/inspections.md) */
    'event.InspectionDrawn': {
      size: number;
      /** @description Standard base64 of the root hash at size. */
      rootHash: string;
      checkpointSize: number;
      seed: components['schemas']['defs']['$defs']['sha256'];
      inputsDigest: components['schemas']['defs']['$defs']['sha256'];
      /** @description The candidates: all of them, or, with inputParts, none (empty lists): the InspectionInputsPublished events recorded just before this one, in the same append, hold them, and these lists follow theirs. */
      inputs: {
        subjects: components['schemas']['defs']['$defs']['id'][];
        officers: components['schemas']['defs']['$defs']['id'][];
        conflicts: [components['schemas']['defs']['$defs']['id'], components['schemas']['defs']['$defs']['id']][];
      };
      /** @description How many InspectionInputsPublished events, recorded just before this one, hold the inputs (put together in order: subjects, officers, conflicts). */
      inputParts?: number;
      targets: {
        subjectId: components['schemas']['defs']['$defs']['id'];
        inspectors: components['schemas']['defs']['$defs']['id'][];
      }[];
    };
    /** InspectionEntryPublished: a version of an entry of the random-inspection list (随机抽查事项清单) */
    'event.InspectionEntryPublished': {
      version: components['schemas']['defs']['$defs']['documentVersion'];
      document: {
        subject: components['schemas']['command.publish-inspection-entry']['subject'];
        basis: components['schemas']['command.publish-inspection-entry']['basis'];
        targets: components['schemas']['command.publish-inspection-entry']['targets'];
        content: components['schemas']['command.publish-inspection-entry']['content'];
        ratioBasisPoints: components['schemas']['command.publish-inspection-entry']['ratioBasisPoints'];
        method: components['schemas']['command.publish-inspection-entry']['method'];
        frequency: components['schemas']['command.publish-inspection-entry']['frequency'];
        itemCode?: components['schemas']['command.publish-inspection-entry']['itemCode'];
      };
      changed: components['schemas']['defs']['$defs']['changedMembers'];
      note?: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** InspectionEntryWithdrawn: the entry is off the random-inspection list for good */
    'event.InspectionEntryWithdrawn': {
      version: components['schemas']['defs']['$defs']['documentVersion'];
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** InspectionInputsPublished: one part of a draw's inputs too many for the draw's own event (docs/inspections.md) */
    'event.InspectionInputsPublished': {
      /** @description This part's number, from 1. */
      part: number;
      /** @description How many parts the draw's inputs are in. */
      parts: number;
      subjects?: components['schemas']['defs']['$defs']['id'][];
      officers?: components['schemas']['defs']['$defs']['id'][];
      conflicts?: [components['schemas']['defs']['$defs']['id'], components['schemas']['defs']['$defs']['id']][];
    };
    /** InspectionOutcomeRecorded: the outcome of inspecting one drawn target */
    'event.InspectionOutcomeRecorded': components['schemas']['command.record-outcome'];
    /** InspectionPlanned: the plan, and the log's tree size when it was recorded */
    'event.InspectionPlanned': {
      planId: components['schemas']['command.plan-inspection']['planId'];
      agency: components['schemas']['command.plan-inspection']['agency'];
      entryId: components['schemas']['command.plan-inspection']['entryId'];
      title: components['schemas']['command.plan-inspection']['title'];
      targets: components['schemas']['command.plan-inspection']['targets'];
      sample: components['schemas']['command.plan-inspection']['sample'];
      inspectorsPerTarget: components['schemas']['command.plan-inspection']['inspectorsPerTarget'];
      drawAtSize: components['schemas']['command.plan-inspection']['drawAtSize'];
      startsOn: components['schemas']['command.plan-inspection']['startsOn'];
      endsOn: components['schemas']['command.plan-inspection']['endsOn'];
      /** @description The log's tree size when the plan was recorded: drawAtSize is above it. */
      treeSizeAtPlan: number;
      /** @description The version of the random-inspection list entry current when the plan was recorded. */
      entryVersion?: number;
    };
    /** ItemAmended: the changed members of the item, and why */
    'event.ItemAmended': {
      changes: {
        code?: components['schemas']['command.register-item']['code'];
        agency?: components['schemas']['command.register-item']['agency'];
        name?: components['schemas']['command.register-item']['name'];
        category?: components['schemas']['command.register-item']['category'];
        field?: components['schemas']['command.register-item']['field'];
        legalBasis?: components['schemas']['command.register-item']['legalBasis'];
        duties?: components['schemas']['command.register-item']['duties'];
        powers?: components['schemas']['command.register-item']['powers'];
        major?: components['schemas']['command.register-item']['major'];
        reviewMaterials?: components['schemas']['command.register-item']['reviewMaterials'];
        reviewWorkingDays?: components['schemas']['command.register-item']['reviewWorkingDays'];
        disclosureWorkingDays?: components['schemas']['command.register-item']['disclosureWorkingDays'];
        retention?: components['schemas']['command.register-item']['retention'];
      };
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** ItemRegistered: the item profile */
    'event.ItemRegistered': components['schemas']['command.register-item'];
    /** ItemRetired: why */
    'event.ItemRetired': {
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** LegalReviewCompleted: the act's data as recorded, with the facts the service derives */
    'event.LegalReviewCompleted': {
      outcome: components['schemas']['act.LegalReviewCompleted']['outcome'];
      /** @description Free text that may name a person: sealed in events recorded since free text is sealed, in clear before (docs/privacy.md). */
      opinion:
        | components['schemas']['act.LegalReviewCompleted']['opinion']
        | components['schemas']['defs']['$defs']['sealedValue'];
      checks: components['schemas']['act.LegalReviewCompleted']['checks'];
      reviewer: components['schemas']['defs']['$defs']['id'];
      proposal: components['schemas']['defs']['$defs']['proposal'];
      /** @description The officers the act named (on-site acts), when they were given apart from the case's handling officers. */
      officers?: components['schemas']['defs']['$defs']['id'][];
    };
    /** LegalReviewRequested: the act's data as recorded, with the benchmark's finding and the officers the act named */
    'event.LegalReviewRequested': {
      proposed: components['schemas']['defs']['$defs']['recordedProposal'];
      /** @description Free text that may name a person: sealed in events recorded since free text is sealed, in clear before (docs/privacy.md). */
      materials?:
        | components['schemas']['act.LegalReviewRequested']['materials']
        | components['schemas']['defs']['$defs']['sealedValue'];
      discretion?: components['schemas']['defs']['$defs']['discretionFinding'];
      /** @description The review's time limit in working days (the item's, or 5). */
      reviewWorkingDays?: number;
      /** @description The last day to complete the review, counted on the working-day calendar from the request. */
      reviewDueBy?: components['schemas']['defs']['$defs']['date'];
      /**
       * @description Present when the last day was counted on weekdays only, the official schedule of a year it spans not being recorded then; reads count it again on the calendar as it is now.
       * @constant
       */
      reviewCalendarBasis?: 'weekdays_only';
      /** @description The officers the act named (on-site acts), when they were given apart from the case's handling officers. */
      officers?: components['schemas']['defs']['$defs']['id'][];
    };
    /** MediaReceived: an agency holds a medium (the first upload of its bytes by one of the agency's officers), in the stream media-<agency>:<sha256> */
    'event.MediaReceived': {
      sha256: components['schemas']['defs']['$defs']['sha256'];
      size: components['schemas']['defs']['$defs']['mediaRef']['size'];
      contentType: components['schemas']['defs']['$defs']['mediaRef']['contentType'];
      /** @description The media store's version of the object whose bytes were verified at upload (S3's VersionId in a versioned bucket); reads name it. */
      blobVersion?: string;
    };
    /** OfficerAmended: the changed members of the profile, and why */
    'event.OfficerAmended': {
      changes: {
        officerId?: components['schemas']['command.register-officer']['officerId'];
        name?: components['schemas']['command.register-officer']['name'];
        agency?: components['schemas']['command.register-officer']['agency'];
        certificateNo?: components['schemas']['command.register-officer']['certificateNo'];
        validFrom?: components['schemas']['command.register-officer']['validFrom'];
        validTo?: components['schemas']['command.register-officer']['validTo'];
        roles?: components['schemas']['command.register-officer']['roles'];
        categories?: components['schemas']['command.register-officer']['categories'];
        legalQualification?: components['schemas']['command.register-officer']['legalQualification'];
        training?: components['schemas']['command.register-officer']['training'];
        counsel?: components['schemas']['command.register-officer']['counsel'];
      };
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** OfficerKeyClaimed: the officer of the agency an officer key is held for (the one event of officerkey-<agency>:<keyId>, appended before the key's registration) */
    'event.OfficerKeyClaimed': {
      keyId: components['schemas']['defs']['$defs']['sha256'];
      officerId: components['schemas']['defs']['$defs']['id'];
    };
    /** OfficerKeyRegistered: an officer's own signing key, its key id (docs/integrity.md §5) and validity */
    'event.OfficerKeyRegistered': {
      keyId: components['schemas']['defs']['$defs']['sha256'];
      /** @constant */
      alg: 'Ed25519';
      /** @description Standard base64 of the key's SubjectPublicKeyInfo DER. */
      publicKey: string;
      certificate?: components['schemas']['command.register-officer-key']['certificate'];
      validFrom: components['schemas']['defs']['$defs']['date'];
      validTo?: components['schemas']['defs']['$defs']['date'];
    };
    /** OfficerKeyRevocationRecorded: on officerkey-<agency>:<keyId>, the key's OfficerKeyRevoked of the officer's stream, by event id and hash, so that the key's own stream shows its revocation */
    'event.OfficerKeyRevocationRecorded': {
      keyId: components['schemas']['defs']['$defs']['sha256'];
      officerId: components['schemas']['defs']['$defs']['id'];
      eventId: components['schemas']['defs']['$defs']['uuid'];
      hash: components['schemas']['defs']['$defs']['sha256'];
      revokedFrom: components['schemas']['command.revoke-officer-key']['revokedFrom'];
    };
    /** OfficerKeyRevoked: the key, why, and from when acts signed with it are refused */
    'event.OfficerKeyRevoked': {
      keyId: components['schemas']['defs']['$defs']['sha256'];
      reason: components['schemas']['command.revoke-officer-key']['reason'];
      revokedFrom: components['schemas']['command.revoke-officer-key']['revokedFrom'];
    };
    /** OfficerRegistered: the officer profile */
    'event.OfficerRegistered': components['schemas']['command.register-officer'];
    /** OfficerReinstated: why */
    'event.OfficerReinstated': {
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** OfficerRetired: why */
    'event.OfficerRetired': {
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** OfficerSuspended: why */
    'event.OfficerSuspended': {
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** OnSiteInspectionRecorded: the act's data as recorded, with the officers the act named */
    'event.OnSiteInspectionRecorded': {
      /** @description Free text that may name a person: sealed in events recorded since free text is sealed, in clear before (docs/privacy.md). */
      location:
        | components['schemas']['act.OnSiteInspectionRecorded']['location']
        | components['schemas']['defs']['$defs']['sealedValue'];
      /** @description Free text that may name a person: sealed in events recorded since free text is sealed, in clear before (docs/privacy.md). */
      findings:
        | components['schemas']['act.OnSiteInspectionRecorded']['findings']
        | components['schemas']['defs']['$defs']['sealedValue'];
      credentialsShown: components['schemas']['act.OnSiteInspectionRecorded']['credentialsShown'];
      partyNotified: components['schemas']['act.OnSiteInspectionRecorded']['partyNotified'];
      /** @description The officers the act named (on-site acts), when they were given apart from the case's handling officers. */
      officers?: components['schemas']['defs']['$defs']['id'][];
    };
    /** PartyNotified: the act's data as recorded, with the officers the act named */
    'event.PartyNotified': {
      /** @description Free text that may name a person: sealed in events recorded since free text is sealed, in clear before (docs/privacy.md). */
      grounds:
        components['schemas']['act.PartyNotified']['grounds'] | components['schemas']['defs']['$defs']['sealedValue'];
      /** @description Free text that may name a person: sealed in events recorded since free text is sealed, in clear before (docs/privacy.md). */
      rights:
        components['schemas']['act.PartyNotified']['rights'] | components['schemas']['defs']['$defs']['sealedValue'];
      /** @description The officers the act named (on-site acts), when they were given apart from the case's handling officers. */
      officers?: components['schemas']['defs']['$defs']['id'][];
    };
    /** PostBoardPublished: a version of a service window's post information board (岗位信息公示牌) */
    'event.PostBoardPublished': {
      version: components['schemas']['defs']['$defs']['documentVersion'];
      document: {
        window: components['schemas']['command.publish-post-board']['window'];
        officerName: components['schemas']['command.publish-post-board']['officerName'];
        officerId?: components['schemas']['command.publish-post-board']['officerId'];
        unit: components['schemas']['command.publish-post-board']['unit'];
        post: components['schemas']['command.publish-post-board']['post'];
        enforcementType: components['schemas']['command.publish-post-board']['enforcementType'];
        duties: components['schemas']['command.publish-post-board']['duties'];
        sampleMaterials: components['schemas']['command.publish-post-board']['sampleMaterials'];
        progressLookup: components['schemas']['command.publish-post-board']['progressLookup'];
        consultation: components['schemas']['command.publish-post-board']['consultation'];
        complaints: components['schemas']['command.publish-post-board']['complaints'];
      };
      changed: components['schemas']['defs']['$defs']['changedMembers'];
      note?: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** PostBoardWithdrawn: a service window's post information board (岗位信息公示牌) is withdrawn for good */
    'event.PostBoardWithdrawn': {
      version: components['schemas']['defs']['$defs']['documentVersion'];
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** PropertySeized: the act's data as recorded, with the officers the act named */
    'event.PropertySeized': {
      /** @description Free text that may name a person: sealed in events recorded since free text is sealed, in clear before (docs/privacy.md). */
      items:
        components['schemas']['act.PropertySeized']['items'] | components['schemas']['defs']['$defs']['sealedValue'];
      legalBasis: components['schemas']['act.PropertySeized']['legalBasis'];
      /** @description The officers the act named (on-site acts), when they were given apart from the case's handling officers. */
      officers?: components['schemas']['defs']['$defs']['id'][];
    };
    /** RecordCorrected: the act's data as recorded, with the officers the act named */
    'event.RecordCorrected': {
      corrects: components['schemas']['act.RecordCorrected']['corrects'];
      /** @description Free text that may name a person: sealed in events recorded since free text is sealed, in clear before (docs/privacy.md). */
      reason:
        components['schemas']['act.RecordCorrected']['reason'] | components['schemas']['defs']['$defs']['sealedValue'];
      /** @description The corrected members, which may repeat free text: sealed whole in events recorded since free text is sealed, in clear before (docs/privacy.md). */
      data:
        components['schemas']['act.RecordCorrected']['data'] | components['schemas']['defs']['$defs']['sealedValue'];
      /** @description The officers the act named (on-site acts), when they were given apart from the case's handling officers. */
      officers?: components['schemas']['defs']['$defs']['id'][];
    };
    /** RecordingAttached: the act's data as recorded, with the officers the act named */
    'event.RecordingAttached': {
      /** @description Free text that may name a person: sealed in events recorded since free text is sealed, in clear before (docs/privacy.md). */
      description:
        | components['schemas']['act.RecordingAttached']['description']
        | components['schemas']['defs']['$defs']['sealedValue'];
      relatesTo?: components['schemas']['act.RecordingAttached']['relatesTo'];
      deviceId?: components['schemas']['act.RecordingAttached']['deviceId'];
      /** @description The officers the act named (on-site acts), when they were given apart from the case's handling officers. */
      officers?: components['schemas']['defs']['$defs']['id'][];
    };
    /** RecordingListPublished: a new version of the agency's recording list (the whole list), and why, in the stream recordinglist-<agency>:current */
    'event.RecordingListPublished': {
      entries: components['schemas']['command.publish-recording-list']['entries'];
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** ReviewCatalogueAdjusted: a new version of the agency's review catalogue, its level, the reason, and the time from which it is in force, in the stream reviewcatalogue-<agency>:current */
    'event.ReviewCatalogueAdjusted': {
      level: components['schemas']['command.adjust-review-catalogue']['$defs']['level'];
      entries: components['schemas']['command.adjust-review-catalogue']['entries'];
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description When the version was recorded: decisions from then on are judged against it. */
      inForceFrom: components['schemas']['defs']['$defs']['dateTime'];
    };
    /** ReviewChartPublished: a version of the flow chart of the agency's legal review of major decisions (重大执法决定法制审核流程图) */
    'event.ReviewChartPublished': components['schemas']['event.FlowChartPublished'];
    /** ReviewChartWithdrawn: a flow chart of the agency's legal review (重大执法决定法制审核流程图) is withdrawn for good */
    'event.ReviewChartWithdrawn': components['schemas']['event.FlowChartWithdrawn'];
    /** ReviewDisagreementResolved: the act's data as recorded, with the officers the act named */
    'event.ReviewDisagreementResolved': {
      outcome: components['schemas']['act.ReviewDisagreementResolved']['outcome'];
      /** @description Free text that may name a person: sealed in events recorded since free text is sealed, in clear before (docs/privacy.md). */
      reasoning:
        | components['schemas']['act.ReviewDisagreementResolved']['reasoning']
        | components['schemas']['defs']['$defs']['sealedValue'];
      /** @description The officers the act named (on-site acts), when they were given apart from the case's handling officers. */
      officers?: components['schemas']['defs']['$defs']['id'][];
    };
    /** ReviewSettingsSet: a new version of the agency's review time limit, and why, in the stream reviewsettings-<agency>:current */
    'event.ReviewSettingsSet': {
      reviewWorkingDays: components['schemas']['command.set-review-settings']['reviewWorkingDays'];
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** ServiceGuidePublished: a version of a licensing item's service guide (行政执法服务指南) */
    'event.ServiceGuidePublished': {
      version: components['schemas']['defs']['$defs']['documentVersion'];
      document: {
        name: components['schemas']['command.publish-service-guide']['name'];
        basis: components['schemas']['command.publish-service-guide']['basis'];
        acceptingOffice: components['schemas']['command.publish-service-guide']['acceptingOffice'];
        conditions: components['schemas']['command.publish-service-guide']['conditions'];
        preferentialPolicies: components['schemas']['command.publish-service-guide']['preferentialPolicies'];
        materials: components['schemas']['command.publish-service-guide']['materials'];
        procedure: components['schemas']['command.publish-service-guide']['procedure'];
        timeLimit: components['schemas']['command.publish-service-guide']['timeLimit'];
        supervision: components['schemas']['command.publish-service-guide']['supervision'];
        accountability: components['schemas']['command.publish-service-guide']['accountability'];
        remedies: components['schemas']['command.publish-service-guide']['remedies'];
        hours: components['schemas']['command.publish-service-guide']['hours'];
        address: components['schemas']['command.publish-service-guide']['address'];
        telephone: components['schemas']['command.publish-service-guide']['telephone'];
      };
      changed: components['schemas']['defs']['$defs']['changedMembers'];
      note?: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** ServiceGuideWithdrawn: a licensing item's service guide (行政执法服务指南) is withdrawn for good */
    'event.ServiceGuideWithdrawn': {
      version: components['schemas']['defs']['$defs']['documentVersion'];
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** SessionEnded: a portal session signed out by its user, refused by every replica until it would have expired */
    'event.SessionEnded': {
      /** @description The SHA-256 (lowercase hex) of the session's id; the id itself never leaves the sealed cookie. */
      session: string;
      agency: components['schemas']['defs']['$defs']['id'];
      /** @description When the session would have expired (RFC 3339). */
      until: components['schemas']['defs']['$defs']['dateTime'];
    };
    /** StatisticsPublished: the agency's yearly enforcement statistics were published on a day (and where), in the stream statspub-<agency>:<year> */
    'event.StatisticsPublished': {
      year: number;
      publishedOn: components['schemas']['defs']['$defs']['date'];
      url?: components['schemas']['command.record-statistics-publication']['url'];
    };
    /** SubjectAmended: the changed members of the subject, and why */
    'event.SubjectAmended': {
      changes: {
        name?: components['schemas']['command.register-subject']['name'];
        kind?: components['schemas']['command.register-subject']['kind'];
        sector?: components['schemas']['command.register-subject']['sector'];
        tags?: components['schemas']['command.register-subject']['tags'];
      };
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** SubjectRegistered: the subject's profile */
    'event.SubjectRegistered': components['schemas']['command.register-subject'];
    /** SubjectRetired: the subject leaves the directory, and why */
    'event.SubjectRetired': {
      reason: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** SubjectTokensRevoked: every bearer token of this subject of this agency issued before a time is refused */
    'event.SubjectTokensRevoked': {
      /** @description A token's sub claim. */
      sub: string;
      agency: components['schemas']['defs']['$defs']['id'];
      before: components['schemas']['defs']['$defs']['dateTime'];
      reason?: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** TokenRevoked: the bearer token with this jti, of this agency, is refused from now on */
    'event.TokenRevoked': {
      /** @description A token's jti claim (visible ASCII). */
      jti: string;
      agency: components['schemas']['defs']['$defs']['id'];
      reason?: components['schemas']['defs']['$defs']['nonEmptyText'];
    };
    /** WebhookChanged: a subscription's new settings, or its new key */
    'event.WebhookChanged': {
      /** @description The subscription's id. */
      webhookId: components['schemas']['defs']['$defs']['uuid'];
      agency: components['schemas']['defs']['$defs']['id'];
      /** @description Where deliveries are POSTed: https (http only for hosts the operator allow-lists); no credentials, no fragment. */
      url: string;
      /** @description Only events of these types; absent: every event of the agency. */
      eventTypes?: string[];
      /**
       * @description `public`: the subscription receives only the events that have a public record, each as the public API shows it; absent: the whole signed envelope of every event it subscribes to.
       * @constant
       */
      payload?: 'public';
      /** @description Which key of the subscription signs (1, then one more per rotation). */
      keyGeneration: number;
      /** @description A commitment to the key (SHA-256 based, 22 base64url characters): never the secret. */
      keyId: string;
      /** @description An Ed25519 subscription's public key, raw, base64. */
      publicKey?: string;
      /**
       * @description The subscription, disabled until now, is on again.
       * @constant
       */
      enabled?: true;
    };
    /** WebhookDeleted: a subscription was removed */
    'event.WebhookDeleted': {
      /** @description The subscription's id. */
      webhookId: components['schemas']['defs']['$defs']['uuid'];
      agency: components['schemas']['defs']['$defs']['id'];
    };
    /** WebhookDeliveriesClaimed: the subscription of the agency what it delivers (its URL, event types and payload, by their SHA-256) is claimed for, on webhookclaim-<agency>:<SHA-256 of that, hex>, before the subscription is made or changed to deliver it (replicas sharing one log) */
    'event.WebhookDeliveriesClaimed': {
      deliveries: components['schemas']['defs']['$defs']['sha256'];
      webhookId: components['schemas']['defs']['$defs']['uuid'];
    };
    /** WebhookDisabled: the service stopped delivering to a subscription (its receiver answered 410 Gone) */
    'event.WebhookDisabled': {
      /** @description The subscription's id. */
      webhookId: components['schemas']['defs']['$defs']['uuid'];
      agency: components['schemas']['defs']['$defs']['id'];
      /** @enum {unknown} */
      reason: 'receiver_gone';
      status?: number;
    };
    /** WebhookSubscribed: an agency subscribed a receiver to its events */
    'event.WebhookSubscribed': {
      /** @description The subscription's id. */
      webhookId: components['schemas']['defs']['$defs']['uuid'];
      agency: components['schemas']['defs']['$defs']['id'];
      /** @description Where deliveries are POSTed: https (http only for hosts the operator allow-lists); no credentials, no fragment. */
      url: string;
      /** @description Only events of these types; absent: every event of the agency. */
      eventTypes?: string[];
      /**
       * @description `public`: the subscription receives only the events that have a public record, each as the public API shows it; absent: the whole signed envelope of every event it subscribes to.
       * @constant
       */
      payload?: 'public';
      /**
       * @description How deliveries are signed (Standard Webhooks): hmac-sha256 (`v1,`, a `whsec_` secret, the default) or ed25519 (`v1a,`, the receiver holds a `whpk_` public key).
       * @enum {unknown}
       */
      signing: 'hmac-sha256' | 'ed25519';
      /** @description Which key of the subscription signs (1, then one more per rotation). */
      keyGeneration: number;
      /** @description A commitment to the key (SHA-256 based, 22 base64url characters): never the secret. */
      keyId: string;
      /** @description An Ed25519 subscription's public key, raw, base64. */
      publicKey?: string;
    };
    /** GET /v1/agencies: a page of the enforcement agencies (行政执法主体) that recorded a profile, by code */
    'response.agency-list': {
      items: {
        agency: components['schemas']['defs']['$defs']['id'];
        name: string;
        address?: string;
        telephone?: string;
        hours?: string;
        supervisionTelephone?: string;
        /** @description The profile's version (1 for the first recorded). */
        version: number;
        /**
         * Format: date-time
         * @description When the version was recorded.
         */
        updatedAt: string;
      }[];
      /** @description The cursor of the next page (`?cursor=`), when there is one. */
      next?: string;
    };
    /** GET /v1/agencies/{agency}/profile: what the agency says of itself to the public as it stands, and every version it recorded */
    'response.agency-profile': {
      agency: components['schemas']['defs']['$defs']['id'];
      /** @description How many versions the agency has recorded (0: none; the pages show the agency by its code). */
      version: number;
      /** @description The revision of the agency's profile stream at the latest version (version - 1): send it as If-Match to record a new version only over the one read (409 revision_conflict otherwise). Absent until the agency records one (If-None-Match: * then records the first version only if there is none yet). */
      revision?: number;
      /** @description The latest version; absent until the agency records one. */
      profile?: components['schemas']['response.agency-profile']['$defs']['profile'];
      /** @description Every version, oldest first, with the event that recorded it. */
      history: {
        version: number;
        profile: components['schemas']['response.agency-profile']['$defs']['profile'];
        reason?: string;
        /** Format: date-time */
        recordedAt: string;
        eventId: components['schemas']['defs']['$defs']['uuid'];
        hash: components['schemas']['defs']['$defs']['sha256'];
      }[];
      $defs: {
        profile: {
          name: string;
          address?: string;
          telephone?: string;
          hours?: string;
          supervisionTelephone?: string;
        };
      };
    };
    /** GET /v1/applications/{applicationId}: an application of the officer's agency as filed, its personal fields opened; the read is recorded (read_application) */
    'response.application-filing': {
      applicationId: components['schemas']['defs']['$defs']['uuid'];
      agency: components['schemas']['defs']['$defs']['id'];
      itemCode: components['schemas']['defs']['$defs']['id'];
      /**
       * @description filed (waiting), accepted (a case was opened: caseId) or rejected.
       * @enum {unknown}
       */
      status: 'filed' | 'accepted' | 'rejected';
      filedOn: components['schemas']['defs']['$defs']['date'];
      acceptBy: components['schemas']['defs']['$defs']['date'];
      /** @description The case the acceptance opened (its id is the application's). */
      caseId?: components['schemas']['defs']['$defs']['id'];
      /** @description Whether the applicant's personal data was erased: its fields then read [erased] and the attachments are not served. */
      erased: boolean;
      /** @description The applicant as filed. A sealed field reads [erased] once the application's key is destroyed, [sealed] where this service cannot open it. */
      applicant: {
        /** @enum {unknown} */
        kind: 'person' | 'organization';
        name: string;
        idNumber?: string;
        phone: string;
        email?: string;
        address?: string;
      };
      /** @description What is applied for (申请事项及内容), as the applicant wrote it. */
      request: string;
      /** @description The files filed, each read at GET /v1/applications/{applicationId}/attachments/{sha256}. */
      attachments: components['schemas']['command.file-application']['$defs']['attachment'][];
      /** @description The ApplicationFiled event. */
      eventId: components['schemas']['defs']['$defs']['uuid'];
      eventHash: components['schemas']['defs']['$defs']['sha256'];
    };
    /** GET /v1/applications/{agency}/{applicationId}/progress: where an application stands (no applicant data) */
    'response.application-progress': {
      applicationId: components['schemas']['defs']['$defs']['uuid'];
      agency: components['schemas']['defs']['$defs']['id'];
      itemCode: components['schemas']['defs']['$defs']['id'];
      filedOn: components['schemas']['defs']['$defs']['date'];
      acceptBy: components['schemas']['defs']['$defs']['date'];
      /**
       * @description filed → accepted (受理, its case opened) → decided → disclosed; or rejected (不予受理).
       * @enum {unknown}
       */
      status: 'filed' | 'accepted' | 'rejected' | 'decided' | 'disclosed';
      eventId: components['schemas']['defs']['$defs']['uuid'];
      eventHash: components['schemas']['defs']['$defs']['sha256'];
      caseId?: components['schemas']['defs']['$defs']['id'];
      acceptedOn?: components['schemas']['defs']['$defs']['date'];
      rejection?: {
        reason: string;
        legalBasis: string;
        rejectedOn: components['schemas']['defs']['$defs']['date'];
      };
      decision?: {
        decisionType: components['schemas']['defs']['$defs']['decisionType'];
        decidedOn: components['schemas']['defs']['$defs']['date'];
      };
      disclosedOn?: components['schemas']['defs']['$defs']['date'];
      /** @description When the erasure of the applicant's personal data was recorded (ApplicationDataErased). */
      dataErasedAt?: components['schemas']['defs']['$defs']['dateTime'];
    };
    /** GET /v1/applications: the applications filed with the officer's agency, those waiting first */
    'response.application-queue': {
      asOf: components['schemas']['defs']['$defs']['date'];
      items: {
        applicationId: components['schemas']['defs']['$defs']['uuid'];
        agency: components['schemas']['defs']['$defs']['id'];
        itemCode: components['schemas']['defs']['$defs']['id'];
        filedOn: components['schemas']['defs']['$defs']['date'];
        acceptBy: components['schemas']['defs']['$defs']['date'];
        status: components['schemas']['response.application-progress']['status'];
        eventId: components['schemas']['defs']['$defs']['uuid'];
        eventHash: components['schemas']['defs']['$defs']['sha256'];
        caseId?: components['schemas']['defs']['$defs']['id'];
        acceptedOn?: components['schemas']['defs']['$defs']['date'];
        rejection?: components['schemas']['response.application-progress']['rejection'];
        decision?: components['schemas']['response.application-progress']['decision'];
        disclosedOn?: components['schemas']['defs']['$defs']['date'];
        /** @enum {unknown} */
        applicantKind: 'person' | 'organization';
        applicantName: string;
        attachments: number;
        /** @description Waiting past acceptBy as of asOf. */
        overdue: boolean;
        /** @description When the erasure of the applicant's personal data was recorded (ApplicationDataErased). */
        dataErasedAt?: components['schemas']['defs']['$defs']['dateTime'];
      }[];
      /** @description The cursor of the next page, when there may be one. */
      next?: string;
    };
    /** POST /v1/applications: the receipt (回执). The lookup code is shown this once; only its hash is recorded */
    'response.application-receipt': {
      applicationId: components['schemas']['defs']['$defs']['uuid'];
      agency: components['schemas']['defs']['$defs']['id'];
      /** @description 128 random bits in RFC 4648 base32: with the application id, what shows the progress. Always given on 201; on a retry under the same Idempotency-Key (200), given only if the same replica answered the first request within 10 minutes (it keeps the code in memory only). */
      lookupCode?: string;
      filedOn: components['schemas']['defs']['$defs']['date'];
      /** @description The last day the agency may accept or refuse the application (working days). */
      acceptBy: components['schemas']['defs']['$defs']['date'];
      /** @description The ApplicationFiled event: its inclusion proof (GET /v1/ledger/proof/inclusion) proves the filing time. */
      eventId: components['schemas']['defs']['$defs']['uuid'];
      hash: components['schemas']['defs']['$defs']['sha256'];
      position: number;
      /**
       * @description Present (true) when a retry under the same Idempotency-Key found the application filed already: nothing new was filed (200).
       * @constant
       */
      replayed?: true;
    };
    /** An application accepted (with the case it opened), refused, or its applicant erased (with the event): the event's revision, position and hash */
    'response.application-written': {
      applicationId: components['schemas']['defs']['$defs']['uuid'];
      caseId?: components['schemas']['defs']['$defs']['id'];
      eventId?: components['schemas']['defs']['$defs']['uuid'];
      revision: number;
      position: number;
      hash: components['schemas']['defs']['$defs']['sha256'];
    };
    /** GET /v1/audit/access: retrievals of cases (调阅记录), newest first; refused ones are listed by GET /v1/audit/denied-access */
    'response.audit-access': {
      items: {
        /** @description Who read. */
        sub: string;
        /** @description The agency the reader acted for. */
        agency: string;
        /**
         * Format: date-time
         * @description When the retrieval was recorded.
         */
        at: string;
        caseId: components['schemas']['defs']['$defs']['id'];
        /** @description The agency of the case read: case ids are unique within an agency only. */
        caseAgency: string;
        /**
         * @description read_* a retrieval of the case itself (recorded on the case's access trail); list_* and read_feed a read that showed it among others (recorded on the reader's own trail, reads-<agency>:<sub>).
         * @enum {unknown}
         */
        action:
          | 'read_case'
          | 'read_events'
          | 'read_bundle'
          | 'read_media'
          | 'read_similar'
          | 'read_opening'
          | 'read_evaluations'
          | 'read_application'
          | 'list_cases'
          | 'list_reviews'
          | 'list_similar'
          | 'read_feed'
          | 'list_supervision'
          | 'list_applications';
        /** @enum {unknown} */
        outcome: 'granted' | 'denied';
        /** @description Why, as the reader said (x-purpose). */
        purpose?: string;
        /** @description The medium read. */
        media?: components['schemas']['defs']['$defs']['sha256'];
        /** @description The supervision view that listed the case, for list_supervision. */
        view?: string;
        requestId: string;
      }[];
      /** @description The cursor of the next page, when there may be one. */
      next?: string;
    };
    /** GET /v1/audit/certificates: acts outside certificate validity, certificates expiring or expired */
    'response.audit-certificates': {
      asOf: components['schemas']['defs']['$defs']['date'];
      /** @description Days ahead a certificate counts as expiring. */
      windowDays: number;
      /** @description Officers who took part in acts on days outside their certificate's validity as it now stands. */
      actsOutsideValidity: components['schemas']['response.audit-certificates']['$defs']['officer'][];
      /** @description Active officers whose certificate ends within windowDays of asOf, soonest first. */
      expiring: components['schemas']['response.audit-certificates']['$defs']['officer'][];
      /** @description Active officers whose certificate ended before asOf. */
      expired: components['schemas']['response.audit-certificates']['$defs']['officer'][];
      $defs: {
        officer: {
          officerId: components['schemas']['defs']['$defs']['id'];
          name: string;
          agency: components['schemas']['defs']['$defs']['id'];
          certificateNo: string;
          validFrom: components['schemas']['defs']['$defs']['date'];
          validTo: components['schemas']['defs']['$defs']['date'];
          /** @enum {unknown} */
          status: 'active' | 'suspended' | 'retired';
        };
      };
    };
    /**
     * GET /v1/audit/denied-access: refused retrievals by readers of the supervisor's agencies, newest first
     * @description Each item is a read that was answered 404: of a case or medium that does not exist, or that the reader may not read. The record does not say which, so it reveals nothing about other agencies.
     */
    'response.audit-denied-access': {
      items: {
        /** @description Who asked. */
        sub: string;
        /** @description The agency the reader acted for. */
        agency: string;
        /**
         * Format: date-time
         * @description When the refusal was recorded.
         */
        at: string;
        /** @enum {unknown} */
        action:
          | 'read_case'
          | 'read_events'
          | 'read_bundle'
          | 'read_media'
          | 'read_similar'
          | 'read_opening'
          | 'read_evaluations'
          | 'read_application';
        /** @description The case id asked for. */
        caseId?: components['schemas']['defs']['$defs']['id'];
        /** @description The medium asked for. */
        media?: components['schemas']['defs']['$defs']['sha256'];
        /** @description Why, as the reader said (x-purpose). */
        purpose?: string;
        requestId: string;
      }[];
      /** @description The cursor of the next page, when there may be one. */
      next?: string;
    };
    /** GET /v1/audit/device-recordings: the recordings attached to cases that name the device that made them, latest first */
    'response.audit-device-recordings': {
      items: {
        agency: components['schemas']['defs']['$defs']['id'];
        deviceId: components['schemas']['defs']['$defs']['id'];
        caseId: components['schemas']['defs']['$defs']['id'];
        eventId: components['schemas']['defs']['$defs']['uuid'];
        occurredAt: components['schemas']['defs']['$defs']['dateTime'];
        recordedBy: string;
        relatesTo?: components['schemas']['defs']['$defs']['id'];
        media: components['schemas']['defs']['$defs']['mediaRef'][];
      }[];
      /** @description The cursor of the next page, when there is one. */
      next?: string;
    };
    /** GET /v1/audit/devices: the recording devices (执法记录仪) of the supervised agencies, with how many recordings name each */
    'response.audit-devices': {
      items: {
        deviceId: components['schemas']['defs']['$defs']['id'];
        agency: components['schemas']['defs']['$defs']['id'];
        holder: components['schemas']['defs']['$defs']['id'];
        model?: components['schemas']['defs']['$defs']['nonEmptyText'];
        serialNo?: components['schemas']['defs']['$defs']['nonEmptyText'];
        status: components['schemas']['event.DeviceStatusChanged']['status'];
        recordings: number;
        registeredAt: components['schemas']['defs']['$defs']['dateTime'];
        updatedAt: components['schemas']['defs']['$defs']['dateTime'];
      }[];
      /** @description The cursor of the next page, when there is one. */
      next?: string;
    };
    /** GET /v1/audit/discretion-deviations: cases whose proposed or decided fine is outside its discretion benchmark */
    'response.audit-discretion-deviations': {
      items: {
        caseId: components['schemas']['defs']['$defs']['id'];
        agency: components['schemas']['defs']['$defs']['id'];
        itemCode: components['schemas']['defs']['$defs']['id'];
        status: components['schemas']['defs']['$defs']['caseStatus'];
        lastActivityOn: components['schemas']['defs']['$defs']['date'];
        /** @description The benchmark's finding on the case's latest proposed fine (proposal) or its decided one (decision), without the written reason: it is sealed personal data, read in the case file (docs/privacy.md). */
        proposal?: components['schemas']['response.audit-discretion-deviations']['$defs']['finding'];
        /** @description The benchmark's finding on the case's latest proposed fine (proposal) or its decided one (decision), without the written reason: it is sealed personal data, read in the case file (docs/privacy.md). */
        decision?: components['schemas']['response.audit-discretion-deviations']['$defs']['finding'];
      }[];
      next?: string;
      $defs: {
        /** @description The benchmark's finding on a fine, as the case file's (`discretionEntry` there) but without the written reason for a fine outside the range: it is sealed personal data, read in the case file (docs/privacy.md). */
        finding: {
          eventId: components['schemas']['defs']['$defs']['uuid'];
          fineFen: components['schemas']['defs']['$defs']['fen'];
          circumstance: components['schemas']['defs']['$defs']['circumstance'];
          benchmarkVersion: number;
          minFen: components['schemas']['defs']['$defs']['fen'];
          maxFen: components['schemas']['defs']['$defs']['fen'];
          within: boolean;
        };
      };
    };
    /** GET /v1/audit/due-for-erasure: closed cases and refused applications whose retention period has run out by asOf and whose personal data has not been erased */
    'response.audit-due-for-erasure': {
      asOf: components['schemas']['defs']['$defs']['date'];
      items: ({
        /**
         * @description A case's file (caseId, major), or an online application refused without opening a case (applicationId), erased with `ledger erase --application`.
         * @enum {unknown}
         */
        kind: 'case' | 'application';
        caseId?: components['schemas']['defs']['$defs']['id'];
        applicationId?: components['schemas']['defs']['$defs']['uuid'];
        agency: components['schemas']['defs']['$defs']['id'];
        itemCode: components['schemas']['defs']['$defs']['id'];
        itemName?: string;
        /** @description The day the case closed, or the application was refused: its retention counts from it. */
        closedOn: components['schemas']['defs']['$defs']['date'];
        /** @description Whether the case was major when it closed (cases only). */
        major?: boolean;
        /** @description The retention fixed when the file closed, and where it came from: the item's own period, the category's default, or the period of a refused application. */
        retention: {
          /** @description Whole calendar years. */
          period: number;
          /** @enum {unknown} */
          source: 'item' | 'category' | 'refused_application';
        };
        /** @description The first day past the retention: closedOn's month and day, retention years later (1 March for 29 February in a common year). */
        erasableFrom: components['schemas']['defs']['$defs']['date'];
        /** @description Calendar days from erasableFrom to asOf. */
        daysPast: number;
      } & (
        | {
            /** @constant */
            kind?: 'case';
            caseId: unknown;
            major: unknown;
            applicationId?: never;
          }
        | {
            /** @constant */
            kind?: 'application';
            applicationId: unknown;
            caseId?: never;
            major?: never;
          }
      ))[];
      /** @description The cursor of the next page, when there may be one. */
      next?: string;
    };
    /** GET /v1/audit/erasures: the erasures of personal data (cases', and applications' that opened no case), latest first, with no personal data */
    'response.audit-erasures': {
      items: ({
        /**
         * @description A case's erasure (caseId; `CaseDataErased`), or an online application's that opened no case (applicationId; `ApplicationDataErased`).
         * @enum {unknown}
         */
        kind: 'case' | 'application';
        caseId?: components['schemas']['defs']['$defs']['id'];
        applicationId?: components['schemas']['defs']['$defs']['uuid'];
        agency: components['schemas']['defs']['$defs']['id'];
        /**
         * Format: date-time
         * @description When the CaseDataErased or ApplicationDataErased event was recorded.
         */
        erasedAt: string;
        /** @description The admin who erased (the event's actor). */
        by: string;
        /** @description The legal ground (PIPL Article 47). */
        ground: components['schemas']['event.CaseDataErased']['ground'];
        /** @description The CaseDataErased or ApplicationDataErased event. */
        eventId: components['schemas']['defs']['$defs']['uuid'];
      } & (
        | {
            /** @constant */
            kind?: 'case';
            caseId: unknown;
            applicationId?: never;
          }
        | {
            /** @constant */
            kind?: 'application';
            applicationId: unknown;
            caseId?: never;
          }
      ))[];
      /** @description The cursor of the next page, when there may be one. */
      next?: string;
    };
    /** GET /v1/audit/evaluation-weak-points: case-file evaluations of a year by checklist rule, item and officer, weakest first */
    'response.audit-evaluation-weak-points': {
      year: number;
      agencies: components['schemas']['defs']['$defs']['id'][];
      evaluations: number;
      cases: number;
      byRule: {
        [key: string]: {
          evaluations: number;
          points: number;
          maxPoints: number;
          /** @description Points scored below full. */
          deductions: number;
          /** @description points / maxPoints in whole percent, rounded down. */
          percent: number;
        };
      };
      byItem: {
        evaluations: number;
        points: number;
        maxPoints: number;
        /** @description Points scored below full. */
        deductions: number;
        /** @description points / maxPoints in whole percent, rounded down. */
        percent: number;
        /** @description The agency whose item or officer this is: codes and officer ids are unique within an agency only. */
        agency: components['schemas']['defs']['$defs']['id'];
        itemCode: components['schemas']['defs']['$defs']['id'];
        /** @description The item's name as the agency's item list gives it now; absent for an item the list does not hold. */
        itemName?: string;
      }[];
      byOfficer: {
        evaluations: number;
        points: number;
        maxPoints: number;
        /** @description Points scored below full. */
        deductions: number;
        /** @description points / maxPoints in whole percent, rounded down. */
        percent: number;
        /** @description The agency whose item or officer this is: codes and officer ids are unique within an agency only. */
        agency: components['schemas']['defs']['$defs']['id'];
        officerId: components['schemas']['defs']['$defs']['id'];
      }[];
    };
    /** GET /v1/audit/major-decisions: major decisions beside their legal reviews, newest decision first */
    'response.audit-major-decisions': {
      items: {
        caseId: components['schemas']['defs']['$defs']['id'];
        agency: components['schemas']['defs']['$defs']['id'];
        itemCode: components['schemas']['defs']['$defs']['id'];
        decision: {
          eventId: string;
          decisionType: components['schemas']['defs']['$defs']['decisionType'];
          fineFen: components['schemas']['defs']['$defs']['fen'];
          decidedOn: components['schemas']['defs']['$defs']['date'];
          documentNo: string;
          legalBasis?: string;
          /** @description Who recorded the decision (the token's subject): with the reviewer and the head, whom responsibility (责任追究) names. */
          recordedBy?: string;
        };
        /** @description An approved legal review proposed this decision (type and amount). False for a decision issued over a review that rejected or returned its proposal, even when a coordination decision upheld the proposal (clearedBy: coordination). */
        matchedApprovedReview: boolean;
        /**
         * @description How the latest legal review cleared this decision (type and amount): approved_review, the review approved it; coordination, the review did not, and the recorded coordination decision (ReviewDisagreementResolved) upheld the proposal against it. Absent when nothing cleared it.
         * @enum {unknown}
         */
        clearedBy?: 'approved_review' | 'coordination';
        /** @description Once cleared: whether the decision applies the legal basis the clearing review examined (the same text but for white space and full-width forms). The gate compares type and amount only; false flags a decision on a basis no review examined. */
        legalBasisAsReviewed?: boolean;
        reviews: {
          eventId: string;
          occurredAt: components['schemas']['defs']['$defs']['dateTime'];
          reviewer: string;
          /** @enum {unknown} */
          outcome: 'approved' | 'rejected' | 'returned';
          proposal: {
            decisionType: components['schemas']['defs']['$defs']['decisionType'];
            fineFen?: components['schemas']['defs']['$defs']['fen'];
            legalBasis: string;
          };
          checks: {
            [key: string]: boolean;
          };
          /** @enum {unknown} */
          resolution?: 'proposal_upheld' | 'review_upheld';
          /** @description Who recorded the coordination decision settling this review's disagreement (the head). */
          coordinator?: string;
        }[];
        /** @description For a published decision, when a time-stamping authority is configured: what the RFC 3161 time-stamps of the log show of its publication. */
        attestation?: components['schemas']['defs']['$defs']['disclosureAttestation'];
      }[];
      /** @description The cursor of the next page, when there may be one. */
      next?: string;
    };
    /** GET /v1/audit/missing-recordings: cases whose seizures, demolitions or services lack their recording */
    'response.audit-missing-recordings': {
      items: {
        caseId: components['schemas']['defs']['$defs']['id'];
        agency: components['schemas']['defs']['$defs']['id'];
        itemCode: components['schemas']['defs']['$defs']['id'];
        status: components['schemas']['defs']['$defs']['caseStatus'];
        lastActivityOn: components['schemas']['defs']['$defs']['date'];
        /** @description The acts without the recording they require. */
        acts: {
          eventId: string;
          /** @enum {unknown} */
          type: 'PropertySeized' | 'ForcedDemolition' | 'DocumentServed';
          occurredAt: components['schemas']['defs']['$defs']['dateTime'];
          method?: components['schemas']['defs']['$defs']['serviceMethod'];
        }[];
      }[];
      /** @description The cursor of the next page, when there may be one. */
      next?: string;
    };
    /** GET /v1/audit/overdue-applications: applications neither accepted nor refused by their deadline */
    'response.audit-overdue-applications': {
      asOf: components['schemas']['defs']['$defs']['date'];
      items: {
        applicationId: components['schemas']['defs']['$defs']['uuid'];
        agency: components['schemas']['defs']['$defs']['id'];
        itemCode: components['schemas']['defs']['$defs']['id'];
        filedOn: components['schemas']['defs']['$defs']['date'];
        acceptBy: components['schemas']['defs']['$defs']['date'];
        /** @description Calendar days after acceptBy, to asOf. */
        daysOverdue: number;
      }[];
      /** @description The cursor of the next page, when there may be one. */
      next?: string;
    };
    /** GET /v1/audit/overdue-disclosures: decisions not published by asOf although due, and those published late */
    'response.audit-overdue-disclosures': {
      asOf: components['schemas']['defs']['$defs']['date'];
      items: {
        caseId: components['schemas']['defs']['$defs']['id'];
        agency: components['schemas']['defs']['$defs']['id'];
        itemCode: components['schemas']['defs']['$defs']['id'];
        decisionType: components['schemas']['defs']['$defs']['decisionType'];
        decidedOn: components['schemas']['defs']['$defs']['date'];
        /** @description The last day the decision may be published. */
        dueBy: components['schemas']['defs']['$defs']['date'];
        /**
         * @description overdue: not published by asOf; disclosed_late: published after dueBy; recorded_late: stated as published by dueBy, but recorded by the service after it (recordedOn).
         * @enum {unknown}
         */
        status: 'overdue' | 'disclosed_late' | 'recorded_late';
        /** @description When it was published, as the publication states (disclosed_late, recorded_late). */
        disclosedOn?: components['schemas']['defs']['$defs']['date'];
        /** @description The agency's day on which the service recorded the publication: recorded_late, and disclosed_late when recorded after the day it states. */
        recordedOn?: components['schemas']['defs']['$defs']['date'];
        /** @description Calendar days after dueBy: to asOf when overdue, to the publication when disclosed late (to its recording when that came later, with recordedOn), to its recording when recorded late. */
        daysOverdue: number;
        /** @description For a published decision, when a time-stamping authority is configured: what the RFC 3161 time-stamps of the log show of its publication. */
        attestation?: components['schemas']['defs']['$defs']['disclosureAttestation'];
      }[];
      /** @description The cursor of the next page, when there may be one. */
      next?: string;
    };
    /** GET /v1/audit/overdue-inspections: plans behind on asOf: drawn plans whose period is over with targets that have no outcome recorded, and plans never drawn whose period has begun */
    'response.audit-overdue-inspections': {
      asOf: components['schemas']['defs']['$defs']['date'];
      items: {
        agency: components['schemas']['defs']['$defs']['id'];
        planId: components['schemas']['defs']['$defs']['id'];
        title: string;
        startsOn: components['schemas']['defs']['$defs']['date'];
        /**
         * @description What is overdue: `outcomes` of drawn targets, or the `draw` itself (the plan was never drawn though its period has begun).
         * @enum {unknown}
         */
        stage: 'outcomes' | 'draw';
        /** @description The last day the overdue step was due: the end of the plan's inspection period (endsOn) for outcomes, its first day (startsOn) for the draw. */
        dueBy: components['schemas']['defs']['$defs']['date'];
        /** @description Calendar days from dueBy to asOf. */
        daysOverdue: number;
        /** @description Targets the plan drew (0 when it was never drawn). */
        drawn: number;
        /** @description The drawn targets without an outcome, with the inspectors drawn for each; empty for a plan never drawn. */
        targets: {
          subjectId: components['schemas']['defs']['$defs']['id'];
          name: string;
          inspectors: components['schemas']['defs']['$defs']['id'][];
        }[];
      }[];
      /** @description The cursor of the next page, when there may be one. */
      next?: string;
    };
    /** GET /v1/audit/overdue-reviews: requests for legal review not completed by their time limit by asOf, and those completed late, one item per request */
    'response.audit-overdue-reviews': {
      asOf: components['schemas']['defs']['$defs']['date'];
      items: {
        caseId: components['schemas']['defs']['$defs']['id'];
        agency: components['schemas']['defs']['$defs']['id'];
        itemCode: components['schemas']['defs']['$defs']['id'];
        /** @description The LegalReviewRequested event of the request: a case is listed once per request. */
        requestEventId: components['schemas']['defs']['$defs']['uuid'];
        /** @description The day the review was requested. */
        requestedOn: components['schemas']['defs']['$defs']['date'];
        /** @description The review's time limit in working days. */
        workingDays: number;
        /** @description The last day the review may be completed. */
        dueBy: components['schemas']['defs']['$defs']['date'];
        /**
         * @description overdue: not completed by asOf; completed_late: completed after dueBy; recorded_late: stated as completed by dueBy, but recorded by the service after it (recordedOn).
         * @enum {unknown}
         */
        status: 'overdue' | 'completed_late' | 'recorded_late';
        /** @description When the review was completed, as the completion states (completed_late, recorded_late). */
        completedOn?: components['schemas']['defs']['$defs']['date'];
        /** @description The agency's day on which the service recorded the completion (recorded_late; completed_late when it is later than completedOn). */
        recordedOn?: components['schemas']['defs']['$defs']['date'];
        /** @description Calendar days after dueBy: to asOf when overdue, to the completion (or to its recording, when later) when completed late, to its recording when recorded late. */
        daysOverdue: number;
      }[];
      /** @description The cursor of the next page, when there may be one. */
      next?: string;
    };
    /** GET /v1/audit/quarantine: events a projection could not apply, oldest first */
    'response.audit-quarantine': {
      items: {
        /** @description The projection whose views do not reflect the event. */
        projection: string;
        /** @description The event's position in the global log. */
        position: number;
        eventId: components['schemas']['defs']['$defs']['uuid'];
        stream: string;
        /** @description The event's type. */
        type: string;
        /** @description The agency of the event's actor. */
        agency: string;
        /** Format: date-time */
        recordedAt: string;
        /** @description The error's name and message; never the event's data. */
        reason: string;
      }[];
      /** @description The cursor of the next page, when there may be one. */
      next?: string;
    };
    /**
     * GET /v1/audit/reviewer-ratio: legal reviewers against active enforcement staff (at least 5%), per agency
     * @description Counted on `asOf`: only officers entitled to enforce that day (active, their certificate valid that day) count, as staff and as reviewers.
     */
    'response.audit-reviewer-ratio': {
      /** @description The day counted on. */
      asOf: components['schemas']['defs']['$defs']['date'];
      items: {
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The enforcement staff (执法人员) on asOf: active, their certificate valid that day, registered to enforce or to review (the officer or reviewer role); a head, supervisor or counsel who does neither is not counted. */
        activeOfficers: number;
        /** @description Those of them with the reviewer role (法制审核人员), who may clear major decisions: the 5% is counted on them. */
        reviewers: number;
        /** @description Those of the reviewers with a legal professional qualification (法律职业资格) granted by asOf: shown beside the ratio, not counted in it. */
        qualifiedReviewers: number;
        ratio: number;
        /** @description Reviewers needed: 5% of active officers, rounded up. */
        required: number;
        meets: boolean;
      }[];
    };
    /** GET /v1/audit/statistics: an agency's enforcement figures for a year, and where their publication stands */
    'response.audit-statistics': {
      agency: components['schemas']['defs']['$defs']['id'];
      year: number;
      asOf: components['schemas']['defs']['$defs']['date'];
      casesOpened: {
        total: number;
        byCategory: components['schemas']['response.audit-statistics']['$defs']['counts'];
      };
      decisions: {
        total: number;
        byType: components['schemas']['response.audit-statistics']['$defs']['counts'];
        major: number;
        /** @description Of the major decisions, those made though the latest legal review did not pass them, on the head's coordination decision upholding the proposal. */
        overFailedReview: number;
        fineFen: components['schemas']['defs']['$defs']['fen'];
      };
      /** @description Where the publication of each decision of the year stands as of asOf: exactly one of these. */
      disclosures: {
        onTime: number;
        late: number;
        exempted: number;
        missing: number;
        pending: number;
      };
      /** @description Decisions exempted from publication in the year (state secret, trade secret, personal privacy, another law), by ground. */
      exemptions: {
        total: number;
        byGround: components['schemas']['response.audit-statistics']['$defs']['counts'];
      };
      legalReviews: components['schemas']['response.audit-statistics']['$defs']['counts'];
      mandatoryRecordings: {
        acts: number;
        recorded: number;
      };
      caseFileEvaluations: components['schemas']['response.audit-statistics']['$defs']['caseFileEvaluations'];
      hearingsHeld: number;
      /** @description The statistics of a year are published by 20 January of the next: as the agency's admin recorded it (PUT /v1/agencies/{agency}/statistics/{year}/publication), due or overdue while it has not. */
      publication: {
        deadline: components['schemas']['defs']['$defs']['date'];
        /** @enum {unknown} */
        status: 'published_on_time' | 'published_late' | 'due' | 'overdue';
        /** @description The day the publication was recorded to have been made, when it was by asOf. */
        publishedOn?: components['schemas']['defs']['$defs']['date'];
        /** @description The agency's day on which the service recorded it: after the deadline, the publication is late whatever day it states. */
        recordedOn?: components['schemas']['defs']['$defs']['date'];
      };
      $defs: {
        counts: {
          [key: string]: number;
        };
        /** @description Case-file evaluations (案卷评查) of the cases closed in the year, per checklist rule. */
        caseFileEvaluations: {
          evaluations: number;
          cases: number;
          byRule: {
            [key: string]: {
              points: number;
              maxPoints: number;
              deductions: number;
            };
          };
          /** @description Per enforcement item (by code; `<agency>/<code>` in a sum over agencies): evaluations, their totals summed, the totals possible summed, and the average total score to one decimal. */
          byItem: {
            [key: string]: {
              evaluations: number;
              points: number;
              maxPoints: number;
              averageScore: number;
            };
          };
        };
      };
    };
    /**
     * GET /v1/audit/warnings: what a supervisor should act on before it affects deadlines
     * @description calendar_year_missing: from 1 December, next year's working-day schedule is not recorded (deadlines counted into it would use Monday to Friday only).
     */
    'response.audit-warnings': {
      items: {
        /** @enum {unknown} */
        code: 'calendar_year_missing';
        year: number;
        since: components['schemas']['defs']['$defs']['date'];
        message: string;
      }[];
    };
    /** The result of an atomic batch of acts: the last event's revision, position and hash, and every event recorded */
    'response.batch-result': {
      caseId: components['schemas']['defs']['$defs']['id'];
      revision: components['schemas']['response.write-result']['revision'];
      position: components['schemas']['response.write-result']['position'];
      hash: components['schemas']['defs']['$defs']['sha256'];
      /** @description In stream order. */
      events: {
        eventId: components['schemas']['defs']['$defs']['uuid'];
        type: string;
        revision: components['schemas']['response.write-result']['revision'];
        hash: components['schemas']['defs']['$defs']['sha256'];
      }[];
    };
    /** GET /v1/benchmarks/{agency}/{itemCode}: an item's benchmark in force and every version, oldest first */
    'response.benchmark-history': {
      current: components['schemas']['response.benchmark-list']['$defs']['benchmark'];
      versions: components['schemas']['response.benchmark-list']['$defs']['benchmark'][];
    };
    /** GET /v1/benchmarks: the discretion benchmarks in force (裁量基准), their current versions */
    'response.benchmark-list': {
      items: components['schemas']['response.benchmark-list']['$defs']['benchmark'][];
      next?: string;
      $defs: {
        benchmark: {
          agency: components['schemas']['defs']['$defs']['id'];
          itemCode: components['schemas']['defs']['$defs']['id'];
          basis: string;
          version: number;
          circumstances: components['schemas']['command.set-benchmark']['circumstances'];
          /** Format: date-time */
          setAt: string;
          /** @description Why this version changed the benchmark. */
          reason?: string;
        };
      };
    };
    /** POST /v1/benchmarks: the version of the benchmark recorded */
    'response.benchmark-written': {
      itemCode: components['schemas']['defs']['$defs']['id'];
      agency: components['schemas']['defs']['$defs']['id'];
      version: number;
      eventId: components['schemas']['response.write-result']['eventId'];
      revision: number;
      position: number;
      hash: components['schemas']['defs']['$defs']['sha256'];
    };
    /** GET /v1/calendar: the years the working-day calendar covers, and where each year's schedule comes from */
    'response.calendar': {
      years: {
        year: number;
        /** @enum {unknown} */
        basis: 'recorded' | 'shipped';
      }[];
    };
    /** A recorded year of the working-day calendar: the signed event in the working-day-calendar stream */
    'response.calendar-recorded': {
      eventId: components['schemas']['defs']['$defs']['uuid'];
      year: number;
      /** @description The event's revision in the working-day-calendar stream. */
      revision: number;
      /** @description The event's position in the global log. */
      position: number;
      hash: components['schemas']['defs']['$defs']['sha256'];
    };
    /** GET /v1/calendar/{year}: the schedule of a year in use and where it comes from */
    'response.calendar-year': {
      year: number;
      /**
       * @description recorded: by an admin, as a signed event; shipped: the schedule file the service started with.
       * @enum {unknown}
       */
      basis: 'recorded' | 'shipped';
      holidays: components['schemas']['defs']['$defs']['calendarHolidays'];
      workdays: components['schemas']['defs']['$defs']['makeUpWorkdays'];
      source: string;
      url?: string;
      recorded?: {
        eventId: components['schemas']['defs']['$defs']['uuid'];
        recordedAt: string;
        agency: components['schemas']['defs']['$defs']['id'];
      };
    };
    /** GET /v1/cases/{caseId}/evaluations: each supervisor's evaluation of the case file, as amended */
    'response.case-evaluations': {
      caseId: components['schemas']['defs']['$defs']['id'];
      items: {
        caseId: components['schemas']['defs']['$defs']['id'];
        itemCode: components['schemas']['defs']['$defs']['id'];
        officers: components['schemas']['defs']['$defs']['id'][];
        closedOn: components['schemas']['defs']['$defs']['date'];
        evaluator: components['schemas']['defs']['$defs']['id'];
        /** @description The evaluator's agency, when it is not the case's (a supervising agency). */
        evaluatorAgency?: components['schemas']['defs']['$defs']['id'];
        scores: components['schemas']['command.evaluate-case-file']['scores'];
        total: number;
        maxTotal: number;
        agency: components['schemas']['defs']['$defs']['id'];
        closedYear: number;
        eventId: components['schemas']['defs']['$defs']['uuid'];
        /** Format: date-time */
        evaluatedAt: string;
        amendments: number;
        reason?: string;
      }[];
    };
    /** GET /v1/cases/{caseId}/events: a page of the signed events of the case, each with its global position */
    'response.case-events': {
      caseId: components['schemas']['defs']['$defs']['id'];
      /** @description The agency the case belongs to (case ids are unique within an agency only). */
      agency?: string;
      /** @description Stream order, from the revision the cursor names (the first event without one): each item is a signed event envelope (urn:evidence-ledger:schema:event-envelope:1) with its global position added. */
      events: {
        /** @description The event's position in the global log. */
        position: number;
        /** @description Not signed: the sealed personal fields of the event opened with the case's data key, by JSON Pointer into data; "[erased]" once the case's personal data was erased (docs/privacy.md). Absent when the event has no sealed field. */
        personal?: Record<string, unknown>;
        id: components['schemas']['event-envelope']['id'];
        stream: components['schemas']['event-envelope']['stream'];
        revision: components['schemas']['event-envelope']['revision'];
        type: components['schemas']['event-envelope']['type'];
        schemaVersion: components['schemas']['event-envelope']['schemaVersion'];
        occurredAt: components['schemas']['event-envelope']['occurredAt'];
        recordedAt: components['schemas']['event-envelope']['recordedAt'];
        actor: components['schemas']['event-envelope']['actor'];
        data: components['schemas']['event-envelope']['data'];
        media: components['schemas']['event-envelope']['media'];
        prev: components['schemas']['event-envelope']['prev'];
        hash: components['schemas']['event-envelope']['hash'];
        sig: components['schemas']['event-envelope']['sig'];
        actorSig?: components['schemas']['event-envelope']['actorSig'];
      }[];
      /** @description The cursor of the next page, present when more events follow. */
      next?: string;
    };
    /** GET /v1/cases/{caseId}: the case file (案卷), a read model of the case's signed events */
    'response.case-file': {
      caseId: components['schemas']['defs']['$defs']['id'];
      agency: components['schemas']['defs']['$defs']['id'];
      itemCode: components['schemas']['defs']['$defs']['id'];
      title: components['schemas']['defs']['$defs']['nonEmptyText'];
      status: components['schemas']['defs']['$defs']['caseStatus'];
      /** @description Whether the proposed or issued decision meets the item's major-decision criteria. */
      major: boolean;
      /** @description The revision of the case's last event (also the ETag). */
      revision: number;
      parties: components['schemas']['defs']['$defs']['party'][];
      /** @description The handling officers. */
      officers: components['schemas']['defs']['$defs']['id'][];
      /** @description Every event of the case, in stream order. */
      timeline: {
        eventId: components['schemas']['defs']['$defs']['uuid'];
        revision: number;
        type: string;
        /** Format: date-time */
        occurredAt: string;
        /** Format: date-time */
        recordedAt: string;
        hash: components['schemas']['defs']['$defs']['sha256'];
        /** @description For a RecordCorrected event: the id of the event it corrects. */
        corrects?: components['schemas']['defs']['$defs']['uuid'];
        position: number;
        /** @description Who recorded the act (the token's subject). */
        recordedBy: string;
        /** @description The officers the act names. */
        officers?: components['schemas']['defs']['$defs']['id'][];
        /** @description The act's data as recorded, with what the rules derived. */
        data: Record<string, unknown>;
        /** @description SHA-256 of the media the act references. */
        media: components['schemas']['defs']['$defs']['sha256'][];
        /** @description Corrections later recorded for this act, shown beside it. */
        corrections?: {
          eventId: components['schemas']['defs']['$defs']['uuid'];
          /** Format: date-time */
          occurredAt: string;
          reason: string;
          data: Record<string, unknown>;
        }[];
      }[];
      /** @description Every medium the case's events reference, once each, with the events referencing it. */
      media: {
        sha256: components['schemas']['defs']['$defs']['sha256'];
        size: number;
        contentType: string;
        eventIds: components['schemas']['defs']['$defs']['uuid'][];
      }[];
      /** @description Legal reviews (法制审核) with their checklists, and how a disagreement was resolved. */
      reviews: {
        eventId: components['schemas']['defs']['$defs']['uuid'];
        /** Format: date-time */
        occurredAt: string;
        reviewer: components['schemas']['defs']['$defs']['id'];
        /** @enum {unknown} */
        outcome: 'approved' | 'rejected' | 'returned';
        opinion: string;
        proposal: Record<string, unknown>;
        checks: {
          [key: string]: boolean;
        };
        /** @enum {unknown} */
        resolution?: 'proposal_upheld' | 'review_upheld';
        /** @description The id of the event recording the coordination decision. */
        resolvedBy?: components['schemas']['defs']['$defs']['uuid'];
        /** @description Who recorded the coordination decision (the head, 负责人): the token's subject. */
        coordinator?: string;
      }[];
      /** @description Present once the case is marked major, complex or difficult (重大、疑难、复杂) or a legal adviser's or public-sector lawyer's opinion is recorded; opinionRequired: the legal review waits for an opinion. */
      counsel?: {
        markings: {
          eventId: components['schemas']['defs']['$defs']['uuid'];
          /** Format: date-time */
          occurredAt: string;
          markedBy: string;
          reason: string;
        }[];
        opinions: {
          eventId: components['schemas']['defs']['$defs']['uuid'];
          /** Format: date-time */
          occurredAt: string;
          counsel: components['schemas']['defs']['$defs']['id'];
          name?: string;
          counselRole: components['schemas']['defs']['$defs']['counselRole'];
          opinion: string;
          givenOn: components['schemas']['defs']['$defs']['date'];
          media: components['schemas']['defs']['$defs']['sha256'][];
        }[];
        opinionRequired: boolean;
      };
      /** @description The time limit (审核时限) of the latest request for legal review: requested on, the working days, the last day counted on the working-day calendar, and where it stands today (asOf, the agency's local date), as /v1/audit/overdue-reviews judges it: onTime, late (completed after the last day, or recorded by the service after it; daysOverdue counted to the later of the two), overdue or pending. */
      reviewDeadline?: {
        requestedOn: components['schemas']['defs']['$defs']['date'];
        workingDays: number;
        dueBy: components['schemas']['defs']['$defs']['date'];
        completedOn?: components['schemas']['defs']['$defs']['date'];
        asOf: components['schemas']['defs']['$defs']['date'];
        /** @enum {unknown} */
        status: 'onTime' | 'late' | 'overdue' | 'pending';
        daysOverdue?: number;
      };
      /** @description The time limit for publishing (公示) the decision, present once a decision has been issued: its day, the working days, the last day counted on the working-day calendar, and where it stands today (asOf, the agency's local date), as /v1/audit/overdue-disclosures judges it: onTime or late (as the publication recorded, publishedOn), exempted (exemptedOn), overdue (unpublished past the last day) or pending. */
      disclosureDeadline?: {
        decidedOn: components['schemas']['defs']['$defs']['date'];
        workingDays: number;
        dueBy: components['schemas']['defs']['$defs']['date'];
        publishedOn?: components['schemas']['defs']['$defs']['date'];
        exemptedOn?: components['schemas']['defs']['$defs']['date'];
        asOf: components['schemas']['defs']['$defs']['date'];
        /** @enum {unknown} */
        status: 'onTime' | 'late' | 'exempted' | 'overdue' | 'pending';
        daysOverdue?: number;
      };
      /** @description Present once a decision has been issued. */
      decision?: {
        /** @description Who recorded the decision (the token's subject): with the reviewer and the head, whom responsibility (责任追究) names. */
        recordedBy?: string;
        decisionType: components['schemas']['defs']['$defs']['decisionType'];
        fineFen: components['schemas']['defs']['$defs']['fen'];
        decidedOn: components['schemas']['defs']['$defs']['date'];
        disclosureDueBy: components['schemas']['defs']['$defs']['date'];
        disclosedOn?: components['schemas']['defs']['$defs']['date'];
        disclosedOnTime?: boolean;
        /**
         * @description weekdays_only: disclosureDueBy is counted on weekdays only, the official schedule of a year it spans being missing; it is counted again once the schedule is recorded. Absent when counted on the official schedule.
         * @constant
         */
        calendarBasis?: 'weekdays_only';
        /** @description The agency's day on which the service recorded the publication, which may be after disclosedOn, the day the publication states. */
        disclosureRecordedOn?: components['schemas']['defs']['$defs']['date'];
        eventId: components['schemas']['defs']['$defs']['uuid'];
        legalBasis: string;
        documentNo: string;
        /** @description The issued document (决定书) as a file, when the decision named it (documentSha256): one of the decision's media. */
        document?: components['schemas']['defs']['$defs']['mediaRef'];
        major: boolean;
        circumstance?: components['schemas']['defs']['$defs']['circumstance'];
        disclosureWorkingDays: number;
        /** @description The publication's withdrawal (撤销), when withdrawn. */
        withdrawn?: {
          eventId: components['schemas']['defs']['$defs']['uuid'];
          /** Format: date-time */
          occurredAt: string;
          reason: string;
        };
        /** @description The decision's exemption from publication (不予公开), when exempted: never published, shown to the agency and its supervisors. */
        exemption?: {
          eventId: components['schemas']['defs']['$defs']['uuid'];
          /** Format: date-time */
          occurredAt: string;
          /** @description The agency's day of occurredAt: from it the decision is no longer due for publication. */
          exemptedOn: components['schemas']['defs']['$defs']['date'];
          /** @description The agency's day on which the service recorded the exemption, which may be after exemptedOn: a supervision view of a day before it (asOf) shows the decision not exempted. */
          recordedOn?: components['schemas']['defs']['$defs']['date'];
          recordedBy: string;
          ground: components['schemas']['defs']['$defs']['exemptionGround'];
          legalBasis: string;
          reason: string;
        };
        /** @description Updates of the publication (更新), oldest first. */
        updates: {
          eventId: components['schemas']['defs']['$defs']['uuid'];
          /** Format: date-time */
          occurredAt: string;
          reason: string;
        }[];
      };
      /** @description The enforcement item's name, as the item list stood when the case was opened. */
      itemName?: string;
      /**
       * @description The enforcement item's category.
       * @enum {unknown}
       */
      itemCategory?: 'penalty' | 'licensing' | 'coercive' | 'inspection' | 'levy' | 'other';
      openedOn: components['schemas']['defs']['$defs']['date'];
      /** @description Global log position of the case's last event (use it with ?consistentWith=). */
      position: number;
      /**
       * Format: date-time
       * @description When the case's last event was recorded.
       */
      updatedAt: string;
      lastActivityOn?: components['schemas']['defs']['$defs']['date'];
      closedOn?: components['schemas']['defs']['$defs']['date'];
      /** @description The handling officers with their names and certificate numbers from the officer list. */
      handlingOfficers: {
        officerId: components['schemas']['defs']['$defs']['id'];
        name?: string;
        certificateNo?: string;
      }[];
      /** @description Evidence collected and recordings attached, in order. */
      evidence: {
        eventId: components['schemas']['defs']['$defs']['uuid'];
        /** @enum {unknown} */
        type: 'EvidenceCollected' | 'RecordingAttached';
        /** Format: date-time */
        occurredAt: string;
        description: string;
        media: components['schemas']['defs']['$defs']['sha256'][];
      }[];
      /** @description The completeness checklist: recordings for mandatory acts, review of a major decision, disclosure, service. */
      completeness: {
        recordings: {
          /** @enum {unknown} */
          status: 'complete' | 'missing' | 'pending' | 'not_applicable';
          /** @description Acts lacking their recording. */
          missing: components['schemas']['defs']['$defs']['uuid'][];
        };
        legalReview: {
          /** @enum {unknown} */
          status: 'complete' | 'missing' | 'pending' | 'not_applicable';
          /**
           * @description Once complete: an approved review, or the head's coordination decision upholding the proposal against a review that did not pass it (审核未通过, decided over it).
           * @enum {unknown}
           */
          clearedBy?: 'approved_review' | 'coordination';
          /**
           * @description false when the decision the review cleared (for its type and amount) applies another legal basis than the one the review examined; absent otherwise.
           * @constant
           */
          legalBasisAsReviewed?: false;
        };
        disclosure: {
          /**
           * @description complete: published; exempted: the decision is lawfully exempted from publication (decision.exemption); withdrawn: published, then its publication withdrawn (decision.withdrawn), never due again; missing: not published and past its last day (disclosureDeadline.status overdue); pending: not published, not yet due.
           * @enum {unknown}
           */
          status: 'complete' | 'missing' | 'pending' | 'not_applicable' | 'exempted' | 'withdrawn';
        };
        service: {
          /** @enum {unknown} */
          status: 'complete' | 'missing' | 'pending' | 'not_applicable';
        };
      };
      /** @description Flags the supervision views filter on. */
      audit?: {
        missingRecordings: boolean;
        decided: boolean;
        disclosed: boolean;
        /** @description The latest proposal or the decision is a fine outside its discretion benchmark's range. */
        discretionOutside?: boolean;
      };
      /** @description What the discretion benchmark (裁量基准) found of the latest proposed fine and of the decision's. */
      discretion?: {
        proposal?: components['schemas']['response.case-file']['$defs']['discretionEntry'];
        decision?: components['schemas']['response.case-file']['$defs']['discretionEntry'];
      };
      /** @description Present once the case's personal data was erased (a signed CaseDataErased event): its personal fields read "[erased]" (docs/privacy.md). */
      erased?: {
        eventId: components['schemas']['defs']['$defs']['uuid'];
        /** Format: date-time */
        erasedAt: string;
        ground: components['schemas']['command.erase-case']['ground'];
      };
      $defs: {
        discretionEntry: {
          eventId: components['schemas']['defs']['$defs']['uuid'];
          fineFen: components['schemas']['defs']['$defs']['fen'];
          deviationReason?: string;
          circumstance: components['schemas']['defs']['$defs']['circumstance'];
          benchmarkVersion: number;
          minFen: components['schemas']['defs']['$defs']['fen'];
          maxFen: components['schemas']['defs']['$defs']['fen'];
          within: boolean;
        };
      };
    };
    /** GET /v1/cases: a page of case summaries, newest opened first */
    'response.case-list': {
      items: {
        caseId: components['schemas']['defs']['$defs']['id'];
        agency: components['schemas']['defs']['$defs']['id'];
        itemCode: components['schemas']['defs']['$defs']['id'];
        title: string;
        status: components['schemas']['defs']['$defs']['caseStatus'];
        major: boolean;
        openedOn: components['schemas']['defs']['$defs']['date'];
        revision: number;
        /** Format: date-time */
        updatedAt: string;
        decision?: {
          decisionType: components['schemas']['defs']['$defs']['decisionType'];
          decidedOn: components['schemas']['defs']['$defs']['date'];
        };
      }[];
      /** @description The cursor of the next page, when there may be one. */
      next?: string;
    };
    /** GET /v1/ledger/checkpoint: a signed checkpoint of the Merkle log */
    'response.checkpoint': {
      origin: string;
      size: number;
      /** @description Standard base64 of the RFC 6962 root hash. */
      rootHash: string;
      /** @description The C2SP signed note: the tlog-checkpoint body, a blank line, the signature line. */
      note: string;
      /** Format: date-time */
      issuedAt: string;
      /** @description RFC 3161 time-stamps of the note (docs/integrity.md §15), in the order recorded. */
      timestamps?: {
        /** @description The authority's URL (TSA_URLS). */
        tsa: string;
        /** @description Base64 of the DER TimeStampToken. */
        token: string;
        /**
         * Format: date-time
         * @description The token's genTime, as the service read it; a verifier reads it from the token.
         */
        genTime: string;
      }[];
      /** @description The signed note with the witnesses' cosignature lines (C2SP tlog-cosignature) added after the log's signature; the note itself while no witness cosigned it. */
      cosignedNote: string;
      /** @description The witnesses that cosigned the checkpoint (docs/integrity.md §12.4). */
      cosignatures: {
        /** @description The witness's key name. */
        witness: string;
        /** @description The witness's cosignature/v1 key ID, hex. */
        keyHash: string;
        /** @description When the witness cosigned, POSIX seconds (inside its signed line). */
        timestamp: number;
        /** Format: date-time */
        cosignedAt: string;
      }[];
    };
    /** GET /v1/ledger/checkpoints: checkpoints, largest tree first */
    'response.checkpoint-list': {
      items: {
        origin: string;
        size: number;
        /** @description Standard base64 of the RFC 6962 root hash. */
        rootHash: string;
        /** @description The C2SP signed note: the tlog-checkpoint body, a blank line, the signature line. */
        note: string;
        /** Format: date-time */
        issuedAt: string;
        /** @description RFC 3161 time-stamps of the note (docs/integrity.md §15), in the order recorded. */
        timestamps?: {
          /** @description The authority's URL (TSA_URLS). */
          tsa: string;
          /** @description Base64 of the DER TimeStampToken. */
          token: string;
          /**
           * Format: date-time
           * @description The token's genTime, as the service read it; a verifier reads it from the token.
           */
          genTime: string;
        }[];
        /** @description The signed note with the witnesses' cosignature lines (C2SP tlog-cosignature) added after the log's signature; the note itself while no witness cosigned it. */
        cosignedNote: string;
        /** @description The witnesses that cosigned the checkpoint (docs/integrity.md §12.4). */
        cosignatures: {
          /** @description The witness's key name. */
          witness: string;
          /** @description The witness's cosignature/v1 key ID, hex. */
          keyHash: string;
          /** @description When the witness cosigned, POSIX seconds (inside its signed line). */
          timestamp: number;
          /** Format: date-time */
          cosignedAt: string;
        }[];
      }[];
      next?: string;
    };
    /** GET /v1/ledger/proof/consistency: an RFC 9162 consistency proof */
    'response.consistency-proof': {
      from: number;
      to: number;
      proof: string[];
    };
    /** A draft of a decision document: its id, the PDF's SHA-256 (what DecisionIssued names as documentSha256 once issued), and both files */
    'response.decision-draft': {
      draftId: components['schemas']['defs']['$defs']['id'];
      caseId: components['schemas']['defs']['$defs']['id'];
      decisionType: components['schemas']['defs']['$defs']['decisionType'];
      documentNo: string;
      template: components['schemas']['event.DecisionDrafted']['template'];
      documentSha256: components['schemas']['defs']['$defs']['sha256'];
      pdf: components['schemas']['response.decision-draft']['$defs']['file'];
      docx: components['schemas']['response.decision-draft']['$defs']['file'];
      $defs: {
        file: {
          sha256: components['schemas']['defs']['$defs']['sha256'];
          size: components['schemas']['defs']['$defs']['mediaRef']['size'];
          contentType: components['schemas']['defs']['$defs']['mediaRef']['contentType'];
          /** @description Where the file is read: GET, by whoever may read the case. */
          href: string;
        };
      };
    };
    /** GET /v1/agencies/{agency}/decision-templates/{decisionType}: the template in force and every change the agency recorded, oldest first */
    'response.decision-template': {
      agency: components['schemas']['defs']['$defs']['id'];
      decisionType: components['schemas']['defs']['$defs']['decisionType'];
      /**
       * @description agency: the agency’s own template is in force; default: the template shipped with the service.
       * @enum {unknown}
       */
      source: 'agency' | 'default';
      /** @description How many changes the agency recorded for this decision type (0: none). */
      version: number;
      /** @description The template in force: the agency’s own, or the shipped one. */
      template: components['schemas']['command.set-decision-template']['$defs']['template'];
      history: {
        version: number;
        /**
         * @description set: a template of the agency’s own; reset: back to the shipped one.
         * @enum {unknown}
         */
        change: 'set' | 'reset';
        template?: components['schemas']['command.set-decision-template']['$defs']['template'];
        reason: string;
        /** Format: date-time */
        recordedAt: string;
        eventId: components['schemas']['defs']['$defs']['uuid'];
        hash: components['schemas']['defs']['$defs']['sha256'];
      }[];
    };
    /**
     * The result of a decision template change: the agency, the decision type, the change’s version, and the event’s stream revision, global position and hash
     * @description 201 when the event was recorded, 200 when an Idempotency-Key retry found the original.
     */
    'response.decision-template-write': {
      agency: components['schemas']['defs']['$defs']['id'];
      decisionType: components['schemas']['defs']['$defs']['decisionType'];
      version: number;
      eventId?: components['schemas']['response.write-result']['eventId'];
      revision: components['schemas']['response.write-result']['revision'];
      position: components['schemas']['response.write-result']['position'];
      hash: components['schemas']['defs']['$defs']['sha256'];
    };
    /** GET /v1/agencies/{agency}/decision-templates: per decision type, the template in force and whether it is the agency’s own or the shipped default */
    'response.decision-templates': {
      agency: components['schemas']['defs']['$defs']['id'];
      items: components['schemas']['response.decision-templates']['$defs']['current'][];
      $defs: {
        current: {
          decisionType: components['schemas']['defs']['$defs']['decisionType'];
          /**
           * @description agency: the agency’s own template is in force; default: the template shipped with the service.
           * @enum {unknown}
           */
          source: 'agency' | 'default';
          /** @description How many changes the agency recorded for this decision type (0: none). */
          version: number;
          /** @description The template in force: the agency’s own, or the shipped one. */
          template: components['schemas']['command.set-decision-template']['$defs']['template'];
        };
      };
    };
    /**
     * GET /v1/disclosures: a page of published decisions and of withdrawal notices, redacted
     * @description Published decisions newest publication first; withdrawal notices (decisions whose publication was withdrawn) newest withdrawal first. Persons' names are masked; no id numbers, phones or addresses are ever included. `next` continues both lists.
     */
    'response.disclosure-list': {
      items: {
        caseId: string;
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The agency's name as its public profile records it now (GET /v1/agencies); absent when it has recorded none. */
        agencyName?: string;
        itemCode: components['schemas']['defs']['$defs']['id'];
        itemName?: string;
        category?: components['schemas']['defs']['$defs']['itemCategory'];
        decisionType: components['schemas']['defs']['$defs']['decisionType'];
        /** @description The fine in fen; 0 when the decision carries no fine (a warning, a licence). */
        fineFen: number;
        legalBasis: string;
        documentNo: string;
        decidedOn: components['schemas']['defs']['$defs']['date'];
        publishedOn: components['schemas']['defs']['$defs']['date'];
        /**
         * Format: date-time
         * @description When the entry last changed (published or updated).
         */
        updatedAt: string;
        /** @description The last day of the publication's deadline, in the agency's calendar (the day itself included). */
        dueBy?: components['schemas']['defs']['$defs']['date'];
        /** @description Whether the decision was published by its deadline, as recorded. */
        onTime?: boolean;
        /** @description The updates of the publication (更新), oldest first: when each was recorded and why. */
        updates?: {
          /** Format: date-time */
          updatedAt: string;
          reason: string;
        }[];
        parties: {
          /** @enum {unknown} */
          kind: 'person' | 'organization';
          name: string;
        }[];
        /** @description For each person's name shown masked whose original the case's CaseOpened event holds sealed: that event, the JSON Pointer of the field in its data, and the salted commitment to the original (docs/privacy.md). A party holding the salt and the value proves the public text came from the sealed original with `ledger verify-disclosure`. Absent for entries recorded before sealing. */
        redactions?: {
          eventId: components['schemas']['defs']['$defs']['uuid'];
          path: string;
          commitment: string;
        }[];
        /** @description The event that published the decision or last updated its publication: its inclusion in the log is checked with GET /v1/ledger/proof/inclusion?eventId=. */
        eventId?: string;
        attestation?: components['schemas']['defs']['$defs']['disclosureAttestation'];
      }[];
      withdrawals: {
        caseId: string;
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The agency's name as its public profile records it now (GET /v1/agencies); absent when it has recorded none. */
        agencyName?: string;
        itemCode: components['schemas']['defs']['$defs']['id'];
        /** @description The enforcement item's name, as the item list publishes it. */
        itemName?: string;
        documentNo: string;
        publishedOn: components['schemas']['defs']['$defs']['date'];
        /** Format: date-time */
        withdrawnAt: string;
        reason: string;
        /** @description The event that withdrew the publication. */
        eventId?: string;
      }[];
      /** @description The cursor of the next page, when there may be one. */
      next?: string;
      /** @description The latest signed checkpoint of the log (as GET /v1/ledger/checkpoint answers), published with the decisions. */
      checkpoint?: components['schemas']['response.checkpoint'];
    };
    /** POST /v1/cases/{caseId}/evaluations: the evaluation recorded */
    'response.evaluation-written': {
      caseId: components['schemas']['defs']['$defs']['id'];
      /** @description The agency whose case file was evaluated. */
      agency: components['schemas']['defs']['$defs']['id'];
      /** @enum {unknown} */
      type: 'CaseFileEvaluated' | 'CaseFileEvaluationAmended';
      total: number;
      eventId: components['schemas']['response.write-result']['eventId'];
      revision: number;
      position: number;
      hash: components['schemas']['defs']['$defs']['sha256'];
    };
    /** GET /v1/events: a page of the pull feed, the signed events of the agencies the caller may read in log order */
    'response.event-feed': {
      /** @description Global-log order, after the position asked for: each item is an event's position and its signed envelope, as stored. */
      events: {
        /** @description The event's position in the global log: never changes, strictly increasing. */
        position: number;
        event: components['schemas']['event-envelope'];
      }[];
      /** @description The `after` of the next request: the last event's position, or the `after` asked for when the page is empty. */
      next: number;
    };
    /** GET /v1/cases/{caseId}/openings: the opening of one sealed personal field, a disclosure statement `ledger verify-disclosure` checks */
    'response.field-opening': {
      caseId: components['schemas']['defs']['$defs']['id'];
      agency: components['schemas']['defs']['$defs']['id'];
      eventId: components['schemas']['defs']['$defs']['uuid'];
      eventHash: string;
      path: string;
      commitment: string;
      /** @description 32 bytes, base64url. */
      salt: string;
      /** @description The field's clear value. */
      value: unknown;
    };
    /** GET /v1/fine-distribution: the fines of past decisions of the same item and circumstance */
    'response.fine-distribution': {
      agency: components['schemas']['defs']['$defs']['id'];
      itemCode: components['schemas']['defs']['$defs']['id'];
      circumstance: components['schemas']['defs']['$defs']['circumstance'];
      count: number;
      minFen?: components['schemas']['defs']['$defs']['fen'];
      /** @description The median; of an even count, the lower of the middle two. */
      medianFen?: components['schemas']['defs']['$defs']['fen'];
      maxFen?: components['schemas']['defs']['$defs']['fen'];
      /** @description Equal-width bins from the least to the greatest fine. */
      bins: {
        fromFen: components['schemas']['defs']['$defs']['fen'];
        toFen: components['schemas']['defs']['$defs']['fen'];
        count: number;
      }[];
    };
    /**
     * GET /v1/ledger/proof/head: a stream's head in the map of stream heads at a tree size (docs/integrity.md §12.6)
     * @description With revision and head: the map holds the stream with that revision and head. Without them: the map does not hold the stream; `other` is then the leaf of another stream where the walk of the stream's key ends, if any.
     */
    'response.head-proof': {
      stream: string;
      treeSize: number;
      revision?: number;
      /** @description The hash of the stream's last event, hex. */
      head?: string;
      /** @description The sibling subtrees from the root down, base64; null for an empty subtree. */
      siblings: (string | null)[];
      other?: {
        key: string;
        revision: number;
        head: string;
      };
    };
    /** GET /healthz: the process answers */
    'response.health': {
      /** @constant */
      status: 'ok';
    };
    /** GET /v1/ledger/proof/inclusion: an RFC 9162 inclusion proof */
    'response.inclusion-proof': {
      eventId: components['schemas']['defs']['$defs']['uuid'];
      leafIndex: number;
      treeSize: number;
      /** @description SHA-256(0x00 || event hash), base64. */
      leafHash: string;
      proof: string[];
    };
    /** GET /v1/inspections: a page of inspection plans (抽查计划), latest start first */
    'response.inspection-list': {
      items: {
        planId: components['schemas']['defs']['$defs']['id'];
        agency: components['schemas']['defs']['$defs']['id'];
        entryId: components['schemas']['defs']['$defs']['id'];
        title: string;
        startsOn: components['schemas']['defs']['$defs']['date'];
        endsOn: components['schemas']['defs']['$defs']['date'];
        drawAtSize: number;
        /** @enum {unknown} */
        status: 'planned' | 'drawn';
        /** @description How many targets were drawn (0 before the draw). */
        targets: number;
        /** @description How many outcomes are recorded. */
        outcomes: number;
      }[];
      /** @description The cursor of the next page, when there may be one. */
      next?: string;
    };
    /** GET /v1/inspections/{agency}/{planId}: a plan, its draw and the outcomes (双随机、一公开) */
    'response.inspection-plan': {
      planId: components['schemas']['defs']['$defs']['id'];
      agency: components['schemas']['defs']['$defs']['id'];
      entryId: components['schemas']['defs']['$defs']['id'];
      title: string;
      startsOn: components['schemas']['defs']['$defs']['date'];
      endsOn: components['schemas']['defs']['$defs']['date'];
      drawAtSize: number;
      /** @enum {unknown} */
      status: 'planned' | 'drawn';
      /** @description How many targets were drawn (0 before the draw). */
      targets: number;
      /** @description How many outcomes are recorded. */
      outcomes: number;
      targetsSelector: components['schemas']['command.plan-inspection']['targets'];
      sample: components['schemas']['command.plan-inspection']['sample'];
      inspectorsPerTarget: number;
      treeSizeAtPlan: number;
      /** @description The version of the list entry current when the plan was recorded. */
      entryVersion?: number;
      planEventId: components['schemas']['defs']['$defs']['uuid'];
      /** @description The draw (docs/inspections.md): the seed's provenance (tree size, root hash, the checkpoint that proved it), the inputs, and the targets in the order drawn. */
      draw?: {
        eventId: components['schemas']['defs']['$defs']['uuid'];
        recordedAt: components['schemas']['defs']['$defs']['dateTime'];
        size: components['schemas']['event.InspectionDrawn']['size'];
        rootHash: components['schemas']['event.InspectionDrawn']['rootHash'];
        checkpointSize: components['schemas']['event.InspectionDrawn']['checkpointSize'];
        seed: components['schemas']['event.InspectionDrawn']['seed'];
        inputsDigest: components['schemas']['event.InspectionDrawn']['inputsDigest'];
        inputs: components['schemas']['event.InspectionDrawn']['inputs'];
        targets: {
          subjectId: components['schemas']['defs']['$defs']['id'];
          name: string;
          inspectors: components['schemas']['defs']['$defs']['id'][];
          outcome?: {
            outcome: components['schemas']['command.record-outcome']['outcome'];
            /** @description Scrubbed of identity and telephone numbers. */
            summary: string;
            inspectedOn: components['schemas']['defs']['$defs']['date'];
            caseId?: components['schemas']['defs']['$defs']['id'];
            eventId: components['schemas']['defs']['$defs']['uuid'];
          };
        }[];
      };
    };
    /**
     * The result of an inspection write: the event's stream revision, global position and hash, and what it recorded
     * @description 201 when the event was recorded, 200 when an Idempotency-Key retry found the original.
     */
    'response.inspection-write': {
      subjectId?: components['schemas']['defs']['$defs']['id'];
      officerId?: components['schemas']['defs']['$defs']['id'];
      planId?: components['schemas']['defs']['$defs']['id'];
      /** @description The log's tree size when the plan was recorded. */
      treeSizeAtPlan?: number;
      seed?: components['schemas']['defs']['$defs']['sha256'];
      targets?: components['schemas']['command.record-draw']['targets'];
      eventId?: components['schemas']['response.write-result']['eventId'];
      revision: number;
      position: number;
      hash: components['schemas']['defs']['$defs']['sha256'];
    };
    /** GET /v1/items: a page of the enforcement-item list (执法事项清单) */
    'response.item-list': {
      items: {
        code: components['schemas']['defs']['$defs']['id'];
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The agency's name as its public profile records it now (GET /v1/agencies); absent when it has recorded none. */
        agencyName?: string;
        name: string;
        category: components['schemas']['defs']['$defs']['itemCategory'];
        field?: components['schemas']['command.register-item']['field'];
        legalBasis: string;
        duties?: string;
        powers?: string;
        major?: components['schemas']['command.register-item']['major'];
        reviewMaterials?: components['schemas']['defs']['$defs']['reviewMaterials'];
        reviewWorkingDays?: number;
        disclosureWorkingDays?: number;
        retention?: components['schemas']['command.register-item']['retention'];
        retired: boolean;
      }[];
      /** @description The cursor of the next page, when there may be one. */
      next?: string;
    };
    /** GET /v1/ledger/keys: the keys that sign events and checkpoints */
    'response.ledger-keys': {
      origin: string;
      keys: {
        keyId: components['schemas']['defs']['$defs']['sha256'];
        /** @constant */
        algorithm: 'Ed25519';
        publicKeyPem: string;
        /** @description The C2SP note verifier key: name+keyhash+base64(0x01 || public key). */
        noteKey: string;
        /** Format: date-time */
        createdAt: string;
        /** Format: date-time */
        retiredAt: string | null;
        /** @enum {unknown} */
        status: 'current' | 'retired';
      }[];
    };
    /** GET /v1/audit/live: the data of one Server-Sent Event, an event of the log without its data */
    'response.live-event': {
      /** @description The global position; also the message's `id`. */
      position: number;
      stream: string;
      revision: number;
      type: string;
      eventId: string;
      /** @description The actor's agency. */
      agency: string;
      /** @description The actor's `sub`. */
      actor: string;
      occurredAt: string;
      recordedAt: string;
      hash: string;
    };
    /** A stored medium: its SHA-256 (its name), size in bytes and content type */
    'response.media-info': components['schemas']['defs']['$defs']['mediaRef'];
    /** GET /v1/officers: a page of the public officer list (执法人员名单) */
    'response.officer-list': {
      items: {
        name: string;
        certificateNo: string;
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The agency's name as its public profile records it now (GET /v1/agencies); absent when it has recorded none. */
        agencyName?: string;
        /** @description The enforcement categories the certificate covers. */
        categories: string[];
        validFrom: components['schemas']['defs']['$defs']['date'];
        validTo: components['schemas']['defs']['$defs']['date'];
        /** @enum {unknown} */
        status: 'active' | 'suspended' | 'retired';
        /** @description The officer's own signing keys (docs/integrity.md §6), in registration order; a revoked key keeps its place and says from when, why, and when it was revoked. */
        keys: {
          keyId: components['schemas']['defs']['$defs']['sha256'];
          /** @constant */
          alg: 'Ed25519';
          /** @description Standard base64 of the key's SubjectPublicKeyInfo DER. */
          publicKey: string;
          validFrom: components['schemas']['defs']['$defs']['date'];
          validTo?: components['schemas']['defs']['$defs']['date'];
          /** @description The X.509 certificate the key was registered with, when it was: its SHA-256 fingerprint (hex, of the DER), serial number (upper-case hex), issuer (one TYPE=value per relative distinguished name; absent when self-signed) and validity. The certificate itself is in the officers/ files of a bundle of any case the key signed; its subject is not shown here. */
          certificate?: {
            sha256: components['schemas']['defs']['$defs']['sha256'];
            serialNumber: string;
            issuer?: string[];
            /** @description Issued by its own subject and signed by its own key: no certification authority vouches for the key. */
            selfSigned: boolean;
            /** Format: date-time */
            notBefore: string;
            /** Format: date-time */
            notAfter: string;
          };
          revokedFrom?: components['schemas']['command.revoke-officer-key']['revokedFrom'];
          /** @description Why the key was revoked, as the revocation recorded it (a reason about the key: lost, reassigned, compromised). */
          revocationReason?: string;
          /**
           * Format: date-time
           * @description When the revocation was recorded; revokedFrom may lie before it.
           */
          revokedAt?: string;
        }[];
      }[];
      /** @description The cursor of the next page, when there may be one. */
      next?: string;
    };
    /**
     * An RFC 9457 problem, with the stable code clients branch on
     * @description Served as application/problem+json. Extension members (requestId, pointer, errors, the details of a rule violation) may be added.
     */
    'response.problem': {
      /**
       * Format: uri-reference
       * @description /problems/<code>: a page of the service describing the code (HTML, or JSON when asked).
       */
      type: string;
      title: string;
      status: number;
      detail: string;
      code: string;
      /**
       * Format: uri-reference
       * @description The path of the request that met the problem (without its query).
       */
      instance?: string;
      /** @description The x-request-id of a failed request, to find it in the service's log. */
      requestId?: string;
      /** @description invalid_body: a JSON Pointer to the first member of the body at fault. */
      pointer?: string;
      /** @description invalid_body: every place the body breaks its schema (at most 20), one per member, as in RFC 9457's example: the pointer names the member (a missing one where it is missing), the detail what is wrong (never the value). */
      errors?: {
        pointer: string;
        detail: string;
        /**
         * @description What kind of fault, for a client to word it: missing (absent, empty, blanks alone, or no item where one is needed), choice (not a value allowed), too_small or too_large (a number past limit), too_short or too_long (a text or list of fewer or more than limit characters or items), format (not written as the member must be), type (a text where a number is needed), other.
         * @enum {unknown}
         */
        kind?:
          'missing' | 'choice' | 'too_small' | 'too_large' | 'too_short' | 'too_long' | 'format' | 'type' | 'other';
        /** @description The bound passed, for too_small, too_large, too_short and too_long. */
        limit?: number;
      }[];
    };
    /** GET /problems/{code}: what a problem code means */
    'response.problem-type': {
      /**
       * Format: uri-reference
       * @description /problems/<code>: this page, and the `type` of the problems with this code.
       */
      type: string;
      code: string;
      status: number;
      title: string;
      description: string;
    };
    /** GET /problems: every problem type the service answers with */
    'response.problem-type-list': {
      items: components['schemas']['response.problem-type'][];
    };
    /** GET /v1/agencies/{agency}/<kind>/{id}: a document published before enforcement, at its current version, with the history of its versions (newest first) */
    'response.published-document': {
      id: components['schemas']['defs']['$defs']['id'];
      agency: components['schemas']['defs']['$defs']['id'];
      version: components['schemas']['defs']['$defs']['documentVersion'];
      /**
       * @description current, or withdrawn for good (its last version stays readable).
       * @enum {unknown}
       */
      status: 'current' | 'withdrawn';
      document: components['schemas']['response.published-document']['$defs']['document'];
      firstPublishedAt: components['schemas']['defs']['$defs']['dateTime'];
      /** @description When the current version was published. */
      publishedAt: components['schemas']['defs']['$defs']['dateTime'];
      withdrawnAt?: components['schemas']['defs']['$defs']['dateTime'];
      withdrawalReason?: string;
      history: components['schemas']['response.published-document']['$defs']['historyEntry'][];
      $defs: {
        /** @description The document: one of the kinds published before enforcement. */
        document:
          | components['schemas']['event.InspectionEntryPublished']['document']
          | components['schemas']['event.FlowChartPublished']['document']
          | components['schemas']['event.ServiceGuidePublished']['document']
          | components['schemas']['event.PostBoardPublished']['document'];
        current: {
          id: components['schemas']['defs']['$defs']['id'];
          agency: components['schemas']['defs']['$defs']['id'];
          version: components['schemas']['defs']['$defs']['documentVersion'];
          /**
           * @description current, or withdrawn for good (its last version stays readable).
           * @enum {unknown}
           */
          status: 'current' | 'withdrawn';
          document: components['schemas']['response.published-document']['$defs']['document'];
          firstPublishedAt: components['schemas']['defs']['$defs']['dateTime'];
          /** @description When the current version was published. */
          publishedAt: components['schemas']['defs']['$defs']['dateTime'];
          withdrawnAt?: components['schemas']['defs']['$defs']['dateTime'];
          withdrawalReason?: string;
        };
        historyEntry: {
          version: components['schemas']['defs']['$defs']['documentVersion'];
          publishedAt: components['schemas']['defs']['$defs']['dateTime'];
          changed: components['schemas']['defs']['$defs']['changedMembers'];
          note?: string;
          /** @description The signed event that published the version (its inclusion in the log can be proved). */
          eventId: components['schemas']['defs']['$defs']['uuid'];
          eventHash: components['schemas']['defs']['$defs']['sha256'];
        };
      };
    };
    /** GET /v1/agencies/{agency}/<kind>: a page of an agency's documents of one kind at their current versions, by id */
    'response.published-list': {
      items: components['schemas']['response.published-document']['$defs']['current'][];
      /** @description The cursor of the next page, when there may be one. */
      next?: string;
    };
    /** GET /v1/agencies/{agency}/<kind>/{id}/versions/{version}: one version of a published document, in full */
    'response.published-version': {
      id: components['schemas']['defs']['$defs']['id'];
      agency: components['schemas']['defs']['$defs']['id'];
      version: components['schemas']['defs']['$defs']['documentVersion'];
      publishedAt: components['schemas']['defs']['$defs']['dateTime'];
      changed: components['schemas']['defs']['$defs']['changedMembers'];
      note?: string;
      /** @description The signed event that published the version (its inclusion in the log can be proved). */
      eventId: components['schemas']['defs']['$defs']['uuid'];
      eventHash: components['schemas']['defs']['$defs']['sha256'];
      document: components['schemas']['response.published-document']['$defs']['document'];
    };
    /**
     * The result of publishing or withdrawing a document: its version, and the event's stream revision, global position and hash
     * @description 201 when the event was recorded, 200 when an Idempotency-Key retry found the original.
     */
    'response.published-write': {
      agency: components['schemas']['defs']['$defs']['id'];
      id: components['schemas']['defs']['$defs']['id'];
      /** @description The version published, or the last one of a withdrawn document. */
      version: components['schemas']['defs']['$defs']['documentVersion'];
      eventId: components['schemas']['response.write-result']['eventId'];
      revision: components['schemas']['response.write-result']['revision'];
      position: components['schemas']['response.write-result']['position'];
      hash: components['schemas']['defs']['$defs']['sha256'];
    };
    /** GET /readyz: every store answers (503 problem otherwise) */
    'response.ready': {
      /** @constant */
      status: 'ready';
      /** @description One member per store checked. */
      checks: {
        [key: string]: 'ok';
      };
    };
    /** An agency's recording list (音像记录事项清单) as published, the floors every list keeps, and its versions */
    'response.recording-list': {
      agency: components['schemas']['defs']['$defs']['id'];
      /** @description 0 until the agency publishes a list. */
      version: number;
      publishedAt?: components['schemas']['defs']['$defs']['dateTime'];
      reason?: components['schemas']['defs']['$defs']['nonEmptyText'];
      entries: components['schemas']['command.publish-recording-list']['entries'];
      /** @description The duties no list can drop: seizure and forced demolition, on audio or video, for every item. */
      floors: components['schemas']['command.publish-recording-list']['$defs']['duty'][];
      /** @description While no list is published: the duties a case opened now gets. */
      defaultDuties?: components['schemas']['command.publish-recording-list']['$defs']['duty'][];
      /** @description Every version, oldest first. */
      history: {
        version: number;
        publishedAt: components['schemas']['defs']['$defs']['dateTime'];
        reason: components['schemas']['defs']['$defs']['nonEmptyText'];
        /** @description How many entries the version had. */
        entries: number;
      }[];
    };
    /**
     * The result of a recording-list or device write: what was written, and the event's stream revision, global position and hash
     * @description 201 when the event was recorded, 200 when an Idempotency-Key retry found the original.
     */
    'response.recording-write': {
      agency?: components['schemas']['defs']['$defs']['id'];
      /** @description The version of the recording list this write published. */
      version?: number;
      /** @description The year of a statistics publication this write recorded. */
      year?: number;
      deviceId?: components['schemas']['defs']['$defs']['id'];
      eventId?: components['schemas']['response.write-result']['eventId'];
      revision: components['schemas']['response.write-result']['revision'];
      position: components['schemas']['response.write-result']['position'];
      hash: components['schemas']['defs']['$defs']['sha256'];
    };
    /** GET /v1/agencies/{agency}/review-catalogue: the agency's catalogue of major decisions needing legal review (重大执法决定法制审核目录清单) as it stands, and every version in full */
    'response.review-catalogue': {
      agency: components['schemas']['defs']['$defs']['id'];
      /** @description How many versions the agency has adopted (0: none; only the items' own criteria decide). */
      version: number;
      /** @description The agency's enforcement level as its latest version records it; county until it records one. */
      level: components['schemas']['command.adjust-review-catalogue']['$defs']['level'];
      entries: components['schemas']['command.adjust-review-catalogue']['entries'];
      inForceFrom?: components['schemas']['defs']['$defs']['dateTime'];
      reason?: components['schemas']['defs']['$defs']['nonEmptyText'];
      /** @description Every version, oldest first, each in force from its time until the next's. */
      history: {
        version: number;
        level: components['schemas']['command.adjust-review-catalogue']['$defs']['level'];
        entries: components['schemas']['command.adjust-review-catalogue']['entries'];
        reason: components['schemas']['defs']['$defs']['nonEmptyText'];
        inForceFrom: components['schemas']['defs']['$defs']['dateTime'];
        eventId: components['schemas']['defs']['$defs']['uuid'];
        hash: components['schemas']['defs']['$defs']['sha256'];
      }[];
    };
    /** GET /v1/agencies/{agency}/review-settings: the agency's legal review time limit as it stands, and every version set */
    'response.review-settings': {
      agency: components['schemas']['defs']['$defs']['id'];
      /** @description How many versions the agency has set (0: none, the default applies). */
      version: number;
      reviewWorkingDays: number;
      /**
       * @description agency: the agency's own setting; default: the service's default (5 working days).
       * @enum {unknown}
       */
      source: 'agency' | 'default';
      history: {
        version: number;
        reviewWorkingDays: number;
        reason: string;
        /** Format: date-time */
        recordedAt: string;
        eventId: components['schemas']['defs']['$defs']['uuid'];
        hash: components['schemas']['defs']['$defs']['sha256'];
      }[];
    };
    /** GET /v1/cases/{caseId}/similar: the decided cases most like a case, closest first */
    'response.similar-cases': {
      /** @description The case searched from. */
      caseId: components['schemas']['defs']['$defs']['id'];
      items: {
        caseId: components['schemas']['defs']['$defs']['id'];
        agency: components['schemas']['defs']['$defs']['id'];
        title: string;
        itemCode: components['schemas']['defs']['$defs']['id'];
        itemName?: string;
        status: components['schemas']['defs']['$defs']['caseStatus'];
        decision: {
          decisionType: components['schemas']['defs']['$defs']['decisionType'];
          fineFen: components['schemas']['defs']['$defs']['fen'];
          legalBasis: string;
          decidedOn: components['schemas']['defs']['$defs']['date'];
          documentNo: string;
        };
        /** @description BM25 relevance (SQLite FTS5 bm25() with its sign turned, four significant digits): higher is closer. It depends on every case file stored, so it ranks the cases of one answer only. */
        score: number;
      }[];
    };
    /** GET /v1/agencies/{agency}/statistics/{year}/publication: whether and when the agency recorded publishing its yearly statistics */
    'response.statistics-publication': {
      agency: components['schemas']['defs']['$defs']['id'];
      year: number;
      /** @description 20 January of the next year. */
      deadline: components['schemas']['defs']['$defs']['date'];
      publishedOn?: components['schemas']['defs']['$defs']['date'];
      url?: string;
      eventId?: string;
      recordedAt?: components['schemas']['defs']['$defs']['dateTime'];
    };
    /** GET /v1/subjects: a page of the directory of regulated subjects (检查对象名录) */
    'response.subject-list': {
      items: {
        subjectId: components['schemas']['defs']['$defs']['id'];
        agency: components['schemas']['defs']['$defs']['id'];
        name: string;
        kind: components['schemas']['command.register-subject']['kind'];
        sector: components['schemas']['defs']['$defs']['id'];
        tags: components['schemas']['defs']['$defs']['id'][];
        retired: boolean;
      }[];
      /** @description The cursor of the next page, when there may be one. */
      next?: string;
    };
    /** A recorded revocation: the signed event in the token-revocations stream */
    'response.token-revocation': {
      eventId: components['schemas']['defs']['$defs']['uuid'];
      /** @enum {unknown} */
      type: 'TokenRevoked' | 'SubjectTokensRevoked';
      /** @description The event's revision in the token-revocations stream. */
      revision: number;
      /** @description The event's position in the global log. */
      position: number;
      hash: components['schemas']['defs']['$defs']['sha256'];
    };
    /** POST /v1/verify and ledger verify --json: the verdict on an evidence bundle (docs/integrity.md §13.5) */
    'response.verify-report': {
      valid: boolean;
      /** @description The first check that failed; absent when valid. */
      failure?: {
        /** @enum {unknown} */
        code:
          | 'malformed'
          | 'manifest_mismatch'
          | 'file_hash_mismatch'
          | 'unknown_key'
          | 'manifest_signature_invalid'
          | 'checkpoint_invalid'
          | 'checkpoint_inconsistent'
          | 'consistency_proof_missing'
          | 'cosignature_invalid'
          | 'witness_quorum_not_met'
          | 'malformed_event'
          | 'event_hash_mismatch'
          | 'unsupported_algorithm'
          | 'signature_invalid'
          | 'officer_key_invalid'
          | 'actor_key_unknown'
          | 'actor_key_revoked'
          | 'actor_key_not_valid'
          | 'actor_signature_invalid'
          | 'stream_mismatch'
          | 'duplicate_event'
          | 'revision_gap'
          | 'chain_broken'
          | 'media_missing'
          | 'media_mismatch'
          | 'proof_missing'
          | 'proof_invalid'
          | 'stream_incomplete'
          | 'timestamp_invalid'
          | 'timestamp_untrusted';
        detail: string;
        /**
         * @description For a file that is no bundle archive (malformed): what it most likely is: compressed (gzip), zip, repacked (unpacked and packed again), cut_short (an interrupted download or copy) or empty.
         * @enum {unknown}
         */
        hint?: 'compressed' | 'zip' | 'repacked' | 'cut_short' | 'empty';
      };
      /** @description The agency of the case (bundles of format v3). */
      agency?: string;
      caseId?: string;
      /**
       * Format: date-time
       * @description When the bundle was exported (its manifest's createdAt): it holds the case as the log held it at its checkpoint, and nothing recorded after.
       */
      exportedAt?: string;
      checkpoint?: {
        origin: string;
        size: number;
        rootHash: string;
        /** @description The root of the map of stream heads the checkpoint commits to (docs/integrity.md §12.5), when its note has a heads line. */
        headsRoot?: string;
      };
      /** @description The keys the verdict rests on: given by the verifier (the service's own keys for POST /v1/verify), or taken from the bundle. */
      trustedKeys: {
        keyId: components['schemas']['defs']['$defs']['sha256'];
        /** @enum {unknown} */
        source: 'given' | 'bundle';
        /** @description What of the bundle this key was found to sign: its manifest, its checkpoint, or both. */
        signed?: ('manifest' | 'checkpoint')[];
      }[];
      trustedCheckpoint?: {
        size: number;
        rootHash: string;
        /** @constant */
        consistent: true;
        /** @description Once every inclusion proof verified: for each stream of the bundle, the last revision k such that revisions 0..k are all leaves of the trusted checkpoint's tree (-1: none). */
        covers?: {
          stream: string;
          throughRevision: number;
        }[];
      };
      /** @description When the bundle's checkpoint commits to the heads of all streams (docs/integrity.md §12.5) and each stream of the bundle was proved complete: at the checkpoint's size the log held no event of these streams beyond `revision` (-1: none). */
      complete?: {
        treeSize: number;
        /** @description What completeness does not cover in this bundle: officer_key_revocations, in a bundle of format v4, which carries the officers' keys but not their own streams, so a revocation left out would not show. */
        unproven?: 'officer_key_revocations'[];
        streams: {
          stream: string;
          revision: number;
        }[];
      };
      /** @description Format v2: the streams the manifest says the bundle holds, with their last revision at export (-1: empty). */
      streams?: {
        stream: string;
        revision: number;
      }[];
      counts: {
        /** @description Acts of the case that carry their officer's own signature (actorSig), each checked against the officer's key; absent when none does. */
        officerSignatures?: number;
        files: number;
        events: number;
        accessRecords: number;
        media: number;
        mediaBytes: number;
        proofs: number;
        bytes: number;
      };
      /** @description POST /v1/verify only: whether the bundle's checkpoint, when it is of this service's log (same origin), is a prefix of the log as the service holds it. A bundle valid on its own but not a prefix is reported invalid, checkpoint_inconsistent. */
      log?: {
        origin: string;
        consistent: boolean;
      };
      /** @description The RFC 3161 time-stamps the bundle carries, each verified (docs/integrity.md §15). */
      timestamps?: {
        file: string;
        size: number;
        tsa: string;
        /** Format: date-time */
        genTime: string;
        accuracyMs?: number;
        trusted: boolean;
      }[];
      /** @description What the time-stamps show of each disclosure of the case (docs/integrity.md §15.5). */
      disclosures?: {
        eventId: string;
        revision: number;
        publishedOn?: string;
        /** Format: date */
        dueBy: string;
        /** Format: date-time */
        deadline: string;
        /** Format: date-time */
        attestedBy?: string;
        /** Format: date-time */
        genTime?: string;
        tsaTrusted?: boolean;
        /** @enum {unknown} */
        status: 'on_time' | 'late' | 'not_attested';
      }[];
      /** @description The case's decisions (DecisionIssued events), oldest first, as their verified events record them: the decision document's number (文书号) a clerk knows the case by. A correction's members are sealed: correctedBy names the correcting events, which the case file shows. Absent while the bundle is invalid or holds no decision. */
      decisions?: {
        eventId: string;
        revision: number;
        documentNo?: string;
        decisionType?: string;
        decidedOn?: string;
        correctedBy?: string[];
      }[];
    };
    /** A webhook subscription (never its secret, but once when the secret is made) */
    'response.webhook': {
      /** @description The subscription's id. */
      id: components['schemas']['defs']['$defs']['uuid'];
      agency: components['schemas']['defs']['$defs']['id'];
      url: string;
      /** @description Only events of these types; absent: every event of the agency. */
      eventTypes?: string[];
      /**
       * @description What each delivery carries: `envelope`, the whole signed event; `public`, only the events that have a public record, as that record.
       * @enum {unknown}
       */
      payload: 'envelope' | 'public';
      /**
       * @description How deliveries are signed (Standard Webhooks): hmac-sha256 (`v1,`, a `whsec_` secret, the default) or ed25519 (`v1a,`, the receiver holds a `whpk_` public key).
       * @enum {unknown}
       */
      signing: 'hmac-sha256' | 'ed25519';
      /** @description Which key of the subscription signs (1, then one more per rotation). */
      keyGeneration: number;
      /**
       * Format: date-time
       * @description When the key was last rotated; for WEBHOOK_KEY_OVERLAP_SECONDS (a day by default) after it, each delivery also carries a signature by the previous key.
       */
      keyRotatedAt?: string;
      /** @description A commitment to the key (SHA-256 based, 22 base64url characters): never the secret. */
      keyId: string;
      /** @description An Ed25519 subscription's public key, as Standard Webhooks writes it: whpk_ + base64. */
      publicKey?: string;
      enabled: boolean;
      revision: number;
      createdAt: string;
      /** @description Only in the answer that made the key (creation, rotation): whsec_ + base64 of the HMAC secret. Never shown again. */
      secret?: string;
      /** @description A create's or change's answer: the event that recorded it, the id that GET /v1/ledger/proof/inclusion takes. */
      eventId?: components['schemas']['defs']['$defs']['uuid'];
      /** @description The position of the change in the global log. */
      position?: number;
    };
    /** A subscription's metrics and its undelivered events: pending and dead letters */
    'response.webhook-deliveries': {
      /** @description The subscription's id. */
      webhookId: components['schemas']['defs']['$defs']['uuid'];
      enabled: boolean;
      metrics: {
        /** @description Deliveries the receiver accepted (2xx), in this outbox's life. */
        delivered: number;
        /** @description Failed attempts. */
        failed: number;
        pending: number;
        dead: number;
        /** @description Events routed to the subscription and not yet delivered (pending). */
        lagEvents: number;
        /** @description Age of the oldest pending event (now − its recordedAt), 0 when none. */
        lagSeconds: number;
        lastDeliveredPosition: number;
        /** @description The log position the outbox has routed up to. */
        routedPosition: number;
      };
      deliveries: {
        position: number;
        stream: string;
        eventId: components['schemas']['defs']['$defs']['uuid'];
        type: string;
        recordedAt: string;
        /** @enum {unknown} */
        state: 'pending' | 'dead';
        attempts: number;
        /** @description A pending delivery's next attempt: for one held behind an earlier delivery of its stream, no sooner than that one's (it is sent once that one is delivered or given up). */
        nextAttemptAt?: string;
        /** @description The log position of the earlier pending delivery of the same stream this one waits behind (deliveries go in order per stream). */
        heldBehind?: number;
        /** @description When a dead letter was given up. */
        deadAt?: string;
        /** @description The receiver's last HTTP status. */
        lastStatus?: number;
        /** @description Why the last attempt had no answer (timeout, refused address...). */
        lastError?: string;
      }[];
    };
    /** The agency's webhook subscriptions */
    'response.webhook-list': {
      items: components['schemas']['response.webhook'][];
    };
    /** What a replay put back in the outbox */
    'response.webhook-replay': {
      requeued: number;
      /** @description The last log position looked at. */
      through: number;
      /** @description Replay again from here for the rest (at most 10000 events per replay). */
      next?: number;
    };
    /**
     * The result of a write: the event's stream revision, global position and hash
     * @description 201 when the event was recorded, 200 when an Idempotency-Key retry found the original. A case write names the case, act type and event; an officer write names the officer (and a key write the key) and the event; an item write names the item and the event.
     */
    'response.write-result': {
      caseId?: components['schemas']['defs']['$defs']['id'];
      /** @description The act type recorded. */
      type?: string;
      /** @description The event recorded (or, on a retry, recorded before): the id that GET /v1/ledger/proof/inclusion takes. */
      eventId?: components['schemas']['defs']['$defs']['uuid'];
      officerId?: components['schemas']['defs']['$defs']['id'];
      /** @description The officer key registered or revoked (docs/integrity.md §5). */
      keyId?: components['schemas']['defs']['$defs']['sha256'];
      code?: components['schemas']['defs']['$defs']['id'];
      agency?: components['schemas']['defs']['$defs']['id'];
      /** @description The stream revision of the event (the next If-Match). */
      revision: number;
      /** @description The event's position in the global log (for ?consistentWith=). */
      position: number;
      hash: components['schemas']['defs']['$defs']['sha256'];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Alive. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.health'];
        };
      };
      /** @description A query parameter this operation does not take, or a malformed one (invalid_query): `unknown` names it, `accepted` lists those it takes. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getReadiness: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ready. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.ready'];
        };
      };
      /** @description A query parameter this operation does not take, or a malformed one (invalid_query): `unknown` names it, `accepted` lists those it takes. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getOpenApi: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OpenAPI 3.1. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, unknown>;
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A query parameter this operation does not take, or a malformed one (invalid_query): `unknown` names it, `accepted` lists those it takes. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getMetrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The metrics. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      /** @description A query parameter this operation does not take, or a malformed one (invalid_query): `unknown` names it, `accepted` lists those it takes. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description METRICS_TOKEN is set and the request does not carry it as `Authorization: Bearer <token>` (unauthenticated); without METRICS_TOKEN anyone may read the metrics. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listOfficers: {
    parameters: {
      query?: {
        /** @description Only officers of this agency. */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description Only officers in this status. */
        status?: 'active' | 'suspended' | 'retired';
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the officer list. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.officer-list'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  registerOfficer: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.register-officer'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The officer recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listItems: {
    parameters: {
      query?: {
        /** @description Only items of this agency. */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description Only items of this category. */
        category?: components['schemas']['defs']['$defs']['itemCategory'];
        /** @description Only retired (true) or current (false) items. */
        retired?: 'true' | 'false';
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the item list. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.item-list'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  registerItem: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.register-item'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The item recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  revokeTokens: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.revoke-tokens'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.token-revocation'];
        };
      };
      /** @description The revocation recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.token-revocation'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listWebhooks: {
    parameters: {
      query?: {
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The subscriptions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.webhook-list'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  createWebhook: {
    parameters: {
      query?: never;
      header?: {
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.create-webhook'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          /** @description The subscription. */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.webhook'];
        };
      };
      /** @description The subscription recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          /** @description The subscription. */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.webhook'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The request repeats, under its Idempotency-Key, the creation of a subscription deleted since (webhook_deleted): nothing is subscribed. */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getWebhook: {
    parameters: {
      query?: {
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path: {
        /** @description The webhook subscription. */
        id: components['schemas']['defs']['$defs']['uuid'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The subscription. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.webhook'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  deleteWebhook: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The webhook subscription. */
        id: components['schemas']['defs']['$defs']['uuid'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  changeWebhook: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The webhook subscription. */
        id: components['schemas']['defs']['$defs']['uuid'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.change-webhook'];
      };
    };
    responses: {
      /** @description The subscription as changed. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.webhook'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listWebhookDeliveries: {
    parameters: {
      query?: {
        /** @description Only pending deliveries or only dead letters. */
        state?: 'pending' | 'dead';
        /** @description Most deliveries listed (1–1000, default 100), in log order. */
        limit?: number;
      };
      header?: never;
      path: {
        /** @description The webhook subscription. */
        id: components['schemas']['defs']['$defs']['uuid'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Metrics and deliveries. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.webhook-deliveries'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description This replica does not deliver webhooks (WEBHOOK_DELIVERY=false), so its outbox holds no deliveries (webhook_delivery_elsewhere): send it again over another connection, which may reach the replica that delivers. */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  replayWebhook: {
    parameters: {
      query: {
        /** @description The first log position to send again; one past the position after the head of the log is 400 invalid_query. */
        from: string;
      };
      header?: never;
      path: {
        /** @description The webhook subscription. */
        id: components['schemas']['defs']['$defs']['uuid'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Put back in the outbox. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.webhook-replay'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description This replica does not deliver webhooks (WEBHOOK_DELIVERY=false), so its outbox holds no deliveries (webhook_delivery_elsewhere): send it again over another connection, which may reach the replica that delivers. */
      421: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listBenchmarks: {
    parameters: {
      query?: {
        /** @description Only benchmarks of this agency. */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of benchmarks. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.benchmark-list'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  setBenchmark: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.set-benchmark'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.benchmark-written'];
        };
      };
      /** @description The version of the benchmark recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.benchmark-written'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getBenchmarkHistory: {
    parameters: {
      query?: {
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path: {
        /** @description The agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The enforcement item. */
        itemCode: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The benchmark and its versions, oldest first. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.benchmark-history'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getFineDistribution: {
    parameters: {
      query?: {
        /** @description The enforcement item (required). */
        itemCode?: components['schemas']['defs']['$defs']['id'];
        /** @description The circumstance (required). */
        circumstance?: components['schemas']['defs']['$defs']['circumstance'];
        /** @description Only this agency (the supervisor's own or one it supervises). */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The distribution. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.fine-distribution'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listDiscretionDeviations: {
    parameters: {
      query?: {
        /** @description Only this agency (the supervisor's own or one it supervises). */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
        /** @description csv or json; otherwise the Accept header decides (JSON when both are acceptable). */
        format?: 'json' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of cases, latest activity first. As CSV, one row per entry (a nested list gives one row per element); `Link: rel="next"` pages on. */
      200: {
        headers: {
          /** @description The next page, when there is one. */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.audit-discretion-deviations'];
          'text/csv': string;
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listCaseEvaluations: {
    parameters: {
      query?: {
        /** @description The agency whose case is meant, where agencies the caller may read (a supervisor) use the same case id; without it such a read is 409 case_ambiguous. An agency the caller may not read answers 404. */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: {
        /** @description Why the record is read, kept in the access record; percent-encoded UTF-8. */
        'x-purpose'?: string;
      };
      path: {
        /** @description The case id, unique within its agency: a read looks it up among the agencies the caller may read, a write in the caller's own (a supervisor's evaluation among the agencies it may evaluate, as a read does). */
        caseId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The evaluations. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.case-evaluations'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  evaluateCaseFile: {
    parameters: {
      query?: {
        /** @description The agency whose case is meant, where agencies the caller may read (a supervisor) use the same case id; without it such a read is 409 case_ambiguous. An agency the caller may not read answers 404. */
        agency?: components['schemas']['defs']['$defs']['id'];
      };
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The case id, unique within its agency: a read looks it up among the agencies the caller may read, a write in the caller's own (a supervisor's evaluation among the agencies it may evaluate, as a read does). */
        caseId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.evaluate-case-file'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.evaluation-written'];
        };
      };
      /** @description The evaluation recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.evaluation-written'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getEvaluationWeakPoints: {
    parameters: {
      query?: {
        /** @description The year the cases were closed in (required), 1949 to 9998. */
        year?: string;
        /** @description Only this agency (the supervisor's own or one it supervises). */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The weak points. As CSV, one row per rule, item and officer, a first column `list` saying which (byRule, byItem, byOfficer), the rule in column `rule`. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.audit-evaluation-weak-points'];
          'text/csv': string;
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getInspectionEntry: {
    parameters: {
      query?: {
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The entry id, stable within its agency (inspection plans name it). */
        id: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The document and its history. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-document'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  publishInspectionEntry: {
    parameters: {
      query?: never;
      header?: {
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The entry id, stable within its agency (inspection plans name it). */
        id: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.publish-inspection-entry'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-write'];
        };
      };
      /** @description The version recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource (not_found): a path segment that is not valid percent-encoding names nothing. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  withdrawInspectionEntry: {
    parameters: {
      query?: never;
      header?: {
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The entry id, stable within its agency (inspection plans name it). */
        id: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.withdraw-document'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-write'];
        };
      };
      /** @description The withdrawal recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listInspectionEntrys: {
    parameters: {
      query?: {
        /** @description current (the default) or withdrawn. */
        status?: 'current' | 'withdrawn';
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the documents, by id. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-list'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getInspectionEntryVersion: {
    parameters: {
      query?: {
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The entry id, stable within its agency (inspection plans name it). */
        id: components['schemas']['defs']['$defs']['id'];
        /** @description A version number, from 1. */
        version: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The version. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-version'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getFlowChart: {
    parameters: {
      query?: {
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The enforcement item (its code): a current item of the agency. */
        id: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The document and its history. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-document'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  publishFlowChart: {
    parameters: {
      query?: never;
      header?: {
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The enforcement item (its code): a current item of the agency. */
        id: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.publish-flow-chart'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-write'];
        };
      };
      /** @description The version recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource (not_found): a path segment that is not valid percent-encoding names nothing. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  withdrawFlowChart: {
    parameters: {
      query?: never;
      header?: {
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The enforcement item (its code): a current item of the agency. */
        id: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.withdraw-document'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-write'];
        };
      };
      /** @description The withdrawal recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listFlowCharts: {
    parameters: {
      query?: {
        /** @description current (the default) or withdrawn. */
        status?: 'current' | 'withdrawn';
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the documents, by id. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-list'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getFlowChartVersion: {
    parameters: {
      query?: {
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The enforcement item (its code): a current item of the agency. */
        id: components['schemas']['defs']['$defs']['id'];
        /** @description A version number, from 1. */
        version: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The version. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-version'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getReviewChart: {
    parameters: {
      query?: {
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The chart, by an id stable within its agency. */
        id: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The document and its history. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-document'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  publishReviewChart: {
    parameters: {
      query?: never;
      header?: {
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The chart, by an id stable within its agency. */
        id: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.publish-review-chart'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-write'];
        };
      };
      /** @description The version recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource (not_found): a path segment that is not valid percent-encoding names nothing. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  withdrawReviewChart: {
    parameters: {
      query?: never;
      header?: {
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The chart, by an id stable within its agency. */
        id: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.withdraw-document'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-write'];
        };
      };
      /** @description The withdrawal recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listReviewCharts: {
    parameters: {
      query?: {
        /** @description current (the default) or withdrawn. */
        status?: 'current' | 'withdrawn';
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the documents, by id. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-list'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getReviewChartVersion: {
    parameters: {
      query?: {
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The chart, by an id stable within its agency. */
        id: components['schemas']['defs']['$defs']['id'];
        /** @description A version number, from 1. */
        version: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The version. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-version'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getServiceGuide: {
    parameters: {
      query?: {
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The licensing item (its code): a current item of the agency, of category licensing. */
        id: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The document and its history. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-document'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  publishServiceGuide: {
    parameters: {
      query?: never;
      header?: {
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The licensing item (its code): a current item of the agency, of category licensing. */
        id: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.publish-service-guide'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-write'];
        };
      };
      /** @description The version recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource (not_found): a path segment that is not valid percent-encoding names nothing. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  withdrawServiceGuide: {
    parameters: {
      query?: never;
      header?: {
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The licensing item (its code): a current item of the agency, of category licensing. */
        id: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.withdraw-document'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-write'];
        };
      };
      /** @description The withdrawal recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listServiceGuides: {
    parameters: {
      query?: {
        /** @description current (the default) or withdrawn. */
        status?: 'current' | 'withdrawn';
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the documents, by id. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-list'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getServiceGuideVersion: {
    parameters: {
      query?: {
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The licensing item (its code): a current item of the agency, of category licensing. */
        id: components['schemas']['defs']['$defs']['id'];
        /** @description A version number, from 1. */
        version: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The version. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-version'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getPostBoard: {
    parameters: {
      query?: {
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The board, by an id stable within its agency. */
        id: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The document and its history. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-document'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  publishPostBoard: {
    parameters: {
      query?: never;
      header?: {
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The board, by an id stable within its agency. */
        id: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.publish-post-board'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-write'];
        };
      };
      /** @description The version recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource (not_found): a path segment that is not valid percent-encoding names nothing. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  withdrawPostBoard: {
    parameters: {
      query?: never;
      header?: {
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The board, by an id stable within its agency. */
        id: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.withdraw-document'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-write'];
        };
      };
      /** @description The withdrawal recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listPostBoards: {
    parameters: {
      query?: {
        /** @description current (the default) or withdrawn. */
        status?: 'current' | 'withdrawn';
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the documents, by id. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-list'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getPostBoardVersion: {
    parameters: {
      query?: {
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path: {
        /** @description The publishing agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The board, by an id stable within its agency. */
        id: components['schemas']['defs']['$defs']['id'];
        /** @description A version number, from 1. */
        version: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The version. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.published-version'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listSubjects: {
    parameters: {
      query?: {
        /** @description Only subjects of this agency. */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description Only subjects of this sector. */
        sector?: components['schemas']['defs']['$defs']['id'];
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the directory. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.subject-list'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  registerSubject: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.register-subject'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.inspection-write'];
        };
      };
      /** @description The subject recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.inspection-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  declareConflict: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The subject. */
        subjectId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.declare-conflict'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.inspection-write'];
        };
      };
      /** @description The conflict recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.inspection-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  withdrawConflict: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The subject. */
        subjectId: components['schemas']['defs']['$defs']['id'];
        /** @description The officer whose conflict ends. */
        officerId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.withdraw-conflict'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.inspection-write'];
        };
      };
      /** @description The withdrawal recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.inspection-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  amendSubject: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The subject. */
        subjectId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.amend-subject'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.inspection-write'];
        };
      };
      /** @description The amendment recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.inspection-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  retireSubject: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The subject. */
        subjectId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.retire-subject'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.inspection-write'];
        };
      };
      /** @description The retirement recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.inspection-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listInspections: {
    parameters: {
      query?: {
        /** @description Only plans of this agency. */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description Only plans not yet drawn (planned) or drawn. */
        status?: 'planned' | 'drawn';
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of plans. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.inspection-list'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  planInspection: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.plan-inspection'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.inspection-write'];
        };
      };
      /** @description The plan recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.inspection-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  recordDraw: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description A plan of the caller's agency. */
        planId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.record-draw'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.inspection-write'];
        };
      };
      /** @description The draw recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.inspection-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  recordOutcome: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description A plan of the caller's agency. */
        planId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.record-outcome'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.inspection-write'];
        };
      };
      /** @description The outcome recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.inspection-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getInspection: {
    parameters: {
      query?: {
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path: {
        /** @description The agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The plan. */
        planId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The plan. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.inspection-plan'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listAgencies: {
    parameters: {
      query?: {
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the agencies. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.agency-list'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getAgencyProfile: {
    parameters: {
      query?: {
        /** @description Taken as on every read; the profile is read from the log, which holds every write acknowledged before the request, so it never waits. */
        consistentWith?: number | string;
      };
      header?: never;
      path: {
        /** @description The agency. */
        agency: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The profile and its versions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.agency-profile'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource (not_found): a path segment that is not valid percent-encoding names nothing. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  setAgencyProfile: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The admin’s agency. */
        agency: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.set-agency-profile'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.recording-write'];
        };
      };
      /** @description The profile recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.recording-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource (not_found): a path segment that is not valid percent-encoding names nothing. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  amendOfficer: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The officer, of the admin’s agency. */
        officerId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.amend-officer'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The amendment recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  suspendOfficer: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The officer, of the admin’s agency. */
        officerId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.officer-suspension'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The change recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  reinstateOfficer: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The officer, of the admin’s agency. */
        officerId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.officer-reinstatement'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The change recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  retireOfficer: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The officer, of the admin’s agency. */
        officerId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.officer-retirement'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The change recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  registerOfficerKey: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The officer, of the admin’s agency. */
        officerId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.register-officer-key'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The key recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  revokeOfficerKey: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The officer, of the admin’s agency. */
        officerId: components['schemas']['defs']['$defs']['id'];
        /** @description The key id (64 lowercase hex); anything else names no key (404). */
        keyId: components['schemas']['defs']['$defs']['sha256'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.revoke-officer-key'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The revocation recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  amendItem: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The item code, of the admin’s agency. */
        code: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.amend-item'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The amendment recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  retireItem: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The item code, of the admin’s agency. */
        code: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.retire-item'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The retirement recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getReviewSettings: {
    parameters: {
      query?: {
        /** @description Taken as on every read; the settings are read from the log, which holds every write acknowledged before the request, so it never waits. */
        consistentWith?: number | string;
      };
      header?: never;
      path: {
        /** @description The agency. */
        agency: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The review settings. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.review-settings'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource (not_found): a path segment that is not valid percent-encoding names nothing. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  setReviewSettings: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The admin’s agency. */
        agency: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.set-review-settings'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.recording-write'];
        };
      };
      /** @description The settings recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.recording-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource (not_found): a path segment that is not valid percent-encoding names nothing. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getStatisticsPublication: {
    parameters: {
      query?: {
        /** @description Taken as on every read; the record is read from the log, so it never waits. */
        consistentWith?: number | string;
      };
      header?: never;
      path: {
        /** @description The agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The year of the statistics (2000 to 9998). */
        year: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The publication, or its deadline alone. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.statistics-publication'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  recordStatisticsPublication: {
    parameters: {
      query?: never;
      header?: {
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description The admin’s agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The year of the statistics (2000 to 9998). */
        year: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.record-statistics-publication'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.recording-write'];
        };
      };
      /** @description The record recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.recording-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getReviewCatalogue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agency. */
        agency: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The catalogue. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.review-catalogue'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource (not_found): a path segment that is not valid percent-encoding names nothing. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  adjustReviewCatalogue: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The admin’s agency. */
        agency: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.adjust-review-catalogue'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.recording-write'];
        };
      };
      /** @description The catalogue recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.recording-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource (not_found): a path segment that is not valid percent-encoding names nothing. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listDecisionTemplates: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agency. */
        agency: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The templates in force. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.decision-templates'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource (not_found): a path segment that is not valid percent-encoding names nothing. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getDecisionTemplate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The decision type whose template this is. */
        decisionType: components['schemas']['defs']['$defs']['decisionType'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The template and its history. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.decision-template'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  setDecisionTemplate: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The agency. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The decision type whose template this is. */
        decisionType: components['schemas']['defs']['$defs']['decisionType'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.set-decision-template'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.decision-template-write'];
        };
      };
      /** @description The change recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.decision-template-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getRecordingList: {
    parameters: {
      query?: {
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path: {
        /** @description The agency. */
        agency: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The list. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.recording-list'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource (not_found): a path segment that is not valid percent-encoding names nothing. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  publishRecordingList: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The admin's agency. */
        agency: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.publish-recording-list'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.recording-write'];
        };
      };
      /** @description The list recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.recording-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource (not_found): a path segment that is not valid percent-encoding names nothing. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  registerDevice: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.register-device'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.recording-write'];
        };
      };
      /** @description The device recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.recording-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  changeDevice: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The device. */
        deviceId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.change-device'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.recording-write'];
        };
      };
      /** @description The change recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.recording-write'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listDevices: {
    parameters: {
      query?: {
        /** @description Only this agency (the supervisor's own or one it supervises). */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description Only devices in this status. */
        status?: 'active' | 'lost' | 'retired';
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of devices. As CSV, one row per entry (a nested list gives one row per element); `Link: rel="next"` pages on. */
      200: {
        headers: {
          /** @description The next page, when there is one. */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.audit-devices'];
          'text/csv': string;
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listDeviceRecordings: {
    parameters: {
      query?: {
        /** @description Only this agency (the supervisor's own or one it supervises). */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description Only recordings of this device. */
        deviceId?: components['schemas']['defs']['$defs']['id'];
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of recordings (as CSV, a row per medium). As CSV, one row per entry (a nested list gives one row per element); `Link: rel="next"` pages on. */
      200: {
        headers: {
          /** @description The next page, when there is one. */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.audit-device-recordings'];
          'text/csv': string;
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getCalendar: {
    parameters: {
      query?: {
        /** @description Show a year another replica recorded: the calendar is read again from the log before the answer (the position is checked, not waited for). */
        consistentWith?: number | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The covered years. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.calendar'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getCalendarYear: {
    parameters: {
      query?: {
        /** @description Show a year another replica recorded: the calendar is read again from the log before the answer (the position is checked, not waited for). */
        consistentWith?: number | string;
      };
      header?: never;
      path: {
        /** @description A year, four digits; anything else names no year (404). */
        year: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The year's schedule. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.calendar-year'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  recordCalendarYear: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description A year, four digits; anything else names no year (404). */
        year: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.record-calendar-year'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.calendar-recorded'];
        };
      };
      /** @description The recorded year recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.calendar-recorded'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource (not_found): a path segment that is not valid percent-encoding names nothing. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listDisclosures: {
    parameters: {
      query?: {
        /** @description Only decisions of this agency. */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description Only decisions of this enforcement item (its code). */
        itemCode?: components['schemas']['defs']['$defs']['id'];
        /** @description Only decisions of this category of enforcement item. */
        category?: components['schemas']['defs']['$defs']['itemCategory'];
        /** @description Only decisions of this type, and the withdrawal notices of decisions of this type. */
        decisionType?: components['schemas']['defs']['$defs']['decisionType'];
        /** @description Search: words separated by spaces, each of which the document number, the item code or name, or a (redacted) party name must contain (ASCII letters in either case); at most 100 characters and 8 words. */
        q?: string;
        /** @description Published on or after this date. */
        from?: components['schemas']['defs']['$defs']['date'];
        /** @description Published on or before this date. */
        to?: components['schemas']['defs']['$defs']['date'];
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of published decisions and of withdrawal notices. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.disclosure-list'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getDisclosureFeed: {
    parameters: {
      query?: {
        /** @description Only decisions of this agency. */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description Only decisions of this enforcement item (its code). */
        itemCode?: components['schemas']['defs']['$defs']['id'];
        /** @description Only decisions of this category of enforcement item. */
        category?: components['schemas']['defs']['$defs']['itemCategory'];
        /** @description Only decisions of this type, and the withdrawal notices of decisions of this type. */
        decisionType?: components['schemas']['defs']['$defs']['decisionType'];
        /** @description Search: words separated by spaces, each of which the document number, the item code or name, or a (redacted) party name must contain (ASCII letters in either case); at most 100 characters and 8 words. */
        q?: string;
        /** @description Published on or after this date. */
        from?: components['schemas']['defs']['$defs']['date'];
        /** @description Published on or before this date. */
        to?: components['schemas']['defs']['$defs']['date'];
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An Atom feed (RFC 4287): an entry per published decision (an update keeps its id), an `at:deleted-entry` per withdrawn one; `link rel="next"` pages on (RFC 5005). */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/atom+xml': string;
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listCases: {
    parameters: {
      query?: {
        /** @description Only this agency (one the caller may read). */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description Only cases in this status. */
        status?: components['schemas']['defs']['$defs']['caseStatus'];
        /** @description Only cases of this enforcement item. */
        itemCode?: components['schemas']['defs']['$defs']['id'];
        /** @description Opened on or after this date. */
        from?: components['schemas']['defs']['$defs']['date'];
        /** @description Opened on or before this date. */
        to?: components['schemas']['defs']['$defs']['date'];
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of case summaries. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.case-list'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  openCase: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.open-case'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          /** @description The case file. */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The case recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          /** @description The case file. */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  recordAct: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The case id, unique within its agency: a read looks it up among the agencies the caller may read, a write in the caller's own (a supervisor's evaluation among the agencies it may evaluate, as a read does). */
        caseId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.record-act'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          /** @description The case file. */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The act recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          /** @description The case file. */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  recordActs: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The case id, unique within its agency: a read looks it up among the agencies the caller may read, a write in the caller's own (a supervisor's evaluation among the agencies it may evaluate, as a read does). */
        caseId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.record-acts-batch'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.batch-result'];
        };
      };
      /** @description The acts recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.batch-result'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getCaseFile: {
    parameters: {
      query?: {
        /** @description The agency whose case is meant, where agencies the caller may read (a supervisor) use the same case id; without it such a read is 409 case_ambiguous. An agency the caller may not read answers 404. */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: {
        /** @description Why the record is read, kept in the access record; percent-encoded UTF-8. */
        'x-purpose'?: string;
        /** @description ETags the client holds (304 when one matches). */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The case id, unique within its agency: a read looks it up among the agencies the caller may read, a write in the caller's own (a supervisor's evaluation among the agencies it may evaluate, as a read does). */
        caseId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The case file. */
      200: {
        headers: {
          /** @description "<revision>.<digest>": the case stream's revision, and the first 22 base64url characters of the SHA-256 of the answer; If-Match on the case's next act takes it by its revision. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.case-file'];
        };
      };
      /** @description The answer is the one whose ETag was sent in If-None-Match. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listCaseEvents: {
    parameters: {
      query?: {
        /** @description The agency whose case is meant, where agencies the caller may read (a supervisor) use the same case id; without it such a read is 409 case_ambiguous. An agency the caller may not read answers 404. */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description Most events per page (1–1000, default 100). */
        limit?: number;
        /** @description The `next` cursor of the previous page (the first page without one). */
        cursor?: string;
        /** @description Taken as on every read; this answer comes from the log, which holds every write acknowledged before the request, so it never waits. */
        consistentWith?: number | string;
      };
      header?: {
        /** @description Why the record is read, kept in the access record; percent-encoded UTF-8. */
        'x-purpose'?: string;
        /** @description ETags the client holds (304 when one matches). */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The case id, unique within its agency: a read looks it up among the agencies the caller may read, a write in the caller's own (a supervisor's evaluation among the agencies it may evaluate, as a read does). */
        caseId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of events, in stream order; `next` when more follow. */
      200: {
        headers: {
          /** @description "<revision>.<digest>": the revision of the page's last event (none on an empty page), and the first 22 base64url characters of the SHA-256 of the answer; If-Match on the case's next act takes it by its revision. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.case-events'];
        };
      };
      /** @description The answer is the one whose ETag was sent in If-None-Match. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  eraseCase: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The case id, unique within its agency: a read looks it up among the agencies the caller may read, a write in the caller's own (a supervisor's evaluation among the agencies it may evaluate, as a read does). */
        caseId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.erase-case'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The erasure recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.write-result'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getFieldOpening: {
    parameters: {
      query?: {
        /** @description The agency whose case is meant, where agencies the caller may read (a supervisor) use the same case id; without it such a read is 409 case_ambiguous. An agency the caller may not read answers 404. */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description The event holding the sealed field. */
        eventId?: components['schemas']['defs']['$defs']['uuid'];
        /** @description The field's JSON Pointer in the event's data, e.g. /parties/0/name. */
        path?: string;
        /** @description Taken as on every read; this answer comes from the log, which holds every write acknowledged before the request, so it never waits. */
        consistentWith?: number | string;
      };
      header?: {
        /** @description Why the record is read, kept in the access record; percent-encoded UTF-8. */
        'x-purpose'?: string;
      };
      path: {
        /** @description The case id, unique within its agency: a read looks it up among the agencies the caller may read, a write in the caller's own (a supervisor's evaluation among the agencies it may evaluate, as a read does). */
        caseId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The opening, with the commitment it matches. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.field-opening'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listSimilarCases: {
    parameters: {
      query?: {
        /** @description The agency whose case is meant, where agencies the caller may read (a supervisor) use the same case id; without it such a read is 409 case_ambiguous. An agency the caller may not read answers 404. */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description Most cases (1–20, default 5). */
        limit?: number;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: {
        /** @description Why the record is read, kept in the access record; percent-encoded UTF-8. */
        'x-purpose'?: string;
      };
      path: {
        /** @description The case id, unique within its agency: a read looks it up among the agencies the caller may read, a write in the caller's own (a supervisor's evaluation among the agencies it may evaluate, as a read does). */
        caseId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The similar cases, closest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.similar-cases'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getCaseBundle: {
    parameters: {
      query?: {
        /** @description The agency whose case is meant, where agencies the caller may read (a supervisor) use the same case id; without it such a read is 409 case_ambiguous. An agency the caller may not read answers 404. */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description The size of a checkpoint the caller holds: the bundle then carries consistency.json, the proof from it to the bundle checkpoint. */
        trustedSize?: number;
        /** @description Taken as on every read; this answer comes from the log, which holds every write acknowledged before the request, so it never waits. */
        consistentWith?: number | string;
      };
      header?: {
        /** @description Why the record is read, kept in the access record; percent-encoded UTF-8. */
        'x-purpose'?: string;
      };
      path: {
        /** @description The case id, unique within its agency: a read looks it up among the agencies the caller may read, a write in the caller's own (a supervisor's evaluation among the agencies it may evaluate, as a read does). */
        caseId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The bundle (POSIX ustar). */
      200: {
        headers: {
          /** @description attachment; filename="case-<caseId>.tar" */
          'Content-Disposition'?: string;
          /** @description The size of the bundle in bytes, known before it is streamed. */
          'Content-Length'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/x-tar': unknown;
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  uploadMedium: {
    parameters: {
      query?: never;
      header?: {
        /** @description The SHA-256 the bytes must have (400 digest_mismatch). */
        'x-content-sha256'?: components['schemas']['defs']['$defs']['sha256'];
      };
      path?: never;
      cookie?: never;
    };
    /** @description The bytes, stored as sent: their Content-Type is stored with them, and a Content-Encoding other than identity is 415 unsupported_media_type, unread (a medium is never decoded). A medium declared audio/* or video/* must start as an audio or video file of a known format (422 media_type_mismatch otherwise). */
    requestBody: {
      content: {
        '*/*': unknown;
      };
    };
    responses: {
      /** @description The caller's agency held these bytes already. */
      200: {
        headers: {
          /** @description The SHA-256, quoted. */
          ETag?: string;
          /** @description Where the bytes are read. */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.media-info'];
        };
      };
      /** @description Stored, and now held by the caller's agency (whether or not another agency stored the same bytes). */
      201: {
        headers: {
          /** @description The SHA-256, quoted. */
          ETag?: string;
          /** @description Where the bytes are read. */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.media-info'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getMedium: {
    parameters: {
      query?: never;
      header?: {
        /** @description One byte range, such as bytes=0-1023. */
        Range?: string;
        /** @description The ETag the range applies to; another answers with the whole medium. */
        'If-Range'?: string;
        /** @description ETags the client holds (304 when one matches). */
        'If-None-Match'?: string;
        /** @description Why the record is read, kept in the access record; percent-encoded UTF-8. */
        'x-purpose'?: string;
      };
      path: {
        /** @description The medium (its SHA-256). */
        sha256: components['schemas']['defs']['$defs']['sha256'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The bytes. */
      200: {
        headers: {
          /** @description The SHA-256, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          '*/*': unknown;
        };
      };
      /** @description The range asked for. */
      206: {
        headers: {
          /** @description bytes a-b/size */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          '*/*': unknown;
        };
      };
      /** @description The client holds these bytes already. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A ?format= was given (not_acceptable): a medium is served only as its own bytes, in the type it was stored as. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The range lies outside the medium (range_not_satisfiable). */
      416: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  draftDecision: {
    parameters: {
      query?: {
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: {
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description The case id, unique within its agency: a read looks it up among the agencies the caller may read, a write in the caller's own (a supervisor's evaluation among the agencies it may evaluate, as a read does). */
        caseId: components['schemas']['defs']['$defs']['id'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.draft-decision'];
      };
    };
    responses: {
      /** @description A retry under the same Idempotency-Key (the same decision proposed, with the same facts and reasons): the draft the first request made; the key with another decision, or other facts or reasons, is 422 idempotency_key_reused (503 data_key_unavailable when the first draft's facts and reasons cannot be opened here to compare). */
      200: {
        headers: {
          /** @description Where the PDF is read. */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.decision-draft'];
        };
      };
      /** @description Drafted: `documentSha256` is the PDF, which `DecisionIssued` names (with the file among its media) once issued. */
      201: {
        headers: {
          /** @description Where the PDF is read. */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.decision-draft'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getDraftFile: {
    parameters: {
      query?: never;
      header?: {
        /** @description Why the record is read, kept in the access record; percent-encoded UTF-8. */
        'x-purpose'?: string;
      };
      path: {
        /** @description The case id, unique within its agency: a read looks it up among the agencies the caller may read, a write in the caller's own (a supervisor's evaluation among the agencies it may evaluate, as a read does). */
        caseId: components['schemas']['defs']['$defs']['id'];
        /** @description The draft. */
        draftId: components['schemas']['defs']['$defs']['id'];
        /** @description Which file. */
        format: 'pdf' | 'docx';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file. */
      200: {
        headers: {
          /** @description Its SHA-256, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          '*/*': unknown;
        };
      };
      /** @description A query parameter this operation does not take, or a malformed one (invalid_query): `unknown` names it, `accepted` lists those it takes. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  streamAuditEvents: {
    parameters: {
      query?: {
        /** @description Resume after this position; one beyond the head of the log is 400 invalid_query. */
        after?: number | string;
      };
      header?: {
        /** @description Resume after this position (as an SSE client reconnects); one beyond the head of the log is 400 invalid_body. */
        'Last-Event-ID'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A stream of unnamed messages (`EventSource.onmessage` receives them) whose `id` is the global position; `data` is a `response.live-event`. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  pullEvents: {
    parameters: {
      query?: {
        /** @description The position processed last (exclusive start; default 0, the start of the log): the `next` of the previous page; one beyond the head of the log is 400 invalid_query. */
        after?: number | string;
        /** @description Only events of these types: a comma-separated list of at most 32 distinct known event types (400 invalid_query otherwise). */
        types?: string;
        /** @description Most events per page (1–500, default 100). */
        limit?: number;
      };
      header?: {
        /** @description The ETag of the same request answered before: 304 while nothing new arrived. */
        'If-None-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of events; `Link: <…>; rel="next"` names the request for the page after it (also when the page is empty: where to poll again). */
      200: {
        headers: {
          /** @description Changes when the page would hold other events. */
          ETag?: string;
          /** @description The next page, rel="next". */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.event-feed'];
        };
      };
      /** @description Nothing new since the page whose ETag was sent in If-None-Match. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listOverdueDisclosures: {
    parameters: {
      query?: {
        /** @description Only this agency (the supervisor's own or one it supervises). */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description The day to judge on (default today at the viewed agency's UTC offset). From 1949-01-01 to 9998-12-31; another day is 400 invalid_query. */
        asOf?: components['schemas']['defs']['$defs']['date'];
        /** @description Only the rows of this status: overdue (due and still not published by asOf), disclosed_late (published after its last day), recorded_late (stated on time, recorded after it). Default: every row. */
        status?: 'overdue' | 'disclosed_late' | 'recorded_late';
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
        /** @description csv or json; otherwise the Accept header decides (JSON when both are acceptable). */
        format?: 'json' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of overdue and late publications, earliest due first. As CSV, one row per entry (a nested list gives one row per element); `Link: rel="next"` pages on. */
      200: {
        headers: {
          /** @description The next page, when there is one. */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.audit-overdue-disclosures'];
          'text/csv': string;
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listOverdueReviews: {
    parameters: {
      query?: {
        /** @description Only this agency (the supervisor's own or one it supervises). */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description The day to judge on (default today at the viewed agency's UTC offset). From 1949-01-01 to 9998-12-31; another day is 400 invalid_query. */
        asOf?: components['schemas']['defs']['$defs']['date'];
        /** @description Only the rows of this status: overdue (requested and still not completed by asOf), completed_late, recorded_late (stated on time, recorded after it). Default: every row. */
        status?: 'overdue' | 'completed_late' | 'recorded_late';
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
        /** @description csv or json; otherwise the Accept header decides (JSON when both are acceptable). */
        format?: 'json' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of overdue and late reviews, earliest due first. As CSV, one row per entry (a nested list gives one row per element); `Link: rel="next"` pages on. */
      200: {
        headers: {
          /** @description The next page, when there is one. */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.audit-overdue-reviews'];
          'text/csv': string;
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listErasures: {
    parameters: {
      query?: {
        /** @description Only this agency (the supervisor's own or one it supervises). */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
        /** @description csv or json; otherwise the Accept header decides (JSON when both are acceptable). */
        format?: 'json' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of erasures, latest first. As CSV, one row per entry (a nested list gives one row per element); `Link: rel="next"` pages on. */
      200: {
        headers: {
          /** @description The next page, when there is one. */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.audit-erasures'];
          'text/csv': string;
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listDueForErasure: {
    parameters: {
      query?: {
        /** @description Only this agency (the supervisor's own or one it supervises). */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description The day to judge on (default today at the viewed agency's UTC offset). From 1949-01-01 to 9998-12-31; another day is 400 invalid_query. */
        asOf?: components['schemas']['defs']['$defs']['date'];
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
        /** @description csv or json; otherwise the Accept header decides (JSON when both are acceptable). */
        format?: 'json' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of files due for erasure (kind case or application), longest past their retention first. As CSV, one row per entry (a nested list gives one row per element); `Link: rel="next"` pages on. */
      200: {
        headers: {
          /** @description The next page, when there is one. */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.audit-due-for-erasure'];
          'text/csv': string;
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listOverdueInspections: {
    parameters: {
      query?: {
        /** @description Only this agency (the supervisor's own or one it supervises). */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description The day to judge on (default today at the viewed agency's UTC offset). From 1949-01-01 to 9998-12-31; another day is 400 invalid_query. */
        asOf?: components['schemas']['defs']['$defs']['date'];
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
        /** @description csv or json; otherwise the Accept header decides (JSON when both are acceptable). */
        format?: 'json' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of drawn plans with their overdue targets, earliest plan first. As CSV, one row per entry (a nested list gives one row per element); `Link: rel="next"` pages on. */
      200: {
        headers: {
          /** @description The next page, when there is one. */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.audit-overdue-inspections'];
          'text/csv': string;
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listMissingRecordings: {
    parameters: {
      query?: {
        /** @description Only this agency (the supervisor's own or one it supervises). */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
        /** @description csv or json; otherwise the Accept header decides (JSON when both are acceptable). */
        format?: 'json' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of cases with the acts lacking a recording. As CSV, one row per entry (a nested list gives one row per element); `Link: rel="next"` pages on. */
      200: {
        headers: {
          /** @description The next page, when there is one. */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.audit-missing-recordings'];
          'text/csv': string;
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listMajorDecisions: {
    parameters: {
      query?: {
        /** @description Only this agency (the supervisor's own or one it supervises). */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description Only decisions that an approved review matched (true) or not (false). */
        matched?: 'true' | 'false';
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
        /** @description csv or json; otherwise the Accept header decides (JSON when both are acceptable). */
        format?: 'json' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of major decisions, newest first. As CSV, one row per entry (a nested list gives one row per element); `Link: rel="next"` pages on. */
      200: {
        headers: {
          /** @description The next page, when there is one. */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.audit-major-decisions'];
          'text/csv': string;
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listCaseAccess: {
    parameters: {
      query?: {
        /** @description Only this agency (the supervisor's own or one it supervises). */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description The retrievals of this case (caseId or sub is required). */
        caseId?: components['schemas']['defs']['$defs']['id'];
        /** @description The retrievals by this reader (caseId or sub is required). */
        sub?: string;
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
        /** @description csv or json; otherwise the Accept header decides (JSON when both are acceptable). */
        format?: 'json' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the access log. As CSV, one row per entry (a nested list gives one row per element); `Link: rel="next"` pages on. */
      200: {
        headers: {
          /** @description The next page, when there is one. */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.audit-access'];
          'text/csv': string;
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listDeniedAccess: {
    parameters: {
      query?: {
        /** @description Only this agency (the supervisor's own or one it supervises). */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description The refusals of this reader. */
        sub?: string;
        /** @description The refusals of reads of this case id. */
        caseId?: components['schemas']['defs']['$defs']['id'];
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
        /** @description csv or json; otherwise the Accept header decides (JSON when both are acceptable). */
        format?: 'json' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of refused retrievals. As CSV, one row per entry (a nested list gives one row per element); `Link: rel="next"` pages on. */
      200: {
        headers: {
          /** @description The next page, when there is one. */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.audit-denied-access'];
          'text/csv': string;
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getCertificateAudit: {
    parameters: {
      query?: {
        /** @description Only this agency (the supervisor's own or one it supervises). */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description The day to judge on (default today at the viewed agency's UTC offset). From 1949-01-01 to 9998-12-31; another day is 400 invalid_query. */
        asOf?: components['schemas']['defs']['$defs']['date'];
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
        /** @description csv or json; otherwise the Accept header decides (JSON when both are acceptable). */
        format?: 'json' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The certificate findings. As CSV, one row per entry (a nested list gives one row per element); `Link: rel="next"` pages on. */
      200: {
        headers: {
          /** @description The next page, when there is one. */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.audit-certificates'];
          'text/csv': string;
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getReviewerRatio: {
    parameters: {
      query?: {
        /** @description Only this agency (the supervisor's own or one it supervises). */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description The day to count on (default today at the viewed agency's UTC offset). From 1949-01-01 to 9998-12-31; another day is 400 invalid_query. */
        asOf?: components['schemas']['defs']['$defs']['date'];
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
        /** @description csv or json; otherwise the Accept header decides (JSON when both are acceptable). */
        format?: 'json' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One entry per agency. As CSV, one row per entry (a nested list gives one row per element); `Link: rel="next"` pages on. */
      200: {
        headers: {
          /** @description The next page, when there is one. */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.audit-reviewer-ratio'];
          'text/csv': string;
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getWarnings: {
    parameters: {
      query?: {
        /** @description Show a year another replica recorded: the calendar is read again from the log before the answer (the position is checked, not waited for). */
        consistentWith?: number | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The warnings in force today. As CSV, one row per entry (a nested list gives one row per element); `Link: rel="next"` pages on. */
      200: {
        headers: {
          /** @description The next page, when there is one. */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.audit-warnings'];
          'text/csv': string;
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getYearlyStatistics: {
    parameters: {
      query: {
        /** @description The calendar year, 1949 to 9998. */
        year: string;
        /** @description The agency (default the supervisor's own; one it supervises). */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description The day the figures are taken on: only what was done by then counts, and publication is judged on it (default today at the viewed agency's UTC offset). From 1949-01-01 to 9998-12-31; another day is 400 invalid_query. */
        asOf?: components['schemas']['defs']['$defs']['date'];
        /** @description csv or json; otherwise the Accept header decides (JSON when both are acceptable). */
        format?: 'json' | 'csv';
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The figures; as CSV, a header row `metric,value` and one row per figure (RFC 4180, UTF-8 with a BOM). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.audit-statistics'];
          'text/csv': string;
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listQuarantinedEvents: {
    parameters: {
      query?: {
        /** @description Only this agency (the supervisor's own or one it supervises). */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description Only the events this projection quarantined: the name of a projection the service runs (another is 400 invalid_query). */
        projection?: string;
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
        /** @description csv or json; otherwise the Accept header decides (JSON when both are acceptable). */
        format?: 'json' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of quarantined events. As CSV, one row per entry (a nested list gives one row per element); `Link: rel="next"` pages on. */
      200: {
        headers: {
          /** @description The next page, when there is one. */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.audit-quarantine'];
          'text/csv': string;
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getCheckpoint: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The checkpoint and its C2SP signed note; with `Accept: text/plain` (preferred over JSON), the bare signed note, as transparency-log tools read it. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.checkpoint'];
          'text/plain': string;
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A query parameter this operation does not take, or a malformed one (invalid_query): `unknown` names it, `accepted` lists those it takes. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getCheckpointNote: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The signed note: the tlog-checkpoint body, a blank line, the signature line. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A query parameter this operation does not take, or a malformed one (invalid_query): `unknown` names it, `accepted` lists those it takes. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listCheckpoints: {
    parameters: {
      query?: {
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of checkpoints. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.checkpoint-list'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getInclusionProof: {
    parameters: {
      query: {
        /** @description The event. */
        eventId: components['schemas']['defs']['$defs']['uuid'];
        /** @description The tree size to prove against, such as a checkpoint's (default: the whole tree). */
        treeSize?: number;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The proof. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.inclusion-proof'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getConsistencyProof: {
    parameters: {
      query: {
        /** @description The smaller tree size (at least 1). */
        from: number;
        /** @description The larger tree size. */
        to: number;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The proof. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.consistency-proof'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getHeadProof: {
    parameters: {
      query: {
        /** @description The stream name, such as `case-<agency>:<caseId>`. */
        stream: string;
        /** @description The tree size, such as a checkpoint's (default: the whole tree). */
        treeSize?: number;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The proof. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.head-proof'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listLedgerKeys: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The keys. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.ledger-keys'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A query parameter this operation does not take, or a malformed one (invalid_query): `unknown` names it, `accepted` lists those it takes. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  verifyBundle: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The bundle, as GET /v1/cases/{caseId}/bundle gave it; streamed, never stored, never decoded (a Content-Encoding other than identity is 415 unsupported_media_type). */
    requestBody: {
      content: {
        'application/x-tar': unknown;
      };
    };
    responses: {
      /** @description The report: valid, or the first failure with its code. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.verify-report'];
        };
      };
      /** @description A query parameter this operation does not take, or a malformed one (invalid_query): `unknown` names it, `accepted` lists those it takes. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The request did not arrive in time (request_timeout), or a bundle sent for verification arrived too slowly while it held a slot (upload_too_slow); the connection is closed. */
      408: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listProblemTypes: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The problem types. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
          'application/json': components['schemas']['response.problem-type-list'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A query parameter this operation does not take, or a malformed one (invalid_query): `unknown` names it, `accepted` lists those it takes. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getProblemType: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The problem's code. */
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The problem type. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description A strong validator of the answer's bytes; If-None-Match with it answers 304. */
          ETag?: string;
          /** @description When the data served last changed on this replica; If-Modified-Since answers 304. */
          'Last-Modified'?: string;
          /** @description *: any origin may read it (no credentials). */
          'Access-Control-Allow-Origin'?: string;
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
          'application/json': components['schemas']['response.problem-type'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A query parameter this operation does not take, or a malformed one (invalid_query): `unknown` names it, `accepted` lists those it takes. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listApplications: {
    parameters: {
      query?: {
        /** @description Only waiting (true) or accepted or refused (false) applications. */
        pending?: 'true' | 'false';
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the queue. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.application-queue'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  fileApplication: {
    parameters: {
      query?: never;
      header?: {
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /** @description The application, JSON. */
          application: string;
          attachment?: string[];
        };
        'application/json': components['schemas']['command.file-application'];
      };
    };
    responses: {
      /** @description A retry under the same Idempotency-Key found the application filed already (replayed: true): its receipt, with the lookup code only if the same replica answered the first request within 10 minutes; the same key with another application is 422 idempotency_key_reused. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description Where the progress is read (with the lookup code). */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.application-receipt'];
        };
      };
      /** @description Filed: the receipt, with the lookup code shown this once. */
      201: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          /** @description Where the progress is read (with the lookup code). */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.application-receipt'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getApplicationProgress: {
    parameters: {
      query?: {
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: {
        /** @description The receipt's lookup code (any case; spaces and dashes ignored). */
        'X-Lookup-Code'?: string;
      };
      path: {
        /** @description The agency filed with. */
        agency: components['schemas']['defs']['$defs']['id'];
        /** @description The application id (a UUID), as the receipt gives it; anything else names no application (404). */
        applicationId: components['schemas']['defs']['$defs']['uuid'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The progress. */
      200: {
        headers: {
          /** @description The quota policies, a Structured Field list: `"requests";q=<per minute>;w=60` and `"bytes";q=<per minute>;qu="content-bytes";w=60`. */
          'RateLimit-Policy'?: string;
          /** @description What this client has left of each policy: `"requests";r=<left>;t=<seconds until the whole quota is back>`, and the same for "bytes". */
          RateLimit?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.application-progress'];
        };
      };
      /** @description Not modified since the ETag (If-None-Match) or date (If-Modified-Since) the client holds. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Too many requests, or request-body bytes, from this client address (rate_limited), or as many bundle verifications of it running or waiting as it may have (verify_client_busy); `Retry-After` says when to ask again. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getApplication: {
    parameters: {
      query?: never;
      header?: {
        /** @description Why the record is read, kept in the access record; percent-encoded UTF-8. */
        'x-purpose'?: string;
      };
      path: {
        /** @description The application id (a UUID), as the receipt gives it; anything else names no application (404). */
        applicationId: components['schemas']['defs']['$defs']['uuid'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The application as filed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.application-filing'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  getApplicationAttachment: {
    parameters: {
      query?: never;
      header?: {
        /** @description One byte range, such as bytes=0-1023. */
        Range?: string;
        /** @description The ETag the range applies to; another answers with the whole medium. */
        'If-Range'?: string;
        /** @description ETags the client holds (304 when one matches). */
        'If-None-Match'?: string;
        /** @description Why the record is read, kept in the access record; percent-encoded UTF-8. */
        'x-purpose'?: string;
      };
      path: {
        /** @description The application id (a UUID), as the receipt gives it; anything else names no application (404). */
        applicationId: components['schemas']['defs']['$defs']['uuid'];
        /** @description The medium (its SHA-256). */
        sha256: components['schemas']['defs']['$defs']['sha256'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The bytes. */
      200: {
        headers: {
          /** @description The SHA-256, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          '*/*': unknown;
        };
      };
      /** @description The range asked for. */
      206: {
        headers: {
          /** @description bytes a-b/size */
          'Content-Range'?: string;
          [name: string]: unknown;
        };
        content: {
          '*/*': unknown;
        };
      };
      /** @description The client holds these bytes already. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A ?format= was given (not_acceptable): a medium is served only as its own bytes, in the type it was stored as. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The range lies outside the medium (range_not_satisfiable). */
      416: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  acceptApplication: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The application id (a UUID), as the receipt gives it; anything else names no application (404). */
        applicationId: components['schemas']['defs']['$defs']['uuid'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.accept-application'];
      };
    };
    responses: {
      /** @description Accepted, its case opened. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.application-written'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  rejectApplication: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The application id (a UUID), as the receipt gives it; anything else names no application (404). */
        applicationId: components['schemas']['defs']['$defs']['uuid'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.reject-application'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.application-written'];
        };
      };
      /** @description The refusal recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.application-written'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A rule refuses the request; `code` names it (two_officers_required, certificate_invalid, recording_required...). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  eraseApplication: {
    parameters: {
      query?: never;
      header?: {
        /** @description The stream revision the write expects, such as "3", or * for any (the stream must exist: a write that would create it is refused); 409 revision_conflict otherwise. A weak tag (W/"3") never matches, If-Match comparing strongly (RFC 9110 §13.1.1): 409 revision_conflict. A header that names no revision (a negative number, a list, text) is 400 invalid_body. */
        'If-Match'?: string;
        /** @description A retry with the same key and the same request answers with the original result (200); the same key with another request is 422 idempotency_key_reused; a retry whose recorded personal data the data-key store of this replica cannot open (so cannot compare) is 503 data_key_unavailable (retry later). Keys are per user and agency; POST /v1/cases without a caseId names its case by the key. */
        'Idempotency-Key'?: string;
        /** @description Only * on a write (RFC 9110 §13.1.2): the write must create the record, none may exist yet; 409 revision_conflict when one does. Any other value, or with If-Match, is 400 invalid_body. */
        'If-None-Match'?: string;
      };
      path: {
        /** @description The application id (a UUID), as the receipt gives it; anything else names no application (404). */
        applicationId: components['schemas']['defs']['$defs']['uuid'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['command.erase-application'];
      };
    };
    responses: {
      /** @description A retry with the same Idempotency-Key: the original result. */
      200: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.application-written'];
        };
      };
      /** @description The erasure recorded. */
      201: {
        headers: {
          /** @description The stream revision, quoted. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.application-written'];
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No such resource, or not one the caller may see (not_found). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The write conflicts with the record: a stale If-Match (revision_conflict) or a rule such as legal_review_required. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is larger than allowed (too_large). */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The body is in an unsupported encoding (unsupported_media_type). */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
  listOverdueApplications: {
    parameters: {
      query?: {
        /** @description Only this agency (the supervisor's own or one it supervises). */
        agency?: components['schemas']['defs']['$defs']['id'];
        /** @description The day to judge on (default today at the viewed agency's UTC offset). From 1949-01-01 to 9998-12-31; another day is 400 invalid_query. */
        asOf?: components['schemas']['defs']['$defs']['date'];
        /** @description Most items per page (1–200, default 50). */
        limit?: number;
        /** @description The `next` cursor of the previous page. */
        cursor?: string;
        /** @description Read your writes: wait (up to READ_WAIT_MS, 5 s by default) until the read models have applied the log up to this position, the `position` a write returned; 503 not_caught_up otherwise; 400 invalid_query for a position beyond the end of the log. */
        consistentWith?: number | string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of overdue applications. As CSV, one row per entry (a nested list gives one row per element); `Link: rel="next"` pages on. */
      200: {
        headers: {
          /** @description The next page, when there is one. */
          Link?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['response.audit-overdue-applications'];
          'text/csv': string;
        };
      };
      /** @description The request is malformed: invalid JSON, a body that does not match its schema, a bad header (invalid_body); or a query parameter is malformed, or one this operation does not take (invalid_query). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description No valid bearer token (unauthenticated). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The token lacks the role this needs (forbidden). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description The Accept header admits none of the media types this answers with (not_acceptable); `available` lists them. */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description A store does not answer, the read models have not caught up within the wait with ?consistentWith=, or with the log a posted bundle was checkpointed in (not_caught_up), or every bundle verification slot is taken (verify_busy), both with Retry-After; or the read models are damaged (read_models_damaged: restart the service, which rebuilds them). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
      /** @description Any other problem, on every operation: 405 method_not_allowed (with Allow) for a method the path does not take, 408 request_timeout, 413 too_large, 417 expectation_failed (an Expect other than 100-continue), 431 headers_too_large (the request line and headers), 429 rate_limited on public routes, 503 not_ready or store_unavailable, and 500 internal for an unexpected failure. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['response.problem'];
        };
      };
    };
  };
}
