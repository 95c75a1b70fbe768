import express, { type Request, type Response, type Router } from 'express';
import type { OfficerRoster, RosterEntry, RosterKey } from '../../app/officer-roster.js';
import type { OfficerStatusChange, RegistryService } from '../../app/registry-service.js';
import { notFound } from '../../domain/errors.js';
import { offsetText } from '../../ledger/timeliness.js';
import type { Clock } from '../../ports/clock.js';
import { InvalidBody, type LedgerError } from '../../errors.js';
import { consistencyOf } from '../../http/consistency.js';
import { single } from '../../http/query.js';
import type { BodyError, Validate } from '../../http/validation.js';
import type { PortalAssets } from '../assets.js';
import { fieldText } from '../forms/acts.js';
import { formErrorOf, formErrors } from '../forms/errors.js';
import { errorSummary, field, type FieldSpec, type FormState } from '../forms/fields.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n.js';
import { pageContext, sendPage, type PageContext } from '../layout.js';
import { csrfField, portalPrincipal, requireCsrf, signedIn } from '../session.js';
import { dataTable } from './data-table.js';
import { bracketed, colon, enumerationSeparator, label, listSeparator } from './labels.js';
import { pager } from './public-parts.js';
import { ID_PATTERN } from '../../domain/streams.js';
import { keyRegistrationHref, officerAmendmentHref, REGISTER_OFFICER_PATH, ROSTER_PATH } from '../links.js';

export interface OfficerRosterPageDependencies {
  readonly roster: Pick<OfficerRoster, 'of' | 'one'>;
  readonly registry: Pick<RegistryService, 'changeOfficerStatus' | 'revokeOfficerKey'>;
  readonly validate: Validate;
  /** The service's clock and the agency's minutes east of UTC: a key's revocation takes effect from now by default. */
  readonly clock: Clock;
  readonly utcOffsetOf: (agency: string) => number;
  readonly newId: () => string;
  readonly assets: PortalAssets;
}

/** Where an agency's administrator manages its officers' standing. */
export { ROSTER_PATH };

const parseForm = express.urlencoded({ extended: false, limit: 16 * 1024, parameterLimit: 20 });
const KEY_ID = /^[0-9a-f]{64}$/;

/** The revocation form's fields: why (published with the key on the officer list), and from when. */
const KEY_FIELDS: readonly FieldSpec[] = [
  { name: 'reason', label: 'roster.key.reason', kind: 'textarea', hint: 'roster.key.reason.hint' },
  { name: 'revokedFrom', label: 'roster.key.revokedFrom', kind: 'datetime', hint: 'roster.key.revokedFrom.hint' },
];

/** A `datetime-local` value (`2026-03-02T09:30`) as the agency's local time; anything else is left for the schema. */
const instantOf = (typed: string, offsetMinutes: number): string =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(typed) ? `${typed}:00${offsetText(offsetMinutes)}` : typed;

/** `instant` as a `datetime-local` value in the agency's local time. */
const localValueOf = (instant: Date, offsetMinutes: number): string =>
  new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 16);

const keyHref = (officer: RosterEntry, key: RosterKey) =>
  `${ROSTER_PATH}/${encodeURIComponent(officer.officerId)}/keys/${key.keyId}`;

const keyValidity = (ctx: PageContext, key: RosterKey) =>
  key.validTo === undefined
    ? ctx.t('roster.key.validity.open', { from: key.validFrom })
    : ctx.t('roster.validity.range', { from: key.validFrom, to: key.validTo });

const keyStatus = (ctx: PageContext, key: RosterKey) =>
  key.revokedFrom === undefined ? ctx.t('roster.key.current') : ctx.t('roster.key.revoked', { from: key.revokedFrom });

/** The changes an officer of each status may undergo. */
const CHANGES: Readonly<Record<RosterEntry['status'], readonly OfficerStatusChange[]>> = {
  active: ['suspension', 'retirement'],
  suspended: ['reinstatement', 'retirement'],
  retired: [],
};

const statusText = (ctx: PageContext, status: RosterEntry['status']) =>
  ctx.t(`officers.status.${status}` as MessageKey);

