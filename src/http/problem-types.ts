/**
 * Every problem `code` the service answers with (RFC 9457), each with its HTTP status, a title of its own and what
 * it means. A problem's `type` is `/problems/<code>`, a page the service serves from this table
 * (src/http/problems-api.ts); `test/http/problem-types.test.ts` fails when a code in the source has no entry here.
 */
export interface ProblemType {
  readonly status: number;
  /** Short and distinct per code: the same for every occurrence of the problem (RFC 9457 §3.1.3). */
  readonly title: string;
  /** What happened and what the client can do about it. */
  readonly description: string;
}

const entry = (status: number, title: string, description: string): ProblemType => ({ status, title, description });

export const PROBLEM_TYPES: Readonly<Record<string, ProblemType>> = {
  // the request itself
  invalid_body: entry(
    400,
    'Invalid request body',
    'The body is not JSON, breaks the bounds every body keeps, or does not match the JSON Schema of the route; `pointer` names where (never the value): the member at fault, a missing member where it is missing, a member the schema does not allow by its name; `errors` lists every place, each with its `kind` of fault (an empty text, list or object is `missing`). A header the route reads (If-Match, Idempotency-Key, x-purpose, Last-Event-ID) that is malformed is answered the same way.',
  ),
  invalid_query: entry(
    400,
    'Invalid query parameter',
    'A query parameter is malformed, out of range or given twice, or a cursor is not one the list returned.',
  ),
  invalid_request: entry(
    400,
    'Malformed HTTP request',
    'The request is not well-formed HTTP/1.1 (or, in HTTP/1.1, has no Host header); the connection is closed.',
  ),
  ambiguous_header: entry(
    400,
    'Header given more than once',
    'A header that must be given once (Authorization) came several times, so the request has no single meaning.',
  ),
  digest_mismatch: entry(
    400,
    'Body does not match its digest',
    'The bytes of an upload do not hash to the SHA-256 announced in x-content-sha256; nothing was stored.',
  ),
  client_closed: entry(
    400,
    'Client went away',
    'The client closed its connection while its upload waited for a verification slot; nobody was left to answer.',
  ),
  unauthenticated: entry(
    401,
    'Authentication required',
    'No bearer token, or one that is malformed, expired, revoked, of an untrusted key or for another issuer or audience. The answer carries WWW-Authenticate: Bearer.',
  ),
  forbidden: entry(
    403,
    'Not allowed for this token',
    'The token lacks the role the route or the act needs (an officer for an on-site act, a reviewer for a legal review…; `roles` names those that would do), or names an agency the caller may not act for or supervise.',
  ),
  csrf_failed: entry(
    403,
    'Cross-site request refused',
    "A state-changing portal form came without its session's CSRF token (`_csrf`, or the X-CSRF-Token header), with a wrong one, or from another site (Origin, Sec-Fetch-Site); nothing was changed. Reload the page and send the form again. A request with a bearer token needs no CSRF token.",
  ),
  // signing in to the portal
  signin_failed: entry(
    400,
    'Sign-in could not be completed',
    'The sign-in took too long, was started in another browser, was refused by the identity provider, or its ID token did not check out (issuer, audience, expiry, nonce, signature); start again at /signin.',
  ),
  signin_refused: entry(
    403,
    'Sign-in refused',
    "The identity is known but may not use the portal: no agency, or no role the service knows, in the identity provider's claims; or the sign-in method is not enabled.",
  ),
  not_found: entry(
    404,
    'No such resource',
    'Nothing is at this path, or nothing the caller may see: a case of another agency answers exactly like one that does not exist.',
  ),
  method_not_allowed: entry(
    405,
    'Method not allowed here',
    'The path exists but does not take this method; the Allow header lists the methods it takes.',
  ),
  not_acceptable: entry(
    406,
    'No acceptable representation',
    'The Accept header names no representation the route can give (for example text/csv on a view without CSV); the problem lists those it can (`available`).',
  ),
  request_timeout: entry(
    408,
    'Request not received in time',
    'The rest of the request did not arrive within the deadline (HTTP_REQUEST_TIMEOUT_MS, or HTTP_UPLOAD_TIMEOUT_MS for uploads); the connection is closed.',
  ),
  too_large: entry(
    413,
    'Request body too large',
    'The body is larger than the route accepts (1 MiB of JSON, MEDIA_MAX_BYTES of a medium, the largest bundle), or than a client may send to the public routes in a minute.',
  ),
  unsupported_media_type: entry(
    415,
    'Unsupported Content-Type or Content-Encoding',
    'The body is not in a format the route takes: JSON routes take application/json (UTF-8), POST /v1/verify takes application/x-tar, and a JSON body is never stored as a medium. A medium (POST /v1/media), a bundle (POST /v1/verify) or an application form with its attachments (POST /v1/applications) is taken as sent, never decoded: one sent with a Content-Encoding other than identity (gzip…) is refused before any of it is read, with Accept-Encoding: identity, and nothing is stored; send the bytes uncompressed.',
  ),
  media_type_mismatch: entry(
    422,
    'Medium not of its declared type',
    'A medium declared as audio/* or video/* does not start as an audio or video file of a known format (MP4, QuickTime, 3GP, Matroska/WebM, AVI, WAVE, Ogg, FLV, ASF, MPEG program or transport stream, H.264/H.265, MP3, AAC, FLAC, AMR, AIFF, CAF, AU): it cannot stand as the recording an act requires. Nothing of it is stored. Send it with the type its bytes are, or convert it.',
  ),
  media_empty: entry(
    422,
    'Medium empty',
    'An upload of no bytes is no evidence, and cannot stand as the recording or the document an act requires. Nothing is stored.',
  ),
  range_not_satisfiable: entry(
    416,
    'Range outside the medium',
    "The Range asked for lies outside the medium; Content-Range gives the medium's size.",
  ),
  rate_limited: entry(
    429,
    'Rate limit exceeded',
    'This client address has used its requests (PUBLIC_RATE_LIMIT) or request-body bytes (PUBLIC_RATE_LIMIT_BYTES) to the public routes for now; Retry-After says when to ask again, RateLimit and RateLimit-Policy how much is left.',
  ),
  headers_too_large: entry(
    431,
    'Request headers too large',
    'The request line and headers exceed HTTP_MAX_HEADER_BYTES; the connection is closed.',
  ),
  expectation_failed: entry(
    417,
    'Expectation not met',
    'The request carries an Expect header other than 100-continue, the only expectation the service meets; it was not processed, and the connection is closed.',
  ),
  // the record: conflicts with what is stored
  revision_conflict: entry(
    409,
    'Stale revision',
    'If-Match does not match the stream\'s current revision: read the record again and decide on what it now holds. A weak tag (W/"3") never matches, as If-Match compares strongly (RFC 9110 §13.1.1): send the revision as a strong tag ("3").',
  ),
  duplicate_event_id: entry(
    409,
    'Event id stored with other content',
    'An event with this id is stored already with different content; nothing was recorded.',
  ),
  case_ambiguous: entry(
    409,
    'Case id used by several agencies',
    'Agencies the caller may read each have a case with this id: name one with ?agency= (`agencies` lists them).',
  ),
  case_exists: entry(409, 'Case exists already', 'A case with this id is open already in the agency.'),
  case_closed: entry(
    409,
    'Case is closed',
    'A closed case takes only corrections and changes to the publication of its decision.',
  ),
  case_not_closable: entry(
    409,
    'Case cannot be closed yet',
    'A case with a decision is closed only once the decision is published (or exempted from publication).',
  ),
  act_out_of_order: entry(
    409,
    'Act not allowed at this stage',
    'The act is not allowed while the case is in its current status (`caseStatus`).',
  ),
  decision_missing: entry(409, 'No decision yet', 'There is no decision to publish or exempt from publication yet.'),
  not_disclosed: entry(
    409,
    'Decision not published',
    'Withdrawing or updating a publication needs a published decision.',
  ),
  review_pending: entry(
    409,
    'Legal review pending',
    'A legal review of the case is requested and not yet completed: another request would replace it and its deadline. The reviewer completes it, or returns it (outcome returned), first.',
  ),
  review_not_requested: entry(
    409,
    'No legal review requested',
    'A legal review is completed only after one is requested for the current proposal.',
  ),
  no_disagreement: entry(
    409,
    'No disagreement to resolve',
    'No review opinion disagrees with the current proposal, so there is nothing for a coordination decision to settle.',
  ),
  adviser_opinion_required: entry(
    409,
    'Counsel opinion required',
    'The case is marked major, complex or difficult (重大、疑难、复杂): its legal review is completed only after a legal adviser or public-sector lawyer (法律顾问、公职律师) has given an opinion on it.',
  ),
  counsel_unknown: entry(
    422,
    'Counsel not registered',
    'The opinion names someone not registered as an active legal adviser or public-sector lawyer of the agency.',
  ),
  legal_review_required: entry(
    409,
    'Legal review required',
    'A major decision needs an approved legal review whose proposal matches it (decision type and amount): no review, or a failed one, means no decision.',
  ),
  item_exists: entry(409, 'Item registered already', 'The agency has an enforcement item with this code already.'),
  item_retired: entry(409, 'Item retired', 'The enforcement item is retired and takes no changes or new cases.'),
  document_withdrawn: entry(
    409,
    'Published document withdrawn',
    'The published document (random-inspection list entry, flow chart, service guide or post board) was withdrawn: it takes no new version and cannot be withdrawn again.',
  ),
  document_number_taken: entry(
    409,
    'Document number taken',
    'Another case of the agency has a decision bearing this document number (文书号), issued with it or corrected to it: one number names one decision, so a decision, a correction of one or a draft under it is refused. `heldBy` names that case. Check the number; nothing was recorded.',
  ),
  agency_name_taken: entry(
    409,
    'Agency name taken',
    "Another agency's public profile holds this name already (compared without white space, full-width forms folded): the public could not tell the two apart. `heldBy` names that agency. Nothing was recorded.",
  ),
  version_unchanged: entry(
    409,
    'Nothing to record',
    'What was sent is what is in force already: the current version of a published document member for member, the decision template in force (or the return to the shipped one), the schedule recorded for a calendar year, the review time limit in force, or an amendment of an officer, item or subject whose every member says what the record says. Nothing was recorded.',
  ),
  flow_chart_invalid: entry(
    422,
    'Flow chart not a well-formed flow',
    'A flow chart has exactly one start, at least one end, edges between its own nodes (each pair once), decisions with two or more ways out each naming its condition; every node is reachable from the start and leads to an end. `details` names the node at fault.',
  ),
  ratio_invalid: entry(
    422,
    'Inspection ratio out of range',
    'A random-inspection ratio is a whole number of basis points from 1 (0.01 %) to 10,000 (every target).',
  ),
  officer_exists: entry(409, 'Officer registered already', 'The agency has an officer with this id already.'),
  officer_retired: entry(
    409,
    'Officer retired',
    "The officer is retired and takes no changes, but for the revocation of one of the officer's keys.",
  ),
  officer_suspended: entry(409, 'Officer suspended already', 'The officer is suspended already.'),
  officer_not_suspended: entry(409, 'Officer not suspended', 'Only a suspended officer is reinstated.'),
  actor_key_unknown: entry(
    422,
    'Not a key of the acting officer',
    'actorSig.keyId names no key registered for the officer the token names (its `sub`, in its agency); nothing was recorded. Register the key first (POST /v1/officers/{officerId}/keys).',
  ),
  actor_key_revoked: entry(
    422,
    'Act signed with a revoked key',
    'The key that signed the act is revoked from an instant before the act would be recorded; nothing was recorded.',
  ),
  actor_key_not_valid: entry(
    422,
    'Officer key not valid on the act’s day',
    'The day the act occurred (the date of occurredAt, as written) is outside the key’s validFrom–validTo, or the act’s recording time reads earlier than the key’s registration was recorded (a clock set back, or a replica behind another; retry later); nothing was recorded.',
  ),
  actor_signature_invalid: entry(
    422,
    'Officer signature does not verify',
    'actorSig does not verify over the act as the service would record it (docs/integrity.md §6: id, stream, type, schemaVersion, occurredAt, the token’s sub, data without derived members and with sealed fields as commitments, media); nothing was recorded.',
  ),
  actor_salts_mismatch: entry(
    422,
    'Salts do not match the personal fields',
    'A signed act gives a 32-byte base64url salt for exactly each personal field the service seals (docs/integrity.md §6, §16); `personalFields` names them by JSON Pointer.',
  ),
  actor_signature_unsupported: entry(
    422,
    'Act cannot carry an officer signature',
    'An officer signs one act recorded alone (POST /v1/cases/{caseId}/acts), not an act of a batch nor the opening of a case.',
  ),
  officer_key_exists: entry(
    409,
    'Officer key registered already',
    'The officer holds this key already (the key id is of the key, docs/integrity.md §5).',
  ),
  certificate_taken: entry(
    409,
    'Certificate number taken',
    'Another officer of the agency in service is listed under this law-enforcement certificate number already (compared without white space, full-width forms folded, letters in upper case): the public officer list could not tell the two apart. `heldBy` names that officer. Nothing was recorded.',
  ),
  officer_key_taken: entry(
    409,
    'Key held by another officer',
    'Another officer of the agency holds this key: a key signs for one officer only. Generate a key for each officer.',
  ),
  officer_key_unknown: entry(404, 'No such officer key', 'The officer has no registered key with this key id.'),
  officer_key_revoked: entry(
    409,
    'Officer key revoked',
    'The key is revoked already; its revocation stands as recorded.',
  ),
  officer_key_malformed: entry(
    422,
    'Officer key malformed',
    'publicKey is neither the standard base64 of a SubjectPublicKeyInfo DER nor its PEM.',
  ),
  officer_key_unsupported: entry(
    422,
    'Officer key not Ed25519',
    'Officer keys are Ed25519 (docs/integrity.md §6); an RSA, EC or SM2 key is refused.',
  ),
  officer_key_validity_required: entry(
    422,
    'Officer key validity missing',
    'A key registered without a certificate states validFrom, the first day it may sign acts for.',
  ),
  officer_key_validity_outside_certificate: entry(
    422,
    'Key validity outside its certificate',
    "The stated validFrom or validTo lies outside the certificate's notBefore and notAfter (as whole UTC days).",
  ),
  officer_certificate_malformed: entry(
    422,
    'Officer certificate malformed',
    'certificate is not the PEM of an X.509 certificate.',
  ),
  officer_certificate_mismatch: entry(
    422,
    'Certificate of another key',
    "The certificate's subject public key is not the key registered with it.",
  ),
  subject_exists: entry(409, 'Subject registered already', 'The agency has a regulated subject with this id already.'),
  subject_retired: entry(409, 'Subject retired', 'The regulated subject is retired and takes no changes.'),
  case_unknown: entry(
    422,
    'Case not known',
    "The inspection outcome names a case (`caseId`) that the agency does not have: the outcome is recorded naming only cases of the agency's.",
  ),
  conflict_declared: entry(
    409,
    'Conflict declared already',
    "The officer has declared this conflict of interest already; or, recording an inspection's outcome, has declared one with its subject (回避), whose outcome the head or another drawn inspector then records.",
  ),
  conflict_not_declared: entry(
    409,
    'No conflict declared',
    'The officer has declared no conflict of interest with this subject.',
  ),
  plan_exists: entry(409, 'Plan recorded already', 'The agency has an inspection plan with this id already.'),
  entry_retired: entry(
    409,
    'List entry not current',
    'The entry of the random-inspection list the plan names is no longer current; plan under a current entry.',
  ),
  draw_recorded: entry(409, 'Draw recorded already', 'The plan has been drawn already; a draw is never made twice.'),
  draw_too_early: entry(
    409,
    'Draw too early',
    "The Merkle log has not reached the plan's tree size yet, so the root that seeds the draw does not exist; retry once it has (`details.drawAtSize`).",
  ),
  draw_mismatch: entry(
    409,
    'Draw differs from the log',
    'The seed or targets given are not those the log determines (docs/inspections.md); nothing was recorded. `details.seed` is the seed the log gives.',
  ),
  draw_missing: entry(409, 'Plan not drawn', 'The plan has not been drawn yet, so no target has an outcome.'),
  outcome_recorded: entry(409, 'Outcome recorded already', "The target's inspection outcome is recorded already."),
  // the rules of the three systems
  two_officers_required: entry(
    422,
    'Two officers required',
    'An on-site act (inspection, evidence collection, seizure, demolition, service) needs at least two distinct officers of the agency.',
  ),
  certificate_invalid: entry(
    422,
    'Officer certificate not valid',
    "An officer named holds no enforcement certificate valid on the act's date.",
  ),
  recording_required: entry(
    422,
    'Recording required',
    'A seizure or forced demolition needs an audio or video recording of the whole act; service by leaving or by public notice needs a photo, recording or copy of the notice.',
  ),
  recording_target_unknown: entry(
    422,
    'Recorded act not in the case',
    'A recording attached later names, in relatesTo, an event that is not an act of this case.',
  ),
  coordinator_not_independent: entry(
    422,
    'Coordinator not independent',
    'The coordination decision settling a review disagreement is recorded by someone who handled the case or gave the review opinion in dispute: the head who settles it is neither.',
  ),
  reviewer_not_independent: entry(
    422,
    'Reviewer not independent',
    'The reviewer has handled the case (one of its officers, named by one of its acts, or the recorder of a handling act such as the request for review) and cannot review it.',
  ),
  reviewer_not_qualified: entry(
    422,
    'Reviewer not registered',
    'The legal review is recorded by someone who is not a registered reviewer of the agency.',
  ),
  review_inconsistent: entry(
    422,
    'Review outcome contradicts its checks',
    'An approval needs every required check passed and no criminal referral (`failed` names the checks).',
  ),
  credentials_not_shown: entry(
    422,
    'Credentials not shown',
    'Officers on site must show their enforcement certificates (亮证).',
  ),
  party_not_notified: entry(
    422,
    'Party not notified',
    'The party must be told the grounds of the act and their rights.',
  ),
  officer_unknown: entry(
    422,
    'Officer not registered',
    "An officer named is not registered in the case's agency (or, on a post information board, is not a current officer of the agency).",
  ),
  statistics_publication_invalid: entry(
    422,
    'Statistics publication day out of range',
    'The statistics of a year are published after the year ends, and a publication is recorded on or after the day it was made, not before.',
  ),
  statistics_published: entry(
    409,
    'Statistics publication recorded already',
    "The publication of the agency's statistics of that year is recorded already: it is recorded once.",
  ),
  review_deadline_invalid: entry(
    422,
    'Review time limit out of range',
    'reviewWorkingDays is a whole number of working days within the allowed range.',
  ),
  retention_invalid: entry(
    422,
    'Retention period out of range',
    'An item\'s retention is "permanent" or a whole number of years from 1 to 100, counted from the case\'s closing.',
  ),
  review_materials_missing: entry(
    422,
    'Review materials missing',
    'A request for legal review does not name every submission material (送审材料) the item requires; `missing` lists them.',
  ),
  item_unknown: entry(422, 'Enforcement item not listed', "The enforcement item is not on the agency's list."),
  media_unknown: entry(
    422,
    'Medium not held by the agency',
    "A medium named has not been uploaded by the case's agency (upload it with POST /v1/media first).",
  ),
  media_of_application: entry(
    422,
    'Medium of an application',
    "A medium named is a file an applicant filed with an online application: it is evidence of the case that application opened, and no other case may name it (an applicant's files are not drawn into other cases, nor served through them once the application is erased). Upload the evidence of this case yourself.",
  ),
  correction_target_unknown: entry(
    422,
    'Corrected event not in the case',
    'A correction names an event that is not part of this case.',
  ),
  officer_role_required: entry(
    422,
    'Not an enforcement officer',
    'An act names, as one who carried it out or handles the case, a registrant of the agency without the officer role (registered only to review, advise or supervise): only enforcement officers do. `officerId` names them; nothing is recorded.',
  ),
  correction_mismatch: entry(
    422,
    'Correction names members the act lacks',
    'A correction names members that the act it corrects does not have (a seizure has no officers in its data, a decision no opinion): `members` lists them. Nothing is recorded.',
  ),
  correction_not_allowed: entry(
    422,
    'Correction of what the rules decided on',
    "A correction names members of the corrected act that the rules read when it was recorded (who acted, the item, what was decided, reviewed or proposed, the dates deadlines count from, how a document was served: `RULE_MEMBERS`): the rules decided on the values recorded, so a correction cannot change them. `members` lists them; a correction changes what no rule reads (a description, a document number, a party's details). Nothing is recorded.",
  ),
  fine_amount_required: entry(422, 'Fine amount required', 'A fine needs fineFen greater than 0.'),
  amount_not_applicable: entry(
    422,
    'Decision takes no sum',
    'A warning, a suspension or revocation, a licence granted or denied, or a coercive measure orders no payment: its decision (and the proposal a review is asked for) names no fineFen above 0.',
  ),
  personal_data_published: entry(
    422,
    'Party named in published text',
    "A member the public disclosure prints as written (a decision's legalBasis or documentNo, the reason a publication is updated or withdrawn) holds the name, identity document number, phone number or address recorded for a party who is a natural person, whom the disclosure shows masked: `members` lists where. Write 当事人 (the party) instead of the name and leave the rest out; nothing is recorded.",
  ),
  amount_invalid: entry(422, 'Amount not whole fen', 'An amount is a whole, non-negative number of fen.'),
  date_invalid: entry(
    422,
    'Date out of order',
    'A date is impossible in the case: an act before the case was opened, a publication before its decision, a time in the future.',
  ),
  entry_unknown: entry(422, 'List entry unknown', "The plan names no entry of the agency's random-inspection list."),
  inspectors_too_few: entry(
    422,
    'Two inspectors required',
    'A plan sends at least two inspectors to every target (inspectorsPerTarget from 2 to 10).',
  ),
  sample_invalid: entry(
    422,
    'Sample out of range',
    'A plan draws a count from 1 to 1000, or a whole percent from 1 to 100.',
  ),
  draw_size_not_future: entry(
    422,
    'Draw size not in the future',
    "The plan's drawAtSize must be above the log's tree size when the plan is recorded (`details.treeSize`), so nobody can know the seed when the plan is fixed.",
  ),
  no_candidates: entry(
    422,
    'No candidate subjects',
    "No subject of the directory matched the plan's selector at its tree size.",
  ),
  draw_too_large: entry(
    422,
    'Draw inputs too large',
    "The targets drawn, with their inspectors, are more than one draw event records (long ids, many inspectors; `details` gives the count); nothing is recorded. Candidates beyond one event's lists are recorded in parts before the draw, not refused.",
  ),
  inspectors_insufficient: entry(
    422,
    'Too few inspectors free of conflicts',
    'A drawn target has fewer officers without a declared conflict of interest than the plan sends; nothing was recorded.',
  ),
  not_a_target: entry(
    422,
    'Subject not drawn',
    'The subject was not drawn by this plan, so it has no outcome to record.',
  ),
  inspector_required: entry(
    403,
    'Drawn inspector required',
    "A target's outcome is recorded by one of its drawn inspectors, or by the agency head.",
  ),
  validity_invalid: entry(422, 'Certificate validity reversed', "The certificate's validity ends before it starts."),
  roles_required: entry(422, 'Officer needs a role', 'An officer is registered with at least one role.'),
  role_not_for_officer: entry(
    422,
    'Role not for an officer',
    "An officer's roles are a person's (officer, reviewer, supervisor, admin); integration is the role of a system's token, never registered as an officer.",
  ),
  disclosure_deadline_invalid: entry(
    422,
    'Disclosure deadline out of range',
    'disclosureWorkingDays is a whole number of working days within the allowed range.',
  ),
  calendar_not_yours: entry(
    403,
    'Calendar not kept by this agency',
    "The working-day calendar is one for the whole service, every agency's deadlines counted on it, and only an admin of the agency that keeps it (`CALENDAR_AGENCY`, named in `keeper`) records a year of it. When the service names no such agency, nobody does: the problem says to set `CALENDAR_AGENCY`, and the shipped schedule (or `WORKING_DAY_CALENDAR_FILE`) is the calendar. Nothing was recorded.",
  ),
  calendar_invalid: entry(
    422,
    'Working-day schedule invalid',
    "A year's holiday schedule does not hold together: a year out of range, a day outside it (or the December before), a day listed twice, a make-up working day that is not a weekend day; `day` names the first defect.",
  ),
  idempotency_key_reused: entry(
    422,
    'Idempotency key reused',
    'This Idempotency-Key was used by the same user for another request on the same record; nothing was recorded.',
  ),
  webhook_url_refused: entry(
    422,
    'Webhook URL refused',
    'The webhook URL is not https (plain http only for hosts the operator allow-lists), holds credentials or a fragment, does not resolve, or its host resolves to a loopback, private, link-local, multicast or otherwise reserved address (IPv4 or IPv6, v4-mapped included); `reason` says which. Nothing was recorded.',
  ),
  webhook_exists: entry(409, 'Webhook exists', 'A subscription with this id exists already.'),
  webhook_deleted: entry(
    410,
    'Webhook deleted',
    'The request repeats (same Idempotency-Key) the creation of a subscription that has been deleted since: nothing is subscribed. Create it again with a new Idempotency-Key.',
  ),
  webhook_limit: entry(
    409,
    'Webhook limit reached',
    'The agency has as many subscriptions as it may have (WEBHOOK_MAX_PER_AGENCY, `limit`): delete one it no longer needs, or widen the event types of one, before making another.',
  ),
  webhook_duplicate: entry(
    409,
    'Webhook duplicate',
    'Another subscription of the agency (`webhookId`) delivers the same event types in the same payload to this URL already, and two would deliver every event twice: use or change that one. The same URL with other event types or another payload is allowed.',
  ),
  webhook_disabled: entry(
    409,
    'Webhook disabled',
    'The subscription is disabled (its receiver answered 410 Gone): enable it (PATCH enabled: true) before replaying.',
  ),
  webhook_delivery_elsewhere: entry(
    421,
    'Webhooks delivered by another replica',
    'This replica does not deliver webhooks (WEBHOOK_DELIVERY=false): its outbox holds no deliveries to list and sends none it would replay. The replica that delivers answers both; a client behind a load balancer may send the request again over another connection. Subscriptions themselves are read and changed on any replica.',
  ),
  // online applications (网上受理)
  item_not_licensing: entry(
    422,
    'Not a licensing item',
    'Applications are filed, and service guides published, for a current licensing item (许可) of the agency only; see GET /v1/items?category=licensing.',
  ),
  attachments_invalid: entry(
    422,
    'Attachment refused',
    'Attachments are at most 5 PDF, JPEG or PNG files of at most 5 MiB each, in the form part "attachment".',
  ),
  application_exists: entry(409, 'Application exists', 'An application with this id is filed already.'),
  application_decided: entry(
    409,
    'Application decided',
    'The application has been accepted (受理) or refused (不予受理) already.',
  ),
  decision_type_invalid: entry(
    422,
    'Decision type not allowed',
    'A case opened from an online application ends in license_granted or license_denied.',
  ),
  // the service
  identity_provider_unavailable: entry(
    502,
    'Identity provider unavailable',
    "The identity provider of the portal's sign-in could not be reached, or did not answer as OpenID Connect says; try again later.",
  ),
  internal: entry(
    500,
    'Internal error',
    'The service failed to complete the request; `requestId` finds the details in its log.',
  ),
  integrity_fault: entry(
    500,
    'Stored data failed its check',
    'What the service read back from its own stores is not what it wrote; it was not served. Operators run `ledger check`.',
  ),
  media_unavailable: entry(
    500,
    'Referenced medium missing',
    'A medium an event references is not in the media store as the event describes it.',
  ),
  invalid_append: entry(
    500,
    'Invalid append',
    'The service built events that do not continue their stream (a fault of the service, never of the client).',
  ),
  config_invalid: entry(500, 'Configuration invalid', 'A setting of the service cannot be used; `variable` names it.'),
  store_unavailable: entry(
    503,
    'Store unavailable',
    'A store does not answer or is shutting down; retry later with the same Idempotency-Key.',
  ),
  shutting_down: entry(
    503,
    'Service stopping',
    'The service is stopping: the request came on a connection kept open past the stop and was not processed (nothing was recorded), and the connection is closed. Send it again: to another replica, or once the service is back.',
  ),
  data_key_not_erasable: entry(
    503,
    'Data key store cannot erase',
    'The data-key store cannot destroy a key beyond recovery: the bucket keeps what is written to it (default Object Lock retention), a version of this key is under a legal hold or an unexpired retention, a policy refuses to delete versions, or a key file cannot be written. Checked before the erasure is signed: nothing was recorded. An operator lifts the hold (or moves the data keys to a bucket without retention, LEDGER_DATA_KEY_BUCKET) and erases again. A hold placed between that check and the deletion fails the deletion with this code after the erasure was recorded: erasing again once the hold is lifted destroys the key.',
  ),
  data_key_unavailable: entry(
    503,
    'Recorded data cannot be opened',
    "A request retried with an Idempotency-Key whose events are recorded, but hold personal data this replica's data-key store cannot open (it is not the store the replicas share, or holds another key for the case), so the retry cannot be compared with what was recorded. The request may well be recorded: retry later with the same Idempotency-Key. Operators give every replica the same data-key store (LEDGER_DATA_KEY_STORE=media) and master key.",
  ),
  data_folder_in_use: entry(
    503,
    'Data folder in use',
    'Another process (a running service, or `ledger rebuild`) holds the lock of the data folder; the detail says which.',
  ),
  rebuild_in_progress: entry(
    503,
    'Read models being rebuilt',
    'Another process is rebuilding the same read models (two `ledger rebuild --prepare` at once, or a start-up rebuild beside one); the detail says which. Wait for it to end.',
  ),
  not_ready: entry(
    503,
    'Service not ready',
    'A store does not answer, or the read models are still catching up with the log.',
  ),
  read_models_damaged: entry(
    503,
    'Read models damaged',
    "The file holding the service's read models (case files, lists, the supervision views) is damaged and cannot be read; the log and its signed events are not affected. The service is not ready until it is restarted, which rebuilds the read models from the log (or stop it and run `ledger rebuild`).",
  ),
  not_caught_up: entry(
    503,
    'Read models not caught up',
    'The read models have not applied the log up to ?consistentWith= within the wait; the write is safe, retry after Retry-After.',
  ),
  verify_client_busy: entry(
    429,
    'Verifications of this client in progress',
    'This client address already has as many bundle verifications running or waiting as it may (VERIFY_PER_CLIENT); send the next once one is answered. Nothing was read.',
  ),
  upload_too_slow: entry(
    408,
    'Upload too slow',
    'A bundle sent for verification arrived slower than 16 KiB in 30 seconds while it held a verification slot; the connection is closed. Send it over a faster link, or check it offline with `ledger verify`.',
  ),
  verify_busy: entry(
    503,
    'Verification slots busy',
    'Every slot and queue place for bundle verifications is taken (VERIFY_CONCURRENCY, VERIFY_QUEUE); nothing was read, retry after Retry-After.',
  ),
  // discretion benchmarks (裁量基准) and case-file evaluation (案卷评查)
  benchmark_invalid: entry(
    422,
    'Discretion benchmark invalid',
    'A benchmark grades each circumstance once, at least one, each with a range of whole fen where minFen is at most maxFen.',
  ),
  reason_required: entry(
    422,
    'Reason for the change required',
    'A change of a discretion benchmark after its first version says why.',
  ),
  circumstance_required: entry(
    422,
    'Circumstance of the fine required',
    'A fine of an item that has a discretion benchmark names its circumstance (minor, ordinary, serious, very serious).',
  ),
  circumstance_unknown: entry(
    422,
    'Circumstance not in the benchmark',
    "The fine names a circumstance the item's discretion benchmark does not grade.",
  ),
  benchmark_reason_required: entry(
    422,
    'Reason for a fine outside the benchmark required',
    'A fine outside the range of its circumstance needs a written reason (`deviationReason`); with one it is recorded and flagged for the reviewer and the supervisors.',
  ),
  case_not_closed: entry(409, 'Case file not closed', 'Only a closed case file is evaluated.'),
  evaluator_not_independent: entry(
    422,
    'Evaluator handled the case',
    "A case file is evaluated by a supervisor of the case's agency who did not handle the case.",
  ),
  score_invalid: entry(422, 'Score out of range', 'Each review point is scored in whole numbers from 0 to 10.'),
  comment_required: entry(422, 'Comment required', 'A review point scored below full needs a comment saying why.'),
  evaluation_exists: entry(
    409,
    'Case file evaluated already',
    'This supervisor has evaluated the case file; a second evaluation is an amendment and gives a reason.',
  ),
  // the recording list (音像记录事项清单) and recording devices
  recording_entry_invalid: entry(
    422,
    'Recording list entry invalid',
    'An entry of the recording list appears twice, or names service methods on an act other than DocumentServed.',
  ),
  catalogue_entry_invalid: entry(
    422,
    'Review catalogue entry invalid',
    'An entry of the review catalogue appears twice, or names no factor (decision types, item categories, levels, fields, amount): an entry without one would make every decision major.',
  ),
  recording_floor_mandatory: entry(
    422,
    'Mandatory recording duty missing',
    'Seizure and forced demolition need an audio or video recording on every item: a recording list may not drop, narrow or lower them; `details` names what is missing.',
  ),
  possible_duplicate: entry(
    409,
    'Act possibly sent twice',
    "The portal's form repeats an act the same reader recorded on the case a moment ago, under another submission key (a form sent again after going back to it): shown back with a warning, it is recorded once sent again as it stands. `details` names the earlier act.",
  ),
  device_exists: entry(409, 'Device registered already', 'The agency has a recording device with this id already.'),
  device_status_unchanged: entry(409, 'Device status unchanged', 'The recording device has this status already.'),
  device_holder_unchanged: entry(
    409,
    'Device holder unchanged',
    'The recording device is held by this officer already.',
  ),
  device_unknown: entry(
    422,
    'Recording device not registered',
    "The recording names a device that is not registered in the case's agency.",
  ),
  device_lost: entry(
    409,
    'Recording device lost',
    'The recording names a device reported lost; no recording may name it.',
  ),
  device_retired: entry(
    409,
    'Recording device retired',
    'The device is retired: it takes no changes, and no recording may name it.',
  ),
  decision_document_not_attached: entry(
    422,
    'Issued document not attached',
    "`DecisionIssued` names the issued document's SHA-256 (`documentSha256`) but that file is not among the act's media: upload it (or draft it) and name it in `media` too.",
  ),
  template_invalid: entry(
    422,
    'Decision template invalid',
    'The decision template names a placeholder the renderer does not fill (`unknown`), or puts a list placeholder such as {parties} or {evidence} inside other text (`embedded`).',
  ),
  application_erased: entry(
    409,
    "Applicant's personal data erased",
    "The application's data key was destroyed (a signed `ApplicationDataErased` event names the legal ground): the applicant's fields read `[erased]`; the application cannot be accepted nor erased a second time.",
  ),
  application_became_case: entry(
    409,
    'Application opened a case',
    "The application was accepted and opened a case (`caseId`), which holds the applicant as its party: erase the case (POST /v1/cases/{caseId}/erasure), which destroys the application's key too.",
  ),
  case_erased: entry(
    409,
    'Personal data of the case erased',
    "The case's data key was destroyed (a signed `CaseDataErased` event names the legal ground): its personal fields read `[erased]`, none can be opened, recorded again or erased a second time.",
  ),
};

/** The `type` of a problem: the path of its page on this service (a relative reference, RFC 9457 §3.1.1). */
export function problemTypeUri(code: string): string {
  return `/problems/${code}`;
}
