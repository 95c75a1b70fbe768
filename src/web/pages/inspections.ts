import { publicOrigin } from '../../http/public-origin.js';
import type { Router } from 'express';
import type { InspectionReads } from '../../app/inspection-reads.js';
import { RuleViolation } from '../../domain/errors.js';
import { PLAN_STATUSES } from '../../http/inspections-api.js';
import { id, oneOf, single } from '../../http/query.js';
import type { PortalAssets } from '../assets.js';
import { html, jsonScript, type Html } from '../html.js';
import type { MessageKey } from '../i18n.js';
import { pageContext, sendPage, type PageContext } from '../layout.js';
import { formQuery, hrefWith, pageSize, pager, select } from './public-parts.js';
import type { RequestHandler } from 'express';
import { agencyName, enumerationSeparator, label, listSeparator } from './labels.js';
import { ID_PATTERN } from '../../domain/streams.js';

export interface InspectionPagesDependencies {
  readonly inspections: InspectionReads;
  readonly limited: RequestHandler;
  readonly assets: PortalAssets;
}

type Plan = NonNullable<Awaited<ReturnType<InspectionReads['plan']>>>;

/** The page of a plan: `/inspections/{agency}/{planId}`. */
export function inspectionHref(p: { readonly agency: string; readonly planId: string }): string {
  return `/inspections/${encodeURIComponent(p.agency)}/${encodeURIComponent(p.planId)}`;
}

/** The text client/draw.ts shows, in the page's language. */
const SCRIPT_TEXT: readonly MessageKey[] = [
  'inspections.check.run',
  'inspections.check.running',
  'inspections.check.valid',
  'inspections.check.invalid',
  'inspections.check.error',
  'inspections.check.unsupported',
  'inspections.check.recomputed',
];

export interface DrawPageText {
  readonly text: Record<string, string>;
}

/**
 * `/inspections` and `/inspections/{agency}/{planId}`: "double random, one public" (双随机、一公开), what
 * `GET /v1/inspections` and `GET /v1/inspections/{agency}/{planId}` answer, server-rendered and readable without
 * JavaScript; with it, client/draw.ts re-runs the draw in the browser (src/ledger/draw-verify.ts, as `ledger draw
 * verify` does) and says whether it matches.
 */