/** The form's fields for an officer of `status`: the change (only those it may undergo) and the reason. */
function fieldsFor(status: RosterEntry['status']): FieldSpec[] {
  return [
    {
      name: 'change',
      label: 'roster.form.change',
      kind: 'radio',
      options: CHANGES[status].map((value) => ({ value, label: `roster.change.${value}` as MessageKey })),
    },
    { name: 'reason', label: 'roster.form.reason', kind: 'textarea', hint: 'roster.form.reason.hint' },
  ];
}

/** What the roster says above the list after a change: the officer whose standing changed, or who was registered. */
interface RosterNotice {
  readonly officer: RosterEntry;
  readonly registered: boolean;
}

function rosterMain(
  ctx: PageContext,
  roster: { items: RosterEntry[]; next?: string },
  notice: RosterNotice | undefined,
  cursor: string | undefined,
): Html {
  const { officer, registered } = notice ?? {};
  return html`<h1>${ctx.t('roster.title')}</h1>
    <p class="lead">${ctx.t('roster.lead')}</p>
    ${officer && html`<p class="notice" role="status">${registered ? ctx.t('roster.registered', { name: officer.name, officerId: officer.officerId }) : ctx.t('roster.saved', { name: officer.name })}</p>`}
    <p><a class="button" href="${REGISTER_OFFICER_PATH}">${ctx.t('register.officer.title')}</a></p>
    ${dataTable(
      ctx,
      ['roster.officerId', 'roster.name', 'roster.certificateNo', 'roster.validity', 'roster.status', 'roster.actions'],
      roster.items.map(
        (o) =>
          html`<tr>
            <td><code>${o.officerId}</code></td>
            <td>${o.name}</td>
            <td>${o.certificateNo}</td>
            <td>${ctx.t('roster.validity.range', { from: o.validFrom, to: o.validTo })}</td>
            <td>${statusText(ctx, o.status)}</td>
            <td>
              <a
                href="${ROSTER_PATH}/${encodeURIComponent(o.officerId)}"
                aria-label="${ctx.t('roster.change.label', { name: o.name })}"
                >${ctx.t('roster.change')}</a
              >
            </td>
          </tr>`,
      ),
      'roster.none',
    )}
    ${pager(ctx, ROSTER_PATH, cursor === undefined ? {} : { cursor }, roster.next, { label: 'roster.pages' })}`;
}

/** The officer's signing keys, each with a link to revoke it while it is not revoked. */
/** What the keys' section says above them after a change: the key revoked, or registered. */
interface KeyNotice {
  readonly key: RosterKey;
  readonly registered: boolean;
}

function keysSection(ctx: PageContext, officer: RosterEntry, notice: KeyNotice | undefined): Html {
  const said = notice && ctx.t(notice.registered ? 'keyForm.saved' : 'roster.key.saved', { keyId: notice.key.keyId });
  return html`<h2>${ctx.t('roster.keys')}</h2>
    <p>${ctx.t('roster.keys.lead')}</p>
    ${said && html`<p class="notice" role="status">${said}</p>`}
    ${
      officer.status !== 'retired' &&
      html`<p><a href="${keyRegistrationHref(officer.officerId)}">${ctx.t('keyForm.link')}</a></p>`
    }
    ${dataTable(
      ctx,
      ['roster.key.keyId', 'roster.key.validity', 'roster.status', 'roster.actions'],
      officer.keys.map(
        (k) =>
          html`<tr>
            <td><code>${k.keyId}</code></td>
            <td>${keyValidity(ctx, k)}</td>
            <td>${keyStatus(ctx, k)}</td>
            <td>
              ${
                k.revokedFrom === undefined
                  ? html`<a
                      href="${keyHref(officer, k)}"
                      aria-label="${ctx.t('roster.key.revoke.label', { keyId: k.keyId })}"
                      >${ctx.t('roster.key.revoke')}</a
                    >`
                  : ''
              }
            </td>
          </tr>`,
      ),
      'roster.keys.none',
    )}`;
}

