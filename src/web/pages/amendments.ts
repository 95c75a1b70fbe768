import express, { type Request, type Response, type Router } from 'express';
import type { AgencyItem, AgencyItems } from '../../app/agency-items.js';
import type { Principal } from '../../app/auth.js';
import type { OfficerRoster, RosterEntry } from '../../app/officer-roster.js';
import type { ItemAmendment, OfficerAmendment, RegistryService } from '../../app/registry-service.js';
import { conflict, notFound } from '../../domain/errors.js';
import { ITEM_MEMBERS, itemStream } from '../../domain/registry/items.js';
import { OFFICER_MEMBERS, officerStream } from '../../domain/registry/officers.js';
import { ID_PATTERN } from '../../domain/streams.js';
import type { LedgerError } from '../../errors.js';
import { consistencyOf } from '../../http/consistency.js';
import type { Validate } from '../../http/validation.js';
import { canonicalize } from '../../ledger/canonical-json.js';
import { boundsViolation } from '../../ledger/json-bounds.js';
import type { PortalAssets } from '../assets.js';
import { fieldsBody, fieldText, yuanText } from '../forms/acts.js';
import { formErrorOf, formErrors } from '../forms/errors.js';
import {
  errorSummary,
  field,
  refusalWithoutForm,
  type FieldSpec,
  type FormError,
  type FormState,
} from '../forms/fields.js';
import {
  SUBMISSION_FIELD,
  submissionField,
  submissionKey,
  retriedValues,
  submissionEventId,
} from '../forms/submission.js';
import { html } from '../html.js';
import { pageContext, sendPage, type PageContext } from '../layout.js';
import { csrfField, portalPrincipal, requireCsrf, signedIn } from '../session.js';
import { ITEMS_ADMIN_PATH, itemAmendmentHref, officerAmendmentHref, ROSTER_PATH } from '../links.js';
import { officerOfPath } from './officer-roster.js';
import { ITEM_FIELDS, OFFICER_FIELDS, officerMembers, retentionOf, trainingLine, typedValues } from './registration.js';

export interface AmendmentPageDependencies {
  readonly roster: Pick<OfficerRoster, 'one'>;
  readonly items: Pick<AgencyItems, 'one'>;
  readonly registry: Pick<RegistryService, 'amendOfficer' | 'amendItem'>;
  readonly validate: Validate;
  readonly newId: () => string;
  readonly assets: PortalAssets;
}

const parseForm = express.urlencoded({ extended: false, limit: 64 * 1024, parameterLimit: 60 });

/**
 * The registration's fields as the amendment's (`changes.<member>`, so that a schema error's pointer names its
 * field), every one filled in with what the record holds, and the reason. The id or code is not among them: it
 * names the record.
 */
const asChanges = (fields: readonly FieldSpec[], id: string): FieldSpec[] => [
  ...fields.filter((f) => f.name !== id).map((f) => ({ ...f, name: `changes.${f.name}` })),
  { name: 'reason', label: 'amend.reason', kind: 'textarea', hint: 'amend.reason.hint' },
];
const OFFICER_CHANGES = asChanges(OFFICER_FIELDS, 'officerId');
const ITEM_CHANGES = asChanges(ITEM_FIELDS, 'code');

/** Members a record may be amended to hold none of: an empty list, or (the criteria of a major decision) none. */
const EMPTY_VALUE: Readonly<Record<string, unknown>> = { categories: [], training: [], reviewMaterials: [], major: {} };
/** Members whose order means nothing: compared as sets. */
const SETS = new Set(['roles']);

/** A member's value as compared: a set sorted, the criteria's kinds of decision too. */
function comparable(member: string, value: unknown): string {
  if (value === undefined) return ''; // held by no record: no canonical form
  if (SETS.has(member) && Array.isArray(value)) return canonicalize([...(value as string[])].sort());
  if (member === 'major' && value !== null && typeof value === 'object') {
    const { decisionTypes, ...rest } = value as { decisionTypes?: string[] };
    return canonicalize({ ...rest, ...(decisionTypes?.length ? { decisionTypes: [...decisionTypes].sort() } : {}) });
  }
  return canonicalize(value);
}

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (value !== null && typeof value === 'object' && Object.keys(value).length === 0);

