import type { ErrorRequestHandler, Request, Response } from 'express';
import { LedgerError } from '../../errors.js';
import type { MessageKey, Translator } from '../i18n.js';
import type { BodyError } from '../../http/validation.js';
import type { FieldSpec, FormError } from './fields.js';
import { enumerationSeparator, isInstant } from '../pages/labels.js';
import { yuanText } from './acts.js';
import { ScreenForbidden } from '../session.js';

/** The details of a refusal that, when all given, choose a sentence of their own (`rule.<code>.<details>`), in this order. */
const VARIANTS_OF_CODE: Record<string, readonly (readonly string[])[]> = {
  // `handling`: the handling officers of a case being opened, not officers on site
  two_officers_required: [
    ['notEnforcing', 'handling'],
    ['notOfAgency', 'handling'],
    ['handling'],
    ['notEnforcing'],
    ['notOfAgency'],
  ],
  // files were given, none of them audio or video
  recording_required: [['attached']],
  // exempting a published decision: its publication is withdrawn first; else the case's status, named
  act_out_of_order: [['withdrawFirst'], ['caseStatus']],
  // a file over the upload limit: the limit, in words a reader knows (`2.0 MB`)
  too_large: [['maxBytes']],
  // an approval with checks not met: which, by their labels
  review_inconsistent: [['failed']],
  // a file that is not what it is declared as: a photo, a PDF (else a recording)
  media_type_mismatch: [['image'], ['pdf']],
  // which date rule: an act before the one it answers or follows, a day before the opening, a day to come
  date_invalid: [
    ['requestedAt'],
    ['completedAt'],
    ['clearedAt'],
    ['decidedOn'],
    ['publishedOn'],
    ['recordedAt'],
    ['date', 'openedOn'],
    ['date'],
    ['openedOn'],
  ],
};

/** The field a rule's refusal is about, where one is (the rest are about the act as a whole). */
const FIELD_OF_CODE: Record<string, string> = {
  two_officers_required: 'officers',
  certificate_invalid: 'officers',
  officer_unknown: 'officers',
  officer_role_required: 'officers',
  recording_required: 'medium',
  media_unknown: 'medium',
  media_of_application: 'medium',
  too_large: 'medium',
  unsupported_media_type: 'medium',
  media_type_mismatch: 'medium',
  media_empty: 'medium',
  fine_amount_required: 'data.fineFen',
  amount_not_applicable: 'data.fineFen',
  review_materials_missing: 'data.materials',
  counsel_unknown: 'data.counsel',
  amount_invalid: 'data.fineFen',
  document_number_taken: 'data.documentNo',
  review_inconsistent: 'data.checks.subjectLawful',
  item_unknown: 'itemCode',
  item_retired: 'itemCode',
  case_exists: 'caseId',
  officer_exists: 'officerId',
  certificate_taken: 'certificateNo',
  item_exists: 'code',
  validity_invalid: 'validTo',
  role_not_for_officer: 'roles',
  officer_key_exists: 'publicKey',
  officer_key_taken: 'publicKey',
  officer_key_malformed: 'publicKey',
  officer_key_unsupported: 'publicKey',
  officer_key_validity_required: 'validFrom',
  officer_key_validity_outside_certificate: 'validFrom',
  officer_certificate_malformed: 'certificate',
  officer_certificate_mismatch: 'certificate',
  credentials_not_shown: 'data.credentialsShown',
  party_not_notified: 'data.partyNotified',
  circumstance_required: 'data.circumstance',
  circumstance_unknown: 'data.circumstance',
  benchmark_reason_required: 'data.deviationReason',
};

/**
 * What a field's fault is, in words the reader can act on: what is missing, which choice to make, the bound passed
 * (in yuan for a money field, whose body holds fen), how the field must be written; a fault of no known kind (or a
 * pointer no field holds) gets the general sentence.
 */
