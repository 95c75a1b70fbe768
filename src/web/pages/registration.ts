import express, { type Request, type Response, type Router } from 'express';
import type { Principal } from '../../app/auth.js';
import type { RegistryService } from '../../app/registry-service.js';
import { ROLES } from '../../app/tokens.js';
import { DECISION_TYPES } from '../../domain/case/acts.js';
import { itemStream, type ItemCategory, type ItemProfile } from '../../domain/registry/items.js';
import { COUNSEL_ROLES, officerStream, type OfficerProfile } from '../../domain/registry/officers.js';
import type { LedgerError } from '../../errors.js';
import type { Validate } from '../../http/validation.js';
import type { PortalAssets } from '../assets.js';
import { fieldsBody, fieldText } from '../forms/acts.js';
import { formErrorOf, formErrors } from '../forms/errors.js';
import { errorSummary, field, type FieldSpec, type FormState } from '../forms/fields.js';
import { halfWidthDigits, wholeNumberOf } from '../forms/numbers.js';
import {
  SUBMISSION_FIELD,
  submissionField,
  submissionKey,
  retriedValues,
  submissionEventId,
} from '../forms/submission.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n.js';
import { pageContext, sendPage, type PageContext } from '../layout.js';
import { csrfField, portalPrincipal, requireCsrf, signedIn } from '../session.js';
import { ITEMS_ADMIN_PATH, REGISTER_ITEM_PATH, REGISTER_OFFICER_PATH, ROSTER_PATH } from '../links.js';

export interface RegistrationPageDependencies {
  readonly registry: Pick<RegistryService, 'registerOfficer' | 'registerItem'>;
  readonly validate: Validate;
  readonly newId: () => string;
  readonly assets: PortalAssets;
}

const parseForm = express.urlencoded({ extended: false, limit: 64 * 1024, parameterLimit: 60 });

const CATEGORIES: readonly ItemCategory[] = ['penalty', 'licensing', 'coercive', 'inspection', 'levy', 'other'];

/**
 * The officer's fields, named by their path in `POST /v1/officers`'s body. The roles offered are a person's (an
 * integration account is a system's, given a token, never registered as an officer).
 */
export const OFFICER_FIELDS: readonly FieldSpec[] = [
  { name: 'officerId', label: 'register.officer.officerId', kind: 'text', hint: 'register.id.hint' },
  { name: 'name', label: 'roster.name', kind: 'text' },
  { name: 'certificateNo', label: 'roster.certificateNo', kind: 'text' },
  { name: 'validFrom', label: 'register.officer.validFrom', kind: 'date' },
  { name: 'validTo', label: 'register.officer.validTo', kind: 'date' },
  {
    name: 'roles',
    label: 'register.officer.roles',
    kind: 'checkboxes',
    hint: 'register.officer.roles.hint',
    options: ROLES.filter((role) => role !== 'integration').map((value) => ({
      value,
      label: `register.role.${value}` as MessageKey,
    })),
  },
  {
    name: 'categories',
    label: 'register.officer.categories',
    kind: 'lines',
    optional: true,
    hint: 'register.officer.categories.hint',
  },
  {
    name: 'legalQualification.certificateNo',
    label: 'register.officer.qualification',
    kind: 'text',
    optional: true,
    hint: 'register.officer.qualification.hint',
  },
  { name: 'legalQualification.grantedOn', label: 'register.officer.grantedOn', kind: 'date', optional: true },
  {
    name: 'training',
    label: 'register.officer.training',
    kind: 'lines',
    optional: true,
    hint: 'register.officer.training.hint',
  },
  {
    name: 'counsel',
    label: 'register.officer.counsel',
    kind: 'select',
    optional: true,
    hint: 'register.officer.counsel.hint',
    options: COUNSEL_ROLES.map((value) => ({ value, label: `counsel.${value}` as MessageKey })),
  },
];