/**
 * The changes the form makes to `record`: each member whose value differs from the record's; a member emptied that
 * the record holds is set to none where it may be (a list, the major criteria), and is otherwise an error at its
 * field (a required member is missing; an optional one, once registered, cannot be taken away by an amendment).
 */
function changesOf(
  ctx: PageContext,
  fields: readonly FieldSpec[],
  proposed: Record<string, unknown>,
  record: Readonly<Record<string, unknown>>,
  members: readonly string[],
): { changes: Record<string, unknown>; errors: FormError[] } {
  const changes: Record<string, unknown> = {};
  const errors: FormError[] = [];
  for (const member of members) {
    const now = record[member];
    const next = proposed[member];
    if (isEmpty(next)) {
      if (isEmpty(now)) continue;
      if (member in EMPTY_VALUE) {
        changes[member] = EMPTY_VALUE[member];
        continue;
      }
      const spec = fields.find((f) => f.name === `changes.${member}` || f.name.startsWith(`changes.${member}.`))!;
      const required = spec.optional !== true;
      const label = ctx.t(spec.label);
      errors.push({
        message: ctx.t(
          !required ? 'amend.notClearable' : spec.kind === 'checkboxes' ? 'form.fault.choose' : 'form.fault.missing',
          { field: label },
        ),
        field: spec.name,
      });
      continue;
    }
    if (isEmpty(now) || comparable(member, next) !== comparable(member, now)) changes[member] = next;
  }
  return { changes, errors };
}

interface Amendment<R> {
  readonly fields: readonly FieldSpec[];
  /** The record's members the form shows, in the order of its fields. */
  readonly members: readonly string[];
  /** The record the path names, of the administrator's agency, else 404. */
  find(req: Request, res: Response): Promise<R>;
  title(ctx: PageContext, record: R): string;
  /** The form's path, and the record's page it goes back to. */
  href(record: R): string;
  back(record: R): string;
  /** Whether the rules let the record be amended (a retired one is not). */
  amendable(record: R): boolean;
  /** The record's members as the form shows them. */
  values(ctx: PageContext, record: R): Record<string, string | readonly string[]>;
  /** The members the form gives, as the registration's body would hold them (sums in fen, days as numbers). */
  proposed(values: FormState['values']): Record<string, unknown>;
  /** Records the amendment (validated) with the form's submission key, and gives its position in the log. */
  record(
    principal: Principal,
    record: R,
    body: { changes: Record<string, unknown>; reason: string },
    key: string | undefined,
  ): Promise<number>;
}

/** The hidden field holding the record as the form showed it: base64url of its JSON. */
const SHOWN_FIELD = '_shown';

function shownOf<R>(a: Amendment<R>, ctx: PageContext, record: R): string {
  return Buffer.from(JSON.stringify(a.proposed(a.values(ctx, record))), 'utf8').toString('base64url');
}

/** The record as the form showed it, when the form carries it (a JSON object), else undefined. */
function baseOf(text: string): Record<string, unknown> | undefined {
  if (text === '' || text.length > 64 * 1024 || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    // within the bounds of any body (its nesting above all: compared, it is walked)
    return value !== null && typeof value === 'object' && !Array.isArray(value) && boundsViolation(value) === undefined
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined; // not one the form was given: the record as it is now
  }
}

