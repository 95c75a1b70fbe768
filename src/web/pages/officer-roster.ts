import express, { type Request, type Response, type Router } from 'express';
import type { OfficerRoster, RosterEntry } from '../../app/officer-roster.js';
import type { OfficerStatusChange, RegistryService } from '../../app/registry-service.js';
import { notFound } from '../../domain/errors.js';
import { InvalidBody, type LedgerError } from '../../errors.js';
import { consistencyOf } from '../../http/consistency.js';
import { single } from '../../http/query.js';
import type { Validate } from '../../http/validation.js';
import type { PortalAssets } from '../assets.js';
import { fieldText } from '../forms/acts.js';
import { formErrorOf, formErrors } from '../forms/errors.js';
import { errorSummary, field, type FieldSpec, type FormState } from '../forms/fields.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n.js';
import { pageContext, sendPage, type PageContext } from '../layout.js';
import { csrfField, portalPrincipal, requireCsrf, signedIn } from '../session.js';
import { dataTable } from './data-table.js';
import { pager } from './public-parts.js';

export interface OfficerRosterPageDependencies {
  readonly roster: Pick<OfficerRoster, 'of' | 'one'>;
  readonly registry: Pick<RegistryService, 'changeOfficerStatus'>;
  readonly validate: Validate;
  readonly newId: () => string;
  readonly assets: PortalAssets;
}

/** Where an agency's administrator manages its officers' standing. */
export const ROSTER_PATH = '/admin/officers';

const parseForm = express.urlencoded({ extended: false, limit: 16 * 1024, parameterLimit: 20 });
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

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

function rosterMain(
  ctx: PageContext,
  roster: { items: RosterEntry[]; next?: string },
  saved: RosterEntry | undefined,
  cursor: string | undefined,
): Html {
  return html`<h1>${ctx.t('roster.title')}</h1>
    <p class="lead">${ctx.t('roster.lead')}</p>
    ${saved && html`<p class="notice" role="status">${ctx.t('roster.saved', { name: saved.name })}</p>`}
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
              ${
                o.status === 'retired'
                  ? ''
                  : html`<a
                      href="${ROSTER_PATH}/${encodeURIComponent(o.officerId)}"
                      aria-label="${ctx.t('roster.change.label', { name: o.name })}"
                      >${ctx.t('roster.change')}</a
                    >`
              }
            </td>
          </tr>`,
      ),
      'roster.none',
    )}
    ${pager(ctx, ROSTER_PATH, cursor === undefined ? {} : { cursor }, roster.next, { label: 'roster.pages' })}`;
}

function officerMain(ctx: PageContext, officer: RosterEntry, state: FormState, csrf: Html): Html {
  const action = `${ROSTER_PATH}/${encodeURIComponent(officer.officerId)}`;
  return html`<h1>${ctx.t('roster.form.title', { name: officer.name })}</h1>
    <dl class="fields">
      <dt>${ctx.t('roster.officerId')}</dt>
      <dd><code>${officer.officerId}</code></dd>
      <dt>${ctx.t('roster.certificateNo')}</dt>
      <dd>${officer.certificateNo}</dd>
      <dt>${ctx.t('roster.form.current')}</dt>
      <dd id="officer-status">${statusText(ctx, officer.status)}</dd>
    </dl>
    ${
      officer.status === 'retired'
        ? html`<p>${ctx.t('roster.form.retired')}</p>`
        : html`${errorSummary(ctx, state)}
            <form method="post" action="${action}" novalidate>
              ${csrf} ${fieldsFor(officer.status).map((spec) => field(ctx, spec, state))}
              <button type="submit">${ctx.t('roster.form.submit')}</button>
            </form>`
    }
    <p><a href="${ROSTER_PATH}">${ctx.t('roster.form.back')}</a></p>`;
}

/**
 * `/admin/officers`: the agency's administrator sees its officers and their standing, and suspends, reinstates or
 * retires one with a reason (`/admin/officers/{officerId}`), through the same use case, schemas and rules as
 * `POST /v1/officers/{officerId}/suspension`, `/reinstatement` and `/retirement`; each change is a signed event.
 */
export function registerOfficerRosterPage(router: Router, deps: OfficerRosterPageDependencies): void {
  const officerOf = async (req: Request, res: Response): Promise<RosterEntry> => {
    const officerId = String(req.params.officerId);
    if (!ID.test(officerId)) throw notFound('no such officer');
    const officer = await deps.roster.one(portalPrincipal(res).agency, officerId, consistencyOf(req));
    if (!officer) throw notFound('no such officer');
    return officer;
  };
  const renderOfficer = async (req: Request, res: Response, state: FormState, status = 200) => {
    const ctx = pageContext(req, res, deps.assets);
    const officer = await officerOf(req, res);
    const main = officerMain(ctx, officer, state, csrfField(res));
    sendPage(res, ctx, { title: ctx.t('roster.form.title', { name: officer.name }), main, status });
  };

  router.get(ROSTER_PATH, signedIn('admin'), async (req, res) => {
    const ctx = pageContext(req, res, deps.assets);
    const { agency } = portalPrincipal(res);
    const consistentWith = consistencyOf(req);
    const cursor = single(req.query.cursor, 'cursor');
    const savedId = single(req.query.saved, 'saved');
    const roster = await deps.roster.of(agency, {
      ...(cursor === undefined ? {} : { after: cursor }),
      ...(consistentWith === undefined ? {} : { consistentWith }),
    });
    // the officer just changed, wherever in the roster they are
    const saved = savedId !== undefined && ID.test(savedId) ? await deps.roster.one(agency, savedId) : undefined;
    sendPage(res, ctx, { title: ctx.t('roster.title'), main: rosterMain(ctx, roster, saved, cursor) });
  });

  router.get(`${ROSTER_PATH}/:officerId`, signedIn('admin'), async (req, res) => {
    await renderOfficer(req, res, { values: {} });
  });

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
      if (!change) throw new InvalidBody('choose a change this officer may undergo', { pointer: '/change' });
      const body = { reason: values.reason };
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