/** The item's fields, named by their path in `POST /v1/items`'s body. */
export const ITEM_FIELDS: readonly FieldSpec[] = [
  { name: 'code', label: 'items.code', kind: 'text', hint: 'register.id.hint' },
  { name: 'name', label: 'items.name', kind: 'text' },
  {
    name: 'category',
    label: 'public.category',
    kind: 'select',
    options: CATEGORIES.map((value) => ({ value, label: `category.${value}` as MessageKey })),
  },
  { name: 'field', label: 'register.item.field', kind: 'text', optional: true, hint: 'register.item.field.hint' },
  { name: 'legalBasis', label: 'public.legalBasis', kind: 'textarea' },
  { name: 'duties', label: 'register.item.duties', kind: 'textarea', optional: true },
  { name: 'powers', label: 'register.item.powers', kind: 'textarea', optional: true },
  {
    name: 'major.fineFenAtLeast',
    label: 'register.item.majorFine',
    kind: 'money',
    optional: true,
    hint: 'register.item.majorFine.hint',
  },
  {
    name: 'major.decisionTypes',
    label: 'register.item.majorTypes',
    kind: 'checkboxes',
    optional: true,
    hint: 'register.item.majorTypes.hint',
    options: DECISION_TYPES.map((value) => ({ value, label: `decisionType.${value}` as MessageKey })),
  },
  {
    name: 'reviewMaterials',
    label: 'register.item.materials',
    kind: 'lines',
    optional: true,
    hint: 'register.item.materials.hint',
  },
  {
    name: 'reviewWorkingDays',
    label: 'register.item.reviewDays',
    kind: 'whole',
    optional: true,
    hint: 'register.item.reviewDays.hint',
  },
  {
    name: 'disclosureWorkingDays',
    label: 'register.item.disclosureDays',
    kind: 'whole',
    optional: true,
    hint: 'register.item.disclosureDays.hint',
  },
  {
    name: 'retention',
    label: 'register.item.retention',
    kind: 'text',
    optional: true,
    hint: 'register.item.retention.hint',
  },
];

/** The retention period as typed: 永久 (or `permanent`) or a whole number of years; anything else for the schema. */
export function retentionOf(typed: string): number | string {
  const plain = halfWidthDigits(typed).replace(/\s*年$/, '');
  if (plain === '永久' || plain.toLowerCase() === 'permanent') return 'permanent';
  return /^\d{1,3}$/.test(plain) ? Number(plain) : typed;
}

/** What the form sent, each field as text (a group of checkboxes: the values ticked), and its submission key. */
export function typedValues(req: Request, fields: readonly FieldSpec[]): FormState['values'] {
  const sent = (req.body ?? {}) as Record<string, unknown>;
  const values: Record<string, string | readonly string[]> = {};
  for (const spec of fields) {
    if (spec.kind === 'checkboxes') {
      values[spec.name] = [sent[spec.name] ?? []].flat().filter((v): v is string => typeof v === 'string');
    } else values[spec.name] = fieldText(sent, spec.name);
  }
  return { ...values, [SUBMISSION_FIELD]: fieldText(sent, SUBMISSION_FIELD) };
}

/** The separators of a training record's line: the course, the day completed and the hours, in that order. */
const TRAINING_SEPARATOR = /\s*[;；|｜\t]\s*/;

/**
 * A training record as its line is typed (`法制审核业务培训；2026-05-20；16`: the course, the day completed and,
 * if stated, the hours); a line that is not one is sent as its course with no day, for the schema to name.
 */
export function trainingOf(line: string): { course: string; completedOn: string; hours?: number | string } {
  const [course = '', completedOn = '', hours, ...more] = line.split(TRAINING_SEPARATOR);
  if (more.length > 0) return { course: line, completedOn: '' };
  const typedHours = hours?.replace(/\s*(学时|小时|h)$/i, '');
  if (typedHours === undefined || typedHours === '') return { course, completedOn };
  return { course, completedOn, hours: wholeNumberOf(typedHours, 4) };
}

/** A training record as its line shows it, which {@link trainingOf} reads back. */
export const trainingLine = (t: { course: string; completedOn: string; hours?: number }): string =>
  [t.course, t.completedOn, ...(t.hours === undefined ? [] : [String(t.hours)])].join('；');

/**
 * The officer's members the form gives, as `POST /v1/officers` holds them: a training record's line as the record
 * (`members` is the body, or an amendment's `changes`).
 */
export function officerMembers(members: Record<string, unknown>): Record<string, unknown> {
  return Array.isArray(members.training)
    ? { ...members, training: (members.training as string[]).map(trainingOf) }
    : members;
}

/** The body of `POST /v1/officers` the form makes: the fields, in the administrator's own agency. */
function officerBody(values: FormState['values'], agency: string): Record<string, unknown> {
  return { ...officerMembers(fieldsBody(OFFICER_FIELDS, values)), agency };
}

/** The body of `POST /v1/items` the form makes: the fields, in the administrator's own agency. */
function itemBody(values: FormState['values'], agency: string): Record<string, unknown> {
  const body: Record<string, unknown> = { ...fieldsBody(ITEM_FIELDS, values), agency };
  if (typeof body.retention === 'string') body.retention = retentionOf(body.retention);
  return body;
}

function formMain(
  ctx: PageContext,
  state: FormState,
  csrf: Html,
  form: { title: MessageKey; lead: MessageKey; action: string; fields: readonly FieldSpec[]; back: Html },
): Html {
  return html`<h1>${ctx.t(form.title)}</h1>
    <p class="lead">${ctx.t(form.lead)}</p>
    ${errorSummary(ctx, state)}
    <form method="post" action="${form.action}" novalidate>
      ${csrf} ${submissionField(state)} ${form.fields.map((spec) => field(ctx, spec, state))}
      <button type="submit">${ctx.t('register.submit')}</button>
    </form>
    ${form.back}`;
}