function faultMessage(
  ctx: Translator,
  spec: FieldSpec | undefined,
  field: string,
  fault: Partial<BodyError>,
  line = false,
): string {
  if (!spec) return ctx.t('rule.invalid_body', { field });
  const choosing = ['select', 'radio', 'checkbox', 'checkboxes'].includes(spec.kind);
  const money = spec.kind === 'money';
  const limit = fault.limit === undefined ? '' : money ? yuanText(fault.limit) : String(fault.limit);
  switch (fault.kind) {
    case 'missing':
      return ctx.t(choosing ? 'form.fault.choose' : 'form.fault.missing', { field });
    case 'choice':
      // a box typed into whose value is one of a few (a retention period: years or 永久): written as its hint says
      return ctx.t(choosing ? 'form.fault.choose' : formatFault(spec), { field });
    case 'too_small':
    case 'too_large':
      return ctx.t(`form.fault.${fault.kind}`, { field, limit });
    // of a list: too few or too many lines; of one of its lines (`line`): too short or too long a line
    case 'too_short':
      return ctx.t(spec.kind === 'lines' && !line ? 'form.fault.too_few' : 'form.fault.too_short', { field, limit });
    case 'too_long':
      return ctx.t(spec.kind === 'lines' && !line ? 'form.fault.too_many' : 'form.fault.too_long', { field, limit });
    case 'format':
    case 'type':
      if (money) return ctx.t('form.fault.money', { field });
      if (spec.kind === 'date') return ctx.t('form.fault.date', { field });
      return ctx.t(fault.kind === 'type' ? 'form.fault.number' : formatFault(spec), { field });
    default:
      return ctx.t('rule.invalid_body', { field });
  }
}

/** "Not written as it must be": pointing to the field's hint where it has one, else asking the reader to check it. */
const formatFault = (spec: FieldSpec): 'form.fault.format' | 'form.fault.formatUnhinted' =>
  spec.hint ? 'form.fault.format' : 'form.fault.formatUnhinted';