function officerMain(
  ctx: PageContext,
  officer: RosterEntry,
  state: FormState,
  csrf: Html,
  notice: KeyNotice | undefined,
  amended: boolean,
): Html {
  const action = `${ROSTER_PATH}/${encodeURIComponent(officer.officerId)}`;
  const { legalQualification: qualification, counsel } = officer;
  return html`<h1>${ctx.t('roster.form.title', { name: officer.name })}</h1>
    ${amended && html`<p class="notice" role="status">${ctx.t('amend.saved')}</p>`}
    <dl class="fields">
      <dt>${ctx.t('roster.officerId')}</dt>
      <dd><code>${officer.officerId}</code></dd>
      <dt>${ctx.t('roster.certificateNo')}</dt>
      <dd>${officer.certificateNo}</dd>
      <dt>${ctx.t('roster.validity')}</dt>
      <dd>${ctx.t('roster.validity.range', { from: officer.validFrom, to: officer.validTo })}</dd>
      <dt>${ctx.t('register.officer.roles')}</dt>
      <dd>${officer.roles.map((role) => label(ctx, 'register.role', role)).join(enumerationSeparator(ctx))}</dd>
      ${
        officer.categories.length > 0 &&
        html`<dt>${ctx.t('register.officer.categories')}</dt>
          <dd>${officer.categories.join(enumerationSeparator(ctx))}</dd>`
      }
      ${
        qualification &&
        html`<dt>${ctx.t('register.officer.qualification')}</dt>
          <dd>
            ${bracketed(
              ctx,
              qualification.certificateNo,
              `${ctx.t('register.officer.grantedOn')}${colon(ctx)}${qualification.grantedOn}`,
            )}
          </dd>`
      }
      ${
        officer.training.length > 0 &&
        html`<dt>${ctx.t('register.officer.training')}</dt>
          <dd>
            <ul>
              ${officer.training.map(
                (t) =>
                  html`<li>
                    ${bracketed(
                      ctx,
                      t.course,
                      [
                        t.completedOn,
                        ...(t.hours === undefined
                          ? []
                          : [ctx.t('register.officer.training.hours', { hours: t.hours })]),
                      ].join(listSeparator(ctx)),
                    )}
                  </li>`,
              )}
            </ul>
          </dd>`
      }
      ${
        counsel &&
        html`<dt>${ctx.t('register.officer.counsel')}</dt>
          <dd>${label(ctx, 'counsel', counsel)}</dd>`
      }
      <dt>${ctx.t('roster.form.current')}</dt>
      <dd id="officer-status">${statusText(ctx, officer.status)}</dd>
    </dl>
    ${
      officer.status !== 'retired' &&
      html`<p><a href="${officerAmendmentHref(officer.officerId)}">${ctx.t('amend.link')}</a></p>`
    }
    ${
      officer.status === 'retired'
        ? html`<p>${ctx.t('roster.form.retired')}</p>`
        : html`${errorSummary(ctx, state)}
            <form method="post" action="${action}" novalidate>
              ${csrf} ${fieldsFor(officer.status).map((spec) => field(ctx, spec, state))}
              <button type="submit">${ctx.t('roster.form.submit')}</button>
            </form>`
    }
    ${keysSection(ctx, officer, notice)}
    <p><a href="${ROSTER_PATH}">${ctx.t('roster.form.back')}</a></p>`;
}

function keyMain(ctx: PageContext, officer: RosterEntry, key: RosterKey, state: FormState, csrf: Html): Html {
  const back = `${ROSTER_PATH}/${encodeURIComponent(officer.officerId)}`;
  return html`<h1>${ctx.t('roster.key.title', { name: officer.name })}</h1>
    <dl class="fields">
      <dt>${ctx.t('roster.key.keyId')}</dt>
      <dd><code>${key.keyId}</code></dd>
      <dt>${ctx.t('roster.key.validity')}</dt>
      <dd>${keyValidity(ctx, key)}</dd>
      <dt>${ctx.t('roster.status')}</dt>
      <dd id="key-status">${keyStatus(ctx, key)}</dd>
    </dl>
    ${
      key.revokedFrom !== undefined
        ? html`<p>${ctx.t('roster.key.already')}</p>`
        : html`<p>${ctx.t('roster.key.lead')}</p>
            ${errorSummary(ctx, state)}
            <form method="post" action="${keyHref(officer, key)}" novalidate>
              ${csrf} ${KEY_FIELDS.map((spec) => field(ctx, spec, state))}
              <button type="submit">${ctx.t('roster.key.submit')}</button>
            </form>`
    }
    <p><a href="${back}">${ctx.t('roster.key.back', { name: officer.name })}</a></p>`;
}