/** One record's amendment form: shown filled in, sent, refused with what was typed, or recorded. */
function amendmentRoutes<R>(deps: AmendmentPageDependencies, a: Amendment<R>) {
  const render = async (req: Request, res: Response, state: FormState | undefined, status = 200) => {
    const ctx = pageContext(req, res, deps.assets);
    const record = await a.find(req, res);
    if (!a.amendable(record)) {
      // retired after the form was shown: the refusal (409, as the API answers) with the way back, and no form
      if (!state?.error) throw notFound('this entry is retired: it is not amended');
      const back = html`<p><a href="${a.back(record)}">${ctx.t('amend.back')}</a></p>`;
      const main = refusalWithoutForm(ctx, a.title(ctx, record), state.error, back);
      return sendPage(res, ctx, { title: a.title(ctx, record), main, status });
    }
    const shown = state ?? {
      values: { ...a.values(ctx, record), [SUBMISSION_FIELD]: deps.newId(), [SHOWN_FIELD]: shownOf(a, ctx, record) },
    };
    const base = [shown.values[SHOWN_FIELD] ?? []].flat()[0];
    const main = html`<h1>${a.title(ctx, record)}</h1>
      <p class="lead">${ctx.t('amend.lead')}</p>
      ${errorSummary(ctx, shown)}
      <form method="post" action="${a.href(record)}" novalidate>
        ${csrfField(res)} ${submissionField(shown)}
        ${base && html`<input type="hidden" name="${SHOWN_FIELD}" value="${base}" autocomplete="off" />`}
        ${a.fields.map((spec) => field(ctx, spec, shown))}
        <button type="submit">${ctx.t('amend.submit')}</button>
      </form>
      <p><a href="${a.back(record)}">${ctx.t('amend.back')}</a></p>`;
    sendPage(res, ctx, { title: a.title(ctx, record), main, status });
  };

  const send = async (req: Request, res: Response) => {
    const ctx = pageContext(req, res, deps.assets);
    const record = await a.find(req, res);
    const sent = (req.body ?? {}) as Record<string, unknown>;
    const values = { ...typedValues(req, a.fields), [SHOWN_FIELD]: fieldText(sent, SHOWN_FIELD) };
    res.locals.formValues = values;
    // compared with the record as the form showed it (its hidden copy), else as it is now: what this form changed
    // is what is sent, so a form sent twice sends the same amendment (recorded once), and a change made by someone
    // else since the form was shown, to a member this form left as it was, is not undone
    const now = a.proposed(a.values(ctx, record));
    const base = baseOf(values[SHOWN_FIELD]) ?? now;
    const found = changesOf(ctx, a.fields, a.proposed(values), base, a.members);
    const { errors } = found;
    // and of those, what differs from the record as it is now: a member changed meanwhile to the value this form
    // gives (or a copy that was not the form's) is no change. When none does, the form may be one sent again after
    // it was recorded: sent as it was, the command finds its own record (same key, same content) and answers as
    // then, and otherwise the rules say it changes nothing
    const differing = Object.entries(found.changes).filter(
      ([member, value]) => comparable(member, value) !== comparable(member, now[member]),
    );
    const changes = differing.length > 0 ? Object.fromEntries(differing) : found.changes;
    if (errors.length > 0) {
      const [first, ...others] = errors;
      return render(req, res, { values, error: others.length ? { ...first!, others } : first! }, 400);
    }
    const body = { changes, reason: fieldText(values, 'reason') };
    // nothing changed: the rules' own refusal (what an amendment that changes nothing is told through the API)
    if (Object.keys(changes).length === 0) throw conflict('version_unchanged', 'the amendment changes nothing');
    const position = await a.record(portalPrincipal(res), record, body, submissionKey(values));
    res.redirect(303, `${a.back(record)}?amended=1&consistentWith=${position}`);
  };

  const refused = formErrors((err: LedgerError, req: Request, res: Response) => {
    const ctx = pageContext(req, res, deps.assets);
    const values = (res.locals.formValues ?? {}) as FormState['values'];
    const kept = retriedValues(err.code, values, deps.newId);
    const retired = err.code === 'officer_retired' || err.code === 'item_retired';
    const error = retired ? { message: ctx.t('amend.retired') } : formErrorOf(ctx, err, a.fields);
    void render(req, res, { values: kept, error }, err.status).catch((e: unknown) => req.next?.(e));
  });

  return {
    show: [signedIn('admin'), (req: Request, res: Response) => render(req, res, undefined)] as const,
    send: [signedIn('admin'), requireCsrf, parseForm, send, refused] as const,
  };
}

/**
 * `/admin/officers/{officerId}/amendment` and `/admin/items/{code}/amendment` (修改登记信息): the agency's
 * administrator changes a registered officer (a renewed certificate, roles, categories, legal qualification, counsel
 * role) or an enforcement item (its name, basis, major criteria, time limits, retention), with the reason, through
 * the same schemas, use cases and rules as `POST /v1/officers/{officerId}/amendments` and `POST
 * /v1/items/{code}/amendments`: one signed `OfficerAmended` or `ItemAmended` naming only the members that changed.
 * The form is filled in with what the record holds; a retired entry has none (404), and a form sent after its entry
 * was retired is told so (409, as the API), without the form.
 */