export function registerInspectionPages(router: Router, deps: InspectionPagesDependencies): void {
  router.get('/inspections', deps.limited, async (req, res) => {
    const ctx = pageContext(req, res, deps.assets);
    const params = formQuery(req);
    const agency = id(params.agency, 'agency');
    const status = oneOf(params.status, 'status', PLAN_STATUSES);
    const after = single(params.cursor, 'cursor');
    const filter = { ...(agency ? { agency } : {}), ...(status ? { status } : {}) };
    const page = await deps.inspections.plans(filter, { limit: pageSize(params), ...(after ? { after } : {}) });
    const statuses = [...PLAN_STATUSES].map((s) => ({ value: s, text: ctx.t(statusKey(s)) }));
    sendPage(res, ctx, {
      title: ctx.t('inspections.title'),
      main: html`<h1>${ctx.t('inspections.title')}</h1>
        <p class="lead">${ctx.t('inspections.lead')}</p>
        <form class="filters" method="get" action="/inspections" aria-label="${ctx.t('public.filters')}">
          <p>
            <label for="agency">${ctx.t('public.agency')}</label>
            <input id="agency" name="agency" value="${agency ?? ''}" />
          </p>
          ${select(ctx, 'status', 'inspections.status', statuses, status)}
          <button type="submit">${ctx.t('public.apply')}</button>
          <a href="/inspections">${ctx.t('public.reset')}</a>
        </form>
        ${
          page.items.length === 0
            ? html`<p>${ctx.t('inspections.none')}</p>`
            : html`<div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">${ctx.t('inspections.plan')}</th>
                      <th scope="col">${ctx.t('inspections.agency')}</th>
                      <th scope="col">${ctx.t('inspections.entry')}</th>
                      <th scope="col">${ctx.t('inspections.period')}</th>
                      <th scope="col">${ctx.t('inspections.status')}</th>
                      <th scope="col">${ctx.t('inspections.targetsCount')}</th>
                      <th scope="col">${ctx.t('inspections.outcomesCount')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${page.items.map(
                      (p) =>
                        html`<tr>
                          <td><a href="${inspectionHref(p)}">${p.title}</a></td>
                          <td>${agencyName(ctx, p.agency)}</td>
                          <td>${p.entryId}</td>
                          <td>${p.startsOn} – ${p.endsOn}</td>
                          <td>${ctx.t(statusKey(p.status))}</td>
                          <td>${p.targets}</td>
                          <td>${p.outcomes}</td>
                        </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
        }
        ${pager(ctx, '/inspections', { ...filter, ...(after ? { cursor: after } : {}) }, page.next)}`,
    });
  });

  router.get('/inspections/:agency/:planId', deps.limited, async (req, res) => {
    const agency = String(req.params.agency);
    const planId = String(req.params.planId);
    const plan =
      ID_PATTERN.test(agency) && ID_PATTERN.test(planId) ? await deps.inspections.plan(agency, planId) : undefined;
    if (!plan) throw new RuleViolation('not_found', 404, 'no such inspection plan');
    const ctx = pageContext(req, res, deps.assets);
    sendPage(res, ctx, {
      title: plan.title,
      scripts: plan.draw ? ['draw.js'] : [],
      main: html`<p><a href="${hrefWith('/inspections', { agency })}">${ctx.t('inspections.back')}</a></p>
        <h1>${plan.title}</h1>
        ${planFacts(ctx, plan)} ${plan.draw ? drawn(ctx, plan, publicOrigin(req)) : pending(ctx, plan)}`,
    });
  });
}

function statusKey(status: string): MessageKey {
  return status === 'drawn' ? 'inspections.status.drawn' : 'inspections.status.planned';
}

function fact(term: string, value: Html | string): Html {
  return html`<dt>${term}</dt>
    <dd>${value}</dd>`;
}

function planFacts(ctx: PageContext, plan: Plan): Html {
  const sample =
    'count' in plan.sample
      ? ctx.t('inspections.sample.count', { count: plan.sample.count })
      : ctx.t('inspections.sample.percent', { percent: plan.sample.percent });
  const version =
    plan.entryVersion === undefined ? '' : ` · ${ctx.t('inspections.entryVersion', { version: plan.entryVersion })}`;
  return html`<dl class="facts">
    ${fact(ctx.t('inspections.agency'), agencyName(ctx, plan.agency))}
    ${fact(ctx.t('inspections.entry'), `${plan.entryId}${version}`)}
    ${fact(ctx.t('inspections.period'), `${plan.startsOn} – ${plan.endsOn}`)}
    ${fact(ctx.t('inspections.selector'), selectorText(ctx, plan.targetsSelector))}
    ${fact(ctx.t('inspections.sample'), sample)}
    ${fact(ctx.t('inspections.perTarget'), ctx.t('inspections.perTarget.value', { count: plan.inspectorsPerTarget }))}
    ${fact(ctx.t('inspections.treeSizeAtPlan'), ctx.t('inspections.leaves', { size: plan.treeSizeAtPlan }))}
    ${fact(ctx.t('inspections.drawAtSize'), ctx.t('inspections.leaves', { size: plan.drawAtSize }))}
    ${fact(ctx.t('inspections.status'), ctx.t(statusKey(plan.status)))}
  </dl>`;
}

/**
 * Which subjects a plan draws from, list by list as the selector gives them (a subject is in every list given; of
 * the tags, any one will do); the kinds in the reader's language, sectors and tags as the agency names them.
 */
function selectorText(ctx: PageContext, selector: Plan['targetsSelector']): string {
  const joined = (values: readonly string[]) => values.join(enumerationSeparator(ctx));
  const parts = [
    selector.kinds?.length &&
      ctx.t('inspections.selector.kinds', {
        list: joined(selector.kinds.map((k) => label(ctx, 'inspections.kind', k))),
      }),
    selector.sectors?.length && ctx.t('inspections.selector.sectors', { list: joined(selector.sectors) }),
    selector.tags?.length && ctx.t('inspections.selector.tags', { list: joined(selector.tags) }),
  ].filter((part): part is string => typeof part === 'string');
  return parts.length ? parts.join(listSeparator(ctx)) : ctx.t('inspections.selector.all');
}

function pending(ctx: PageContext, plan: Plan): Html {
  return html`<p class="notice">${ctx.t('inspections.pending', { size: plan.drawAtSize })}</p>`;
}

function drawn(ctx: PageContext, plan: Plan, origin: string): Html {
  const draw = plan.draw!;
  return html`<section aria-labelledby="draw-provenance">
      <h2 id="draw-provenance">${ctx.t('inspections.provenance')}</h2>
      <dl class="facts">
        ${fact(ctx.t('inspections.drawAtSize'), ctx.t('inspections.leaves', { size: draw.size }))}
        ${fact(ctx.t('inspections.rootHash'), html`<code>${draw.rootHash}</code>`)}
        ${fact(ctx.t('inspections.checkpoint'), ctx.t('inspections.leaves', { size: draw.checkpointSize }))}
        ${fact(ctx.t('inspections.seed'), html`<code id="draw-seed">${draw.seed}</code>`)}
        ${fact(
          ctx.t('inspections.inputs'),
          ctx.t('inspections.inputs.value', {
            subjects: draw.inputs.subjects.length,
            officers: draw.inputs.officers.length,
            conflicts: draw.inputs.conflicts.length,
          }),
        )}
        ${fact(ctx.t('inspections.inputsDigest'), html`<code>${draw.inputsDigest}</code>`)}
      </dl>
    </section>
    <section aria-labelledby="draw-results">
      <h2 id="draw-results">${ctx.t('inspections.results')}</h2>
      <div class="table-wrap">
        <table id="draw-targets">
          <thead>
            <tr>
              <th scope="col">${ctx.t('inspections.order')}</th>
              <th scope="col">${ctx.t('inspections.subject')}</th>
              <th scope="col">${ctx.t('inspections.inspectors')}</th>
              <th scope="col">${ctx.t('inspections.outcome')}</th>
              <th scope="col">${ctx.t('inspections.inspectedOn')}</th>
            </tr>
          </thead>
          <tbody>
            ${draw.targets.map(
              (t, i) =>
                html`<tr data-subject="${t.subjectId}">
                  <td>${i + 1}</td>
                  <td>${t.name} <span class="muted">(${t.subjectId})</span></td>
                  <td>${t.inspectors.join(enumerationSeparator(ctx))}</td>
                  <td>
                    ${
                      t.outcome
                        ? html`${ctx.t(`inspections.outcome.${t.outcome.outcome}` as MessageKey)}<br />${t.outcome.summary}`
                        : ctx.t('inspections.outcome.none')
                    }
                  </td>
                  <td>${t.outcome?.inspectedOn ?? '—'}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>
    <section aria-labelledby="draw-check-title" id="draw-check" data-agency="${plan.agency}" data-plan="${plan.planId}">
      <h2 id="draw-check-title">${ctx.t('inspections.check')}</h2>
      <p>${ctx.t('inspections.check.lead')}</p>
      <pre><code>npx ledger draw verify --agency ${plan.agency} --plan ${plan.planId} --url ${origin}</code></pre>
      <p id="draw-controls" hidden><button type="button" id="draw-run">${ctx.t('inspections.check.run')}</button></p>
      <div id="draw-result" role="status" aria-live="polite"></div>
    </section>
    ${jsonScript('draw-text', {
      text: Object.fromEntries(SCRIPT_TEXT.map((key) => [key, ctx.t(key)])),
    } satisfies DrawPageText)}`;
}