/**
 * `/admin/officers`: the agency's administrator sees its officers and their standing, and suspends, reinstates or
 * retires one with a reason (`/admin/officers/{officerId}`), through the same use case, schemas and rules as
 * `POST /v1/officers/{officerId}/suspension`, `/reinstatement` and `/retirement`; each change is a signed event.
 * The officer's page lists their signing keys, and revokes one with a reason from a time
 * (`/admin/officers/{officerId}/keys/{keyId}`, as `POST /v1/officers/{officerId}/keys/{keyId}/revocation`).
 */
/**
 * The officer the path names (`:officerId`), of the administrator's agency, as the roster reads them (the request's
 * `consistentWith` awaited); else `404`, whether the id is not one, names no officer, or one of another agency.
 */
export async function officerOfPath(
  roster: Pick<OfficerRoster, 'one'>,
  req: Request,
  res: Response,
): Promise<RosterEntry> {
  const officerId = String(req.params.officerId);
  if (!ID_PATTERN.test(officerId)) throw notFound('no such officer');
  const officer = await roster.one(portalPrincipal(res).agency, officerId, consistencyOf(req));
  if (!officer) throw notFound('no such officer');
  return officer;
}

export function registerOfficerRosterPage(router: Router, deps: OfficerRosterPageDependencies): void {
  const officerOf = (req: Request, res: Response) => officerOfPath(deps.roster, req, res);
  const renderOfficer = async (req: Request, res: Response, state: FormState, status = 200) => {
    const ctx = pageContext(req, res, deps.assets);
    const officer = await officerOf(req, res);
    // the key just revoked, when the page follows its revocation
    const revokedId = single(req.query.revoked, 'revoked');
    const registeredId = single(req.query.keyRegistered, 'keyRegistered');
    const revoked = officer.keys.find((k) => k.keyId === revokedId && k.revokedFrom !== undefined);
    const registered = officer.keys.find((k) => k.keyId === registeredId);
    const notice = revoked ? { key: revoked, registered: false } : registered && { key: registered, registered: true };
    const amended = single(req.query.amended, 'amended') === '1';
    const main = officerMain(ctx, officer, state, csrfField(res), notice, amended);
    sendPage(res, ctx, { title: ctx.t('roster.form.title', { name: officer.name }), main, status });
  };
  const keyOf = async (req: Request, res: Response): Promise<{ officer: RosterEntry; key: RosterKey }> => {
    const officer = await officerOf(req, res);
    const keyId = String(req.params.keyId);
    const key = KEY_ID.test(keyId) ? officer.keys.find((k) => k.keyId === keyId) : undefined;
    if (!key) throw notFound('no such key of this officer');
    return { officer, key };
  };
  const renderKey = async (req: Request, res: Response, state: FormState, status = 200) => {
    const ctx = pageContext(req, res, deps.assets);
    const { officer, key } = await keyOf(req, res);
    const main = keyMain(ctx, officer, key, state, csrfField(res));
    sendPage(res, ctx, { title: ctx.t('roster.key.title', { name: officer.name }), main, status });
  };

  router.get(ROSTER_PATH, signedIn('admin'), async (req, res) => {
    const ctx = pageContext(req, res, deps.assets);
    const { agency } = portalPrincipal(res);
    const consistentWith = consistencyOf(req);
    const cursor = single(req.query.cursor, 'cursor');
    const savedId = single(req.query.saved, 'saved');
    const registeredId = single(req.query.registered, 'registered');
    const roster = await deps.roster.of(agency, {
      ...(cursor === undefined ? {} : { after: cursor }),
      ...(consistentWith === undefined ? {} : { consistentWith }),
    });
    // the officer just changed or registered, wherever in the roster they are
    const namedId = registeredId ?? savedId;
    const officer =
      namedId !== undefined && ID_PATTERN.test(namedId) ? await deps.roster.one(agency, namedId) : undefined;
    const notice = officer && { officer, registered: registeredId !== undefined };
    sendPage(res, ctx, { title: ctx.t('roster.title'), main: rosterMain(ctx, roster, notice, cursor) });
  });

  router.get(`${ROSTER_PATH}/:officerId`, signedIn('admin'), async (req, res) => {
    await renderOfficer(req, res, { values: {} });
  });

  router.get(`${ROSTER_PATH}/:officerId/keys/:keyId`, signedIn('admin'), async (req, res) => {
    const { agency } = portalPrincipal(res);
    const revokedFrom = localValueOf(deps.clock.now(), deps.utcOffsetOf(agency));
    await renderKey(req, res, { values: { revokedFrom } });
  });

  router.post(
    `${ROSTER_PATH}/:officerId/keys/:keyId`,
    signedIn('admin'),
    requireCsrf,
    parseForm,
    async (req: Request, res: Response) => {
      const { officer, key } = await keyOf(req, res);
      const principal = portalPrincipal(res);
      const typed = (name: string) => fieldText((req.body ?? {}) as Record<string, unknown>, name);
      const values = { reason: typed('reason'), revokedFrom: typed('revokedFrom') };
      res.locals.formValues = values;
      const body = {
        reason: values.reason,
        revokedFrom: instantOf(values.revokedFrom, deps.utcOffsetOf(principal.agency)),
      };
      deps.validate('urn:evidence-ledger:schema:command:revoke-officer-key', body);
      const result = await deps.registry.revokeOfficerKey(
        principal,
        officer.officerId,
        { keyId: key.keyId, ...body },
        deps.newId(),
      );
      const back = `${ROSTER_PATH}/${encodeURIComponent(officer.officerId)}`;
      res.redirect(303, `${back}?revoked=${key.keyId}&consistentWith=${result.position}`);
    },
    formErrors((err: LedgerError, req: Request, res: Response) => {
      const ctx = pageContext(req, res, deps.assets);
      const state = { values: res.locals.formValues ?? {}, error: formErrorOf(ctx, err, KEY_FIELDS) };
      void renderKey(req, res, state, err.status).catch((e: unknown) => req.next?.(e));
    }),
  );

  router.post(
    `${ROSTER_PATH}/:officerId`,
    signedIn('admin'),
    requireCsrf,
    parseForm,
    async (req: Request, res: Response) => {
      const officer = await officerOf(req, res);
      const typed = (name: string) => fieldText((req.body ?? {}) as Record<string, unknown>, name);
      const values = { change: typed('change'), reason: typed('reason') };
      res.locals.formValues = values;
      const change = CHANGES[officer.status].find((c) => c === values.change);
      const body = { reason: values.reason };
      if (!change) {
        // no change chosen: the reason is checked too (any change's schema asks the same of it), so that the form
        // says everything it lacks at once
        const errors: BodyError[] = [
          { pointer: '/change', detail: 'choose a change this officer may undergo', kind: 'missing' },
        ];
        try {
          deps.validate('urn:evidence-ledger:schema:command:officer-suspension', body);
        } catch (err) {
          if (!(err instanceof InvalidBody)) throw err;
          errors.push(...((err.details.errors as BodyError[] | undefined) ?? []));
        }
        throw new InvalidBody('choose a change this officer may undergo', { pointer: '/change', errors });
      }
      deps.validate(`urn:evidence-ledger:schema:command:officer-${change}`, body);
      const result = await deps.registry.changeOfficerStatus(
        portalPrincipal(res),
        officer.officerId,
        change,
        body,
        deps.newId(),
      );
      const saved = encodeURIComponent(officer.officerId);
      res.redirect(303, `${ROSTER_PATH}?saved=${saved}&consistentWith=${result.position}`);
    },
    formErrors((err: LedgerError, req: Request, res: Response) => {
      const ctx = pageContext(req, res, deps.assets);
      // the fields of an officer of any status that may change: the error names the field either way
      const state = { values: res.locals.formValues ?? {}, error: formErrorOf(ctx, err, fieldsFor('active')) };
      void renderOfficer(req, res, state, err.status).catch((e: unknown) => req.next?.(e));
    }),
  );
}
