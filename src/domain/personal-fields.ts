import { caseStream } from './case/acts.js';
import { parseAgencyStream } from './streams.js';

/**
 * Which fields of an event are personal data (docs/privacy.md): the ones the schemas annotate `x-personal`. New
 * events hold each of them sealed (src/ledger/sealed-field.ts); erasing a case makes them unreadable.
 *
 * - A party's `idNumber`, `phone` and `address`, whatever its kind: an organisation's identifiers and contacts may
 *   be a sole trader's own.
 * - A party's `name` when the party is a natural person. An organisation's name is not personal data: the public
 *   disclosure publishes it unmasked, so it stays in clear (`"x-personal": {"exceptWhere": {"kind":
 *   "organization"}}`).
 *
 * - The same members of an online application's applicant, and its email (`ApplicationFiled`); and the
 *   applicant's own words, the request, which often name the applicant ({@link APPLICATION_FREE_TEXT_FIELDS}).
 *
 * - Free text an officer writes, which may name a person ({@link FREE_TEXT_FIELDS}): a case's title, an on-site
 *   inspection's location and findings, a note on showing the certificate, the grounds and rights a party is told,
 *   an evidence or recording description, what a seizure took and what a demolition pulled down (whose, and where),
 *   the document served, the reason a proposed or decided fine leaves its discretion benchmark (often the party's
 *   circumstances) and the materials submitted for a legal review, a legal review's or a counsel's opinion, the
 *   reasoning that settles a disagreement with a review, a correction's reason and its corrected members.
 *
 * - The facts and reasons a handling officer writes into a decision draft (`DecisionDrafted`, in the draft's own
 *   stream), which name the party as the document does ({@link DRAFT_FREE_TEXT_FIELDS}): sealed under the key of
 *   the case drafted for, so erasing the case erases them.
 *
 * test/unit/domain/personal-fields.test.ts checks this list against the schemas' annotations.
 */
export const PARTY_PERSONAL_FIELDS = ['name', 'idNumber', 'phone', 'address'] as const;

/**
 * An online application's applicant (`ApplicationFiled.data.applicant`): the same rule, the name sealed for a
 * natural person only, and the email besides.
 */
export const APPLICANT_PERSONAL_FIELDS = ['name', 'idNumber', 'phone', 'email', 'address'] as const;

/**
 * The free text of an online application (`ApplicationFiled.data`), sealed whole under the application's data key:
 * what is applied for, in the applicant's words (本人张三申请…). No rule and no read model reads it.
 */
export const APPLICATION_FREE_TEXT_FIELDS = ['request'] as const;

/**
 * The free text of a decision draft (`DecisionDrafted.data`), sealed whole under the data key of the case drafted
 * for (`data.caseId`, in the draft's agency), not of the draft's stream: the facts and the reasons as the document
 * states them. No rule and no read model reads them; the draft's page opens them.
 */
export const DRAFT_FREE_TEXT_FIELDS = ['facts', 'reasons'] as const;

/**
 * The free-text members of case acts, sealed whole under the case's data key: no rule reads them (the rules fold
 * states from the other members, and a rule that asks for a member's presence asks it of the act as submitted,
 * before it is sealed), and the read models that show or search them get them opened (docs/privacy.md). A member
 * inside another is named by its path below `data` (`proposed/deviationReason`).
 */
export const FREE_TEXT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  CaseOpened: ['title'],
  OnSiteInspectionRecorded: ['location', 'findings'],
  CredentialsShown: ['note'],
  PartyNotified: ['grounds', 'rights'],
  EvidenceCollected: ['description'],
  RecordingAttached: ['description'],
  PropertySeized: ['items'],
  ForcedDemolition: ['target'],
  // what was served; how (`method`) stays in clear: the recording duties are read by it
  DocumentServed: ['document'],
  // the proposal's type, amount, legal basis and circumstance stay in clear: the review gate and the catalogue read them
  LegalReviewRequested: ['proposed/deviationReason', 'materials'],
  LegalReviewCompleted: ['opinion'],
  CounselOpinionRecorded: ['opinion'],
  ReviewDisagreementResolved: ['reasoning'],
  DecisionIssued: ['deviationReason'],
  // a correction's members (`data`, in the shape of the corrected act) may repeat any of the above: sealed whole
  RecordCorrected: ['reason', 'data'],
};

