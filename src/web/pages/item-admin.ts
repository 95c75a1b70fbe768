import express, { type Request, type Response, type Router } from 'express';
import type { AgencyItem, AgencyItems } from '../../app/agency-items.js';
import type { RegistryService } from '../../app/registry-service.js';
import { notFound } from '../../domain/errors.js';
import type { LedgerError } from '../../errors.js';
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
import { enumerationSeparator, label, yuan } from './labels.js';
import { pager } from './public-parts.js';
import { ID_PATTERN } from '../../domain/streams.js';
import { ITEMS_ADMIN_PATH, itemAmendmentHref, REGISTER_ITEM_PATH } from '../links.js';

export interface ItemAdminPageDependencies {
  readonly items: Pick<AgencyItems, 'of' | 'one'>;
  readonly registry: Pick<RegistryService, 'retireItem'>;
  readonly validate: Validate;
  readonly newId: () => string;
  readonly assets: PortalAssets;
}

/** Where an agency's administrator manages its enforcement items. */
export { ITEMS_ADMIN_PATH };

const parseForm = express.urlencoded({ extended: false, limit: 16 * 1024, parameterLimit: 20 });

/** The retirement form's one field: why. */
const FIELDS: readonly FieldSpec[] = [
  { name: 'reason', label: 'itemAdmin.form.reason', kind: 'textarea', hint: 'itemAdmin.form.reason.hint' },
];

const hrefOf = (item: AgencyItem) => `${ITEMS_ADMIN_PATH}/${encodeURIComponent(item.code)}`;
const statusText = (ctx: PageContext, item: AgencyItem) => ctx.t(item.retired ? 'items.retired' : 'items.current');

/** What the list says above it after a change: the item retired, or registered. */
interface ItemNotice {
  readonly item: AgencyItem;
  readonly registered: boolean;
}

function listMain(
  ctx: PageContext,
  list: { items: AgencyItem[]; next?: string },
  notice: ItemNotice | undefined,
  cursor: string | undefined,
): Html {
  const { item, registered } = notice ?? {};
  return html`<h1>${ctx.t('itemAdmin.title')}</h1>
    <p class="lead">${ctx.t('itemAdmin.lead')}</p>
    ${item && html`<p class="notice" role="status">${ctx.t(registered ? 'itemAdmin.registered' : 'itemAdmin.saved', { name: item.name, code: item.code })}</p>`}
    <p><a class="button" href="${REGISTER_ITEM_PATH}">${ctx.t('register.item.title')}</a></p>
    ${dataTable(
      ctx,
      ['items.code', 'items.name', 'public.category', 'public.status', 'itemAdmin.actions'],
      list.items.map(
        (i) =>
          html`<tr>
            <td><code>${i.code}</code></td>
            <td>${i.name}</td>
            <td>${label(ctx, 'category', i.category)}</td>
            <td>${statusText(ctx, i)}</td>
            <td>
              ${
                i.retired
                  ? ''
                  : html`<a href="${hrefOf(i)}" aria-label="${ctx.t('itemAdmin.retire.label', { name: i.name })}"
                      >${ctx.t('itemAdmin.retire')}</a
                    >`
              }
            </td>
          </tr>`,
      ),
      'itemAdmin.none',
    )}
    ${pager(ctx, ITEMS_ADMIN_PATH, cursor === undefined ? {} : { cursor }, list.next, { label: 'itemAdmin.pages' })}`;
}

/** An optional member of the item as a row of its page, when the item holds it. */
const row = (ctx: PageContext, key: MessageKey, value: string | undefined) =>
  value !== undefined &&
  value !== '' &&
  html`<dt>${ctx.t(key)}</dt>
    <dd>${value}</dd>`;

/** The item's retention period as its page shows it. */
const retentionText = (ctx: PageContext, retention: AgencyItem['retention']) =>
  retention === undefined
    ? undefined
    : retention === 'permanent'
      ? ctx.t('amend.permanent')
      : ctx.t('itemAdmin.retention.years', { years: retention });