export function registerAmendmentPages(router: Router, deps: AmendmentPageDependencies): void {
  const eventIdOf = (principal: Principal, stream: string, key: string | undefined) =>
    submissionEventId(principal, stream, key, deps.newId);
  const idOf = (req: Request, name: string) => {
    const id = String(req.params[name]);
    if (!ID_PATTERN.test(id)) throw notFound('no such entry');
    return id;
  };

  const officer = amendmentRoutes<RosterEntry>(deps, {
    fields: OFFICER_CHANGES,
    members: OFFICER_MEMBERS,
    find: (req, res) => officerOfPath(deps.roster, req, res),
    title: (ctx, o) => ctx.t('amend.officer.title', { name: o.name }),
    href: (o) => officerAmendmentHref(o.officerId),
    back: (o) => `${ROSTER_PATH}/${encodeURIComponent(o.officerId)}`,
    amendable: (o) => o.status !== 'retired',
    values: (_ctx, o) => ({
      'changes.name': o.name,
      'changes.certificateNo': o.certificateNo,
      'changes.validFrom': o.validFrom,
      'changes.validTo': o.validTo,
      'changes.roles': o.roles,
      'changes.categories': o.categories.join('\n'),
      'changes.legalQualification.certificateNo': o.legalQualification?.certificateNo ?? '',
      'changes.legalQualification.grantedOn': o.legalQualification?.grantedOn ?? '',
      'changes.training': o.training.map(trainingLine).join('\n'),
      'changes.counsel': o.counsel ?? '',
    }),
    proposed: (values) =>
      officerMembers((fieldsBody(OFFICER_CHANGES, values).changes ?? {}) as Record<string, unknown>),
    async record(principal, o, body, key) {
      deps.validate('urn:evidence-ledger:schema:command:amend-officer', body);
      const eventId = eventIdOf(principal, officerStream(principal.agency, o.officerId), key);
      return (await deps.registry.amendOfficer(principal, o.officerId, body as OfficerAmendment, eventId)).position;
    },
  });

  const item = amendmentRoutes<AgencyItem>(deps, {
    fields: ITEM_CHANGES,
    members: ITEM_MEMBERS,
    async find(req, res) {
      const found = await deps.items.one(portalPrincipal(res).agency, idOf(req, 'code'), consistencyOf(req));
      if (!found) throw notFound('no such enforcement item');
      return found;
    },
    title: (ctx, i) => ctx.t('amend.item.title', { name: i.name }),
    href: (i) => itemAmendmentHref(i.code),
    back: (i) => `${ITEMS_ADMIN_PATH}/${encodeURIComponent(i.code)}`,
    amendable: (i) => !i.retired,
    values: (ctx, i) => ({
      'changes.name': i.name,
      'changes.category': i.category,
      'changes.field': i.field ?? '',
      'changes.legalBasis': i.legalBasis,
      'changes.duties': i.duties ?? '',
      'changes.powers': i.powers ?? '',
      'changes.major.fineFenAtLeast': i.major?.fineFenAtLeast === undefined ? '' : yuanText(i.major.fineFenAtLeast),
      'changes.major.decisionTypes': i.major?.decisionTypes ?? [],
      'changes.reviewMaterials': (i.reviewMaterials ?? []).join('\n'),
      'changes.reviewWorkingDays': i.reviewWorkingDays === undefined ? '' : String(i.reviewWorkingDays),
      'changes.disclosureWorkingDays': i.disclosureWorkingDays === undefined ? '' : String(i.disclosureWorkingDays),
      'changes.retention':
        i.retention === undefined ? '' : i.retention === 'permanent' ? ctx.t('amend.permanent') : String(i.retention),
    }),
    proposed(values) {
      const body = (fieldsBody(ITEM_CHANGES, values).changes ?? {}) as Record<string, unknown>;
      if (typeof body.retention === 'string') body.retention = retentionOf(body.retention);
      return body;
    },
    async record(principal, i, body, key) {
      deps.validate('urn:evidence-ledger:schema:command:amend-item', body);
      const eventId = eventIdOf(principal, itemStream(principal.agency, i.code), key);
      return (await deps.registry.amendItem(principal, i.code, body as ItemAmendment, eventId)).position;
    },
  });

  router.get(`${ROSTER_PATH}/:officerId/amendment`, ...officer.show);
  router.post(`${ROSTER_PATH}/:officerId/amendment`, ...officer.send);
  router.get(`${ITEMS_ADMIN_PATH}/:code/amendment`, ...item.show);
  router.post(`${ITEMS_ADMIN_PATH}/:code/amendment`, ...item.send);
}