interface Registration {
  readonly path: string;
  readonly title: MessageKey;
  readonly lead: MessageKey;
  readonly fields: readonly FieldSpec[];
  readonly back: { readonly path: string; readonly label: MessageKey };
  /** Records the form's body (validated) and says where to go: the list, naming what was registered. */
  record(principal: Principal, values: FormState['values'], key: string | undefined): Promise<string>;
}

/**
 * One registration form's handlers: shown (`GET`), and sent (`POST`): refused with what was typed, or recorded and
 * the list shown after it.
 */
function formHandlers(deps: RegistrationPageDependencies, r: Registration) {
  const render = (req: Request, res: Response, state: FormState, status = 200) => {
    const ctx = pageContext(req, res, deps.assets);
    const back = html`<p><a href="${r.back.path}">${ctx.t(r.back.label)}</a></p>`;
    const main = formMain(ctx, state, csrfField(res), { ...r, action: r.path, back });
    sendPage(res, ctx, { title: ctx.t(r.title), main, status });
  };
  const show = (req: Request, res: Response) => render(req, res, { values: { [SUBMISSION_FIELD]: deps.newId() } });
  const send = async (req: Request, res: Response) => {
    const values = typedValues(req, r.fields);
    res.locals.formValues = values;
    res.redirect(303, await r.record(portalPrincipal(res), values, submissionKey(values)));
  };
  const refused = formErrors((err: LedgerError, req: Request, res: Response) => {
    const ctx = pageContext(req, res, deps.assets);
    const values = (res.locals.formValues ?? {}) as FormState['values'];
    // the key recorded another registration (the form was sent, then changed and sent again): a fresh one lets the
    // administrator send it once more on purpose
    const kept = retriedValues(err.code, values, deps.newId);
    render(req, res, { values: kept, error: formErrorOf(ctx, err, r.fields) }, err.status);
  });
  return {
    show: [signedIn('admin'), show] as const,
    send: [signedIn('admin'), requireCsrf, parseForm, send, refused] as const,
  };
}

/**
 * `/admin/register-officer` and `/admin/register-item`: the agency's administrator registers an officer (执法人员)
 * or an enforcement item (执法事项) of the agency, through the same schemas, use cases and rules as `POST
 * /v1/officers` and `POST /v1/items`; each is a signed `OfficerRegistered` or `ItemRegistered`. A form sent twice
 * records once (its submission key is the request's idempotency key).
 */
export function registerRegistrationPages(router: Router, deps: RegistrationPageDependencies): void {
  const eventId = (principal: Principal, stream: string, key: string | undefined) =>
    submissionEventId(principal, stream, key, deps.newId);

  const officer = formHandlers(deps, {
    path: REGISTER_OFFICER_PATH,
    title: 'register.officer.title',
    lead: 'register.officer.lead',
    fields: OFFICER_FIELDS,
    back: { path: ROSTER_PATH, label: 'roster.form.back' },
    async record(principal, values, key) {
      const body = officerBody(values, principal.agency);
      deps.validate('urn:evidence-ledger:schema:command:register-officer', body);
      const profile = body as unknown as OfficerProfile;
      const stream = officerStream(principal.agency, profile.officerId);
      const result = await deps.registry.registerOfficer(principal, profile, eventId(principal, stream, key));
      return `${ROSTER_PATH}?registered=${encodeURIComponent(profile.officerId)}&consistentWith=${result.position}`;
    },
  });

  const item = formHandlers(deps, {
    path: REGISTER_ITEM_PATH,
    title: 'register.item.title',
    lead: 'register.item.lead',
    fields: ITEM_FIELDS,
    back: { path: ITEMS_ADMIN_PATH, label: 'itemAdmin.form.back' },
    async record(principal, values, key) {
      const body = itemBody(values, principal.agency);
      deps.validate('urn:evidence-ledger:schema:command:register-item', body);
      const profile = body as unknown as ItemProfile;
      const stream = itemStream(principal.agency, profile.code);
      const result = await deps.registry.registerItem(principal, profile, eventId(principal, stream, key));
      return `${ITEMS_ADMIN_PATH}?registered=${encodeURIComponent(profile.code)}&consistentWith=${result.position}`;
    },
  });

  router.get(REGISTER_OFFICER_PATH, ...officer.show);
  router.post(REGISTER_OFFICER_PATH, ...officer.send);
  router.get(REGISTER_ITEM_PATH, ...item.show);
  router.post(REGISTER_ITEM_PATH, ...item.send);
}