function itemMain(ctx: PageContext, item: AgencyItem, state: FormState, csrf: Html, amended: boolean): Html {
  const { major } = item;
  const days = (n: number | undefined) => (n === undefined ? undefined : ctx.t('itemAdmin.days', { days: n }));
  return html`<h1>${ctx.t('itemAdmin.item.title', { name: item.name })}</h1>
    ${amended && html`<p class="notice" role="status">${ctx.t('amend.saved')}</p>`}
    <dl class="fields">
      <dt>${ctx.t('items.code')}</dt>
      <dd><code>${item.code}</code></dd>
      <dt>${ctx.t('items.name')}</dt>
      <dd>${item.name}</dd>
      <dt>${ctx.t('public.category')}</dt>
      <dd>${label(ctx, 'category', item.category)}</dd>
      ${row(ctx, 'register.item.field', item.field)}
      <dt>${ctx.t('public.legalBasis')}</dt>
      <dd>${item.legalBasis}</dd>
      ${row(ctx, 'register.item.duties', item.duties)} ${row(ctx, 'register.item.powers', item.powers)}
      ${row(ctx, 'register.item.majorFine', major?.fineFenAtLeast === undefined ? undefined : yuan(major.fineFenAtLeast))}
      ${row(
        ctx,
        'register.item.majorTypes',
        major?.decisionTypes?.map((type) => label(ctx, 'decisionType', type)).join(enumerationSeparator(ctx)),
      )}
      ${row(ctx, 'register.item.materials', item.reviewMaterials?.join(enumerationSeparator(ctx)))}
      ${row(ctx, 'register.item.reviewDays', days(item.reviewWorkingDays))}
      ${row(ctx, 'register.item.disclosureDays', days(item.disclosureWorkingDays))}
      ${row(ctx, 'register.item.retention', retentionText(ctx, item.retention))}
      <dt>${ctx.t('public.status')}</dt>
      <dd id="item-status">${statusText(ctx, item)}</dd>
    </dl>
    ${!item.retired && html`<p><a href="${itemAmendmentHref(item.code)}">${ctx.t('amend.link')}</a></p>`}
    ${errorSummary(ctx, state)}
    ${
      item.retired
        ? html`<p>${ctx.t('itemAdmin.form.retired')}</p>`
        : html`<h2>${ctx.t('itemAdmin.form.title')}</h2>
            <form method="post" action="${hrefOf(item)}" novalidate>
              ${csrf} ${FIELDS.map((spec) => field(ctx, spec, state))}
              <button type="submit">${ctx.t('itemAdmin.form.submit')}</button>
            </form>`
    }
    <p><a href="${ITEMS_ADMIN_PATH}">${ctx.t('itemAdmin.form.back')}</a></p>`;
}

/**
 * `/admin/items`: the agency's administrator sees its enforcement items and retires one with a reason
 * (`/admin/items/{code}`), through the same use case, schema and rules as `POST /v1/items/{code}/retirement`; the
 * retirement is a signed `ItemRetired` on the item's stream.
 */
export function registerItemAdminPage(router: Router, deps: ItemAdminPageDependencies): void {
  const itemOf = async (req: Request, res: Response): Promise<AgencyItem> => {
    const code = String(req.params.code);
    if (!ID_PATTERN.test(code)) throw notFound('no such enforcement item');
    const item = await deps.items.one(portalPrincipal(res).agency, code, consistencyOf(req));
    if (!item) throw notFound('no such enforcement item');
    return item;
  };
  const renderItem = async (req: Request, res: Response, state: FormState, status = 200) => {
    const ctx = pageContext(req, res, deps.assets);
    const item = await itemOf(req, res);
    const amended = single(req.query.amended, 'amended') === '1';
    const main = itemMain(ctx, item, state, csrfField(res), amended);
    sendPage(res, ctx, { title: ctx.t('itemAdmin.item.title', { name: item.name }), main, status });
  };

  router.get(ITEMS_ADMIN_PATH, signedIn('admin'), async (req, res) => {
    const ctx = pageContext(req, res, deps.assets);
    const { agency } = portalPrincipal(res);
    const consistentWith = consistencyOf(req);
    const cursor = single(req.query.cursor, 'cursor');
    const savedCode = single(req.query.saved, 'saved');
    const registeredCode = single(req.query.registered, 'registered');
    const list = await deps.items.of(agency, {
      ...(cursor === undefined ? {} : { after: cursor }),
      ...(consistentWith === undefined ? {} : { consistentWith }),
    });
    // the item just retired or registered, wherever in the list it is
    const named = registeredCode ?? savedCode;
    const item = named !== undefined && ID_PATTERN.test(named) ? await deps.items.one(agency, named) : undefined;
    const notice = item && { item, registered: registeredCode !== undefined };
    sendPage(res, ctx, { title: ctx.t('itemAdmin.title'), main: listMain(ctx, list, notice, cursor) });
  });

  router.get(`${ITEMS_ADMIN_PATH}/:code`, signedIn('admin'), async (req, res) => {
    await renderItem(req, res, { values: {} });
  });

  router.post(
    `${ITEMS_ADMIN_PATH}/:code`,
    signedIn('admin'),
    requireCsrf,
    parseForm,
    async (req: Request, res: Response) => {
      const item = await itemOf(req, res);
      const values = { reason: fieldText((req.body ?? {}) as Record<string, unknown>, 'reason') };
      res.locals.formValues = values;
      const body = { reason: values.reason };
      deps.validate('urn:evidence-ledger:schema:command:retire-item', body);
      // a retired item is refused by the rules (item_retired), as the API refuses it
      const result = await deps.registry.retireItem(portalPrincipal(res), item.code, body, deps.newId());
      const saved = encodeURIComponent(item.code);
      res.redirect(303, `${ITEMS_ADMIN_PATH}?saved=${saved}&consistentWith=${result.position}`);
    },
    formErrors((err: LedgerError, req: Request, res: Response) => {
      const ctx = pageContext(req, res, deps.assets);
      const state = { values: res.locals.formValues ?? {}, error: formErrorOf(ctx, err, FIELDS) };
      void renderItem(req, res, state, err.status).catch((e: unknown) => req.next?.(e));
    }),
  );
}