/** A number of bytes as a reader reads a file's size: `512 KB`, `2.0 MB`, `1.5 GB` (of 1,024). */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.floor(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** The members of a refusal's details that name people by id: the officers a rule did not count or accept. */
const PERSON_DETAILS = new Set(['officerId', 'notEnforcing', 'notOfAgency']);

/**
 * What a form shows for a refusal, in the reader's language: a schema error names its field (the pointer is the
 * field's name, `/data/items` → `data.items`, or the first field under it); a rule's stable `code` is told in plain
 * words (`rule.<code>` in the messages), with the field it is about when there is one.
 */
export function formErrorOf(
  ctx: Translator,
  err: LedgerError,
  fields: readonly FieldSpec[],
  /** How the form shows an instant a refusal names (the time an act is recorded): in the agency's time, say. */
  shownAt?: (instant: string) => string,
  /** How the form shows a person a refusal names by id (an officer whose certificate is not valid): by name, say. */
  person?: (id: string) => string,
): FormError {
  const shown = (name: string | undefined) => (name && fields.some((f) => f.name === name) ? name : undefined);
  if (err.code === 'invalid_body') {
    // every place the body breaks its schema (`errors`), else the one `pointer` names; each field named once
    const reported: Partial<BodyError>[] = Array.isArray(err.details.errors)
      ? (err.details.errors as Partial<BodyError>[])
      : [{ pointer: err.details.pointer as string | undefined }];
    const named = new Map<string | undefined, FormError>();
    for (const fault of reported) {
      const { pointer } = fault;
      const path = (typeof pointer === 'string' ? pointer : '').slice(1).replace(/\//g, '.');
      // the field itself, else the first field under the member, else the field holding it (a line of a list)
      const spec =
        fields.find((f) => f.name === path) ??
        fields.find((f) => path === '' || f.name.startsWith(`${path}.`)) ??
        fields.find((f) => path.startsWith(`${f.name}.`));
      const label = spec ? ctx.t(spec.label) : '';
      if (!named.has(spec?.name)) {
        named.set(spec?.name, {
          message: faultMessage(ctx, spec, label, fault, spec !== undefined && path.startsWith(`${spec.name}.`)),
          ...(spec ? { field: spec.name } : {}),
        });
      }
    }
    // in the order of the form's fields, as the reader meets them (the schema names a missing member first)
    const place = (name: string | undefined) => {
      const at = fields.findIndex((f) => f.name === name);
      return at === -1 ? fields.length : at;
    };
    const [first, ...others] = [...named].sort(([a], [b]) => place(a) - place(b)).map(([, error]) => error);
    if (!first) return { message: ctx.t('rule.invalid_body', { field: '' }) };
    return others.length === 0 ? first : { ...first, others };
  }
  // a refusal's details fill its sentence: `{missing}` names what a request lacks, `{recordedAt}` when (an instant,
  // shown as the form shows times)
  const params = Object.fromEntries(
    Object.entries(err.details).flatMap(([k, v]) =>
      person &&
      PERSON_DETAILS.has(k) &&
      (typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')))
        ? [[k, (typeof v === 'string' ? [v] : (v as string[])).map(person).join(enumerationSeparator(ctx))]]
        : typeof v === 'string' && shownAt && isInstant(v)
          ? [[k, shownAt(v)]]
          : k === 'maxBytes' && typeof v === 'number'
            ? [[k, sizeText(v)]]
            : k === 'caseStatus' && typeof v === 'string'
              ? [[k, ctx.t(`case.status.${v}` as MessageKey)]]
              : k === 'failed' && err.code === 'review_inconsistent' && Array.isArray(v)
                ? [
                    [
                      k,
                      v
                        .map((check) => `“${ctx.t(`form.check.${String(check)}` as MessageKey)}”`)
                        .join(enumerationSeparator(ctx)),
                    ],
                  ]
                : typeof v === 'string' || typeof v === 'number'
                  ? [[k, String(v)]]
                  : Array.isArray(v) && v.every((x) => typeof x === 'string')
                    ? [[k, v.join(enumerationSeparator(ctx))]]
                    : [],
    ),
  );
  // a refusal that names who did not count has a sentence that names them (`rule.<code>.<detail>`)
  // (a detail that is a flag, `handling: true`, chooses a sentence without filling one)
  const variant = VARIANTS_OF_CODE[err.code]?.find((details) =>
    details.every((d) => params[d] !== undefined || err.details[d] === true),
  );
  const key = (
    err.code === 'legal_review_required' && err.details.reviewPending === true
      ? 'rule.legal_review_required.pending'
      : err.code === 'legal_review_required' && reviewStanding(err.details.reviewed) !== undefined
        ? `rule.legal_review_required.${reviewStanding(err.details.reviewed)!}`
        : variant === undefined
          ? `rule.${err.code}`
          : `rule.${err.code}.${variant.join('.')}`
  ) as MessageKey;
  // a code with no sentence of its own falls back to `rule.other` below
  const text = (ctx.t(key) as string | undefined) === undefined ? undefined : ctx.t(key, params);
  // a decision's member, or the same member of a proposal (`data.proposed.…`); else the member the refusal names
  // (a date: `heldOn`, `closedOn`, `occurredAt`…), as the act's data holds it or as a field of its own
  // a review approved with checks not met: the first check it did not tick
  const failed = Array.isArray(err.details.failed) ? err.details.failed[0] : undefined;
  const named =
    err.code === 'review_inconsistent' && typeof failed === 'string'
      ? `data.checks.${failed}`
      : FIELD_OF_CODE[err.code];
  const member = typeof err.details.member === 'string' ? err.details.member : undefined;
  const field =
    shown(named) ??
    shown(named?.replace(/^data\./, 'data.proposed.')) ??
    // an amendment's form: the member under `changes.`
    shown(named === undefined ? undefined : `changes.${named}`) ??
    // a form of the decision's members alone (the drafting form): the member by its own name
    shown(named?.replace(/^data\./, '')) ??
    (member === undefined ? undefined : (shown(`data.${member}`) ?? shown(member)));
  return { message: text ?? ctx.t('rule.other', { code: err.code }), ...(field ? { field } : {}) };
}

/**
 * After a form's route: a refusal the user can correct (a 4xx other than "sign in" and "not found") shows the form
 * again, with what was typed and the error, with the refusal's status; anything else goes on to the portal's error
 * pages. Nothing was changed: the command handlers refuse before they append.
 */
export function formErrors(
  render: (err: LedgerError, req: Request, res: Response) => void | Promise<void>,
): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent || !(err instanceof LedgerError) || err.status >= 500) return next(err);
    if (err.status === 401 || err.status === 404 || err.code === 'csrf_failed' || err instanceof ScreenForbidden)
      return next(err);
    return render(err, req, res); // a render that fails (rejects) goes on to the error pages
  };
}

/**
 * Where the latest legal review leaves a refused major decision (`legal_review_required`'s `reviewed`), for the
 * sentence saying what to do next: none asked for yet, returned for supplement (补充后重新提请), not passed (the head may
 * coordinate, 协调), or not passed and the head upheld the review; undefined where a review passed another proposal
 * (the general sentence: decide what was reviewed).
 */
function reviewStanding(reviewed: unknown): 'none' | 'returned' | 'rejected' | 'review_upheld' | undefined {
  if (reviewed === null) return 'none';
  const { outcome, resolution } = (reviewed ?? {}) as { outcome?: unknown; resolution?: unknown };
  if (outcome === 'returned') return 'returned';
  if (outcome === 'rejected' && resolution === undefined) return 'rejected';
  if (outcome === 'rejected' && resolution === 'review_upheld') return 'review_upheld';
  return undefined;
}