/**
 * Free text that events recorded before it was sealed repeat in clear where it is never recorded any more: a
 * completed review's copy of the proposal it reviewed held the reason for leaving the benchmark, which the fold's
 * proposal no longer keeps. Nothing seals these (no event holds them now); the case file hides them once the case
 * is erased, as it hides the other free text recorded in clear ({@link hiddenOnErasure}).
 */
export const REPEATED_FREE_TEXT: Readonly<Record<string, readonly string[]>> = {
  LegalReviewCompleted: ['proposal/deviationReason'],
};

/**
 * The scope of the data key an event's sealed values are under (docs/integrity.md §16): its own stream's (a case's,
 * an application's), but for a decision draft, whose facts and reasons are sealed under the key of the case drafted
 * for (`data.caseId`, in the agency of the draft's stream), so that erasing the case erases them.
 */
export function dataKeyScope(event: {
  readonly stream: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}): string {
  if (event.type !== 'DecisionDrafted' || typeof event.data.caseId !== 'string') return event.stream;
  const draft = parseAgencyStream(event.stream);
  return draft ? caseStream(draft.agency, event.data.caseId) : event.stream;
}

/** The JSON Pointers of the members of an event's `data` the case file hides once the case is erased. */
export function hiddenOnErasure(type: string, data: Readonly<Record<string, unknown>>): string[] {
  const repeated = (REPEATED_FREE_TEXT[type] ?? []).filter((f) => present(data, f.split('/'))).map((f) => `/${f}`);
  return [...personalPaths(type, data), ...repeated];
}

/** The event types whose data may hold personal fields, and where. */
export const PERSONAL_EVENT_TYPES = [
  'CaseOpened',
  'ApplicationFiled',
  'DecisionDrafted',
  ...Object.keys(FREE_TEXT_FIELDS),
] as const;

/**
 * The JSON Pointers of the free-text members present in an event's `data` (`/title`, `/findings`,
 * `/proposed/deviationReason`).
 */
export function freeTextPaths(type: string, data: Readonly<Record<string, unknown>>): string[] {
  return (FREE_TEXT_FIELDS[type] ?? []).filter((f) => present(data, f.split('/'))).map((f) => `/${f}`);
}

/** Whether `data` has the member at `members` (each one below the last). */
function present(data: unknown, members: readonly string[]): boolean {
  let here = data;
  for (const member of members) {
    if (typeof here !== 'object' || here === null || Array.isArray(here) || !(member in here)) return false;
    here = (here as Record<string, unknown>)[member];
  }
  return true;
}

function partyPersonal(field: string, party: Record<string, unknown>): boolean {
  return field !== 'name' || party.kind !== 'organization';
}

/**
 * The JSON Pointers (RFC 6901) of the personal fields present in an event's `data`, in document order: e.g.
 * `/parties/0/name`, `/parties/0/idNumber`.
 */
export function personalPaths(type: string, data: Readonly<Record<string, unknown>>): string[] {
  if (type === 'ApplicationFiled') {
    const applicant = data.applicant;
    const a = typeof applicant === 'object' && applicant !== null ? (applicant as Record<string, unknown>) : {};
    return [
      ...APPLICANT_PERSONAL_FIELDS.filter((f) => f in a && partyPersonal(f, a)).map((f) => `/applicant/${f}`),
      ...APPLICATION_FREE_TEXT_FIELDS.filter((f) => f in data).map((f) => `/${f}`),
    ];
  }
  if (type === 'DecisionDrafted') return DRAFT_FREE_TEXT_FIELDS.filter((f) => f in data).map((f) => `/${f}`);
  const texts = freeTextPaths(type, data);
  if (type !== 'CaseOpened' || !Array.isArray(data.parties)) return texts;
  return [
    ...texts,
    ...(data.parties as unknown[]).flatMap((party, i) => {
      if (typeof party !== 'object' || party === null) return [];
      const p = party as Record<string, unknown>;
      return PARTY_PERSONAL_FIELDS.filter((f) => f in p && partyPersonal(f, p)).map((f) => `/parties/${i}/${f}`);
    }),
  ];
}
