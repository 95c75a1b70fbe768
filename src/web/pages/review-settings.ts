import { wholeNumberOf } from '../forms/numbers.js';
import express, { type Request, type Response, type Router } from 'express';
import type { RegistryService } from '../../app/registry-service.js';
import type { LedgerError } from '../../errors.js';
import type { Validate } from '../../http/validation.js';
import type { PortalAssets } from '../assets.js';
import { fieldText } from '../forms/acts.js';
import { formErrorOf, formErrors } from '../forms/errors.js';
import { errorSummary, field, type FieldSpec, type FormState } from '../forms/fields.js';
import { html, type Html } from '../html.js';
import type { PageContext } from '../layout.js';
import { pageContext, sendPage } from '../layout.js';
import { csrfField, portalPrincipal, requireCsrf, signedIn } from '../session.js';
import { dataTable } from './data-table.js';
import { agencyName, localMinuteWithOffset } from './labels.js';

/** An agency's review time limit as `GET /v1/agencies/{agency}/review-settings` answers it. */
export type ReviewSettings = Awaited<ReturnType<RegistryService['reviewSettings']>>;

export interface ReviewSettingsPageDependencies {
  readonly registry: Pick<RegistryService, 'reviewSettings' | 'setReviewSettings'>;
  readonly validate: Validate;
  readonly newId: () => string;
  /** Minutes east of UTC of an agency's local time, in which the versions' times are shown. */
  readonly utcOffsetOf: (agency: string) => number;
  readonly assets: PortalAssets;
}

/** Where an agency's administrator sets the review time limit. */
export const REVIEW_SETTINGS_PATH = '/admin/review-settings';

const SET_REVIEW_SETTINGS = 'urn:evidence-ledger:schema:command:set-review-settings';
const parseForm = express.urlencoded({ extended: false, limit: 16 * 1024, parameterLimit: 20 });

/** The form's fields, named as the API's body names its members. */
export const REVIEW_SETTINGS_FIELDS: readonly FieldSpec[] = [
  { name: 'reviewWorkingDays', label: 'reviewSettings.days', kind: 'text', hint: 'reviewSettings.days.hint' },
  { name: 'reason', label: 'reviewSettings.reason', kind: 'textarea', hint: 'reviewSettings.reason.hint' },
];

/** The limit in force, in words: "N working days (the agency's own, version v)" or "(the default)". */
export function limitText(ctx: PageContext, s: Pick<ReviewSettings, 'reviewWorkingDays' | 'source' | 'version'>) {
  const source =
    s.source === 'agency'
      ? ctx.t('reviewSettings.source.agency', { version: s.version })
      : ctx.t('reviewSettings.source.default');
  return ctx.t('reviewSettings.limit', { days: s.reviewWorkingDays, source });
}

/** The limit, the form and the versions, each version's time (recorded in UTC) in the agency's, `offset` east of UTC. */
function reviewSettingsMain(
  ctx: PageContext,
  settings: ReviewSettings,
  state: FormState,
  csrf: Html,
  offset: number,
): Html {
  const saved = ctx.query.get('saved') !== null && state.error === undefined;
  return html`<h1>${ctx.t('reviewSettings.title')}</h1>
    <p class="lead">${ctx.t('reviewSettings.lead')}</p>
    ${saved && html`<p class="notice" role="status">${ctx.t('reviewSettings.saved')}</p>`}
    <dl class="fields">
      <dt>${ctx.t('case.agency')}</dt>
      <dd>${agencyName(ctx, settings.agency)}</dd>
      <dt>${ctx.t('reviewSettings.current')}</dt>
      <dd id="review-limit">${limitText(ctx, settings)}</dd>
    </dl>
    <section aria-labelledby="change-limit">
      <h2 id="change-limit">${ctx.t('reviewSettings.change')}</h2>
      ${errorSummary(ctx, state)}
      <form method="post" action="${REVIEW_SETTINGS_PATH}" novalidate>
        ${csrf} ${REVIEW_SETTINGS_FIELDS.map((spec) => field(ctx, spec, state))}
        <button type="submit">${ctx.t('reviewSettings.submit')}</button>
      </form>
    </section>
    <section aria-labelledby="limit-history">
      <h2 id="limit-history">${ctx.t('reviewSettings.history')}</h2>
      ${dataTable(
        ctx,
        [
          'reviewSettings.version',
          'reviewSettings.days',
          'reviewSettings.reason',
          'reviewSettings.recordedAt',
          'reviewSettings.hash',
        ],
        [...settings.history].reverse().map(
          (h) =>
            html`<tr>
              <td>${h.version}</td>
              <td>${h.reviewWorkingDays}</td>
              <td>${h.reason}</td>
              <td>
                <time datetime="${h.recordedAt}">${localMinuteWithOffset(h.recordedAt, offset)}</time>
              </td>
              <td><code>${h.hash.slice(0, 16)}…</code></td>
            </tr>`,
        ),
        'reviewSettings.history.none',
      )}
    </section>`;
}

/** Whole days as typed (`10`) as a number; anything else is left as typed, for the schema to refuse. */
const daysOf = (typed: string): number | string => wholeNumberOf(typed, 3);

/**
 * `/admin/review-settings`: the agency's administrator sees its legal review time limit (审核时限) and every
 * version set, and changes it with a reason, through the same use case, schema and rules as
 * `PUT /v1/agencies/{agency}/review-settings`; each change is a signed `ReviewSettingsSet`.
 */
export function registerReviewSettingsPage(router: Router, deps: ReviewSettingsPageDependencies): void {
  const render = async (req: Request, res: Response, state: FormState, status = 200) => {
    const ctx = pageContext(req, res, deps.assets);
    const settings = await deps.registry.reviewSettings(portalPrincipal(res).agency);
    sendPage(res, ctx, {
      title: ctx.t('reviewSettings.title'),
      main: reviewSettingsMain(ctx, settings, state, csrfField(res), deps.utcOffsetOf(settings.agency)),
      status,
    });
  };

  router.get(REVIEW_SETTINGS_PATH, signedIn('admin'), async (req, res) => {
    await render(req, res, { values: {} });
  });

  router.post(
    REVIEW_SETTINGS_PATH,
    signedIn('admin'),
    requireCsrf,
    parseForm,
    async (req: Request, res: Response) => {
      const principal = portalPrincipal(res);
      const typed = (name: string) => fieldText((req.body ?? {}) as Record<string, unknown>, name);
      const values = { reviewWorkingDays: typed('reviewWorkingDays'), reason: typed('reason') };
      res.locals.formValues = values;
      const body = {
        agency: principal.agency,
        reviewWorkingDays: daysOf(values.reviewWorkingDays),
        reason: values.reason,
      };
      deps.validate(SET_REVIEW_SETTINGS, body);
      const result = await deps.registry.setReviewSettings(
        principal,
        body as typeof body & { reviewWorkingDays: number },
        deps.newId(),
      );
      res.redirect(303, `${REVIEW_SETTINGS_PATH}?saved=1&consistentWith=${result.position}`);
    },
    formErrors((err: LedgerError, req: Request, res: Response) => {
      const ctx = pageContext(req, res, deps.assets);
      const state = { values: res.locals.formValues ?? {}, error: formErrorOf(ctx, err, REVIEW_SETTINGS_FIELDS) };
      void render(req, res, state, err.status).catch((e: unknown) => req.next?.(e));
    }),
  );
}
