import { wholeNumberOf } from './forms/numbers.js';
import express, { Router, type Request, type Response } from 'express';
import { listingOf } from '../http/retrieval.js';
import type { CaseFileReads } from '../app/case-file-reads.js';
import type { DiscretionReads } from '../app/discretion-reads.js';
import type { EvaluationReads } from '../app/evaluation-reads.js';
import { canRead } from '../app/case-reads.js';
import { evaluatorOf, type EvaluationService } from '../app/evaluation-service.js';
import { dateAtOffset } from '../domain/actor.js';
import {
  EVALUATION_POINTS,
  uncommentedDeductions,
  type EvaluationPoint,
  type EvaluationScores,
} from '../domain/case/evaluation.js';
import { notFound } from '../domain/errors.js';
import type { Principal } from '../app/auth.js';
import type { LedgerError } from '../errors.js';
import { consistencyOf } from '../http/consistency.js';
import { id, year as yearQuery } from '../http/query.js';
import { sendList } from '../http/supervision-api.js';
import { SUPERVISION_TABLES, weakPointsRows } from '../http/supervision-csv.js';
import { requestId } from '../http/request.js';
import type { Validate } from '../http/validation.js';
import type { Clock } from '../ports/clock.js';
import type { PortalAssets } from './assets.js';
import { formErrorOf, formErrors } from './forms/errors.js';
import type { FieldSpec, FormError, FormState } from './forms/fields.js';
import type { MessageKey } from './i18n.js';
import { pageContext, sendPage } from './layout.js';
import { given, listPaging } from './pages/paging.js';
import {
  csvDownload,
  dashboardLink,
  filterAgencies,
  formatOf,
  sendSheet,
  sheetRowsOf,
} from './pages/supervision-screen.js';
import { pager } from './pages/public-parts.js';
import { html } from './html.js';
import {
  deviationColumns,
  deviationRows,
  deviationsMain,
  evaluateHref,
  evaluationMain,
  weakPointsMain,
  weakPointsSheet,
} from './pages/quality.js';
import { sheetOf } from './pages/data-table.js';
import { csrfField, portalPrincipal, requireCsrf, signedIn } from './session.js';
import { ID_PATTERN } from '../domain/streams.js';

/** What the supervisors' quality screens read and write through. */
export interface QualityDependencies {
  readonly files: CaseFileReads;
  readonly discretion: Pick<DiscretionReads, 'deviations'>;
  readonly evaluationReads: EvaluationReads;
  readonly evaluations: EvaluationService;
  readonly validate: Validate;
  readonly newId: () => string;
  readonly clock: Clock;
  readonly utcOffsetOf: (agency: string) => number;
}

const EVALUATE = 'urn:evidence-ledger:schema:command:evaluate-case-file';
const parseForm = express.urlencoded({ extended: false, limit: 64 * 1024, parameterLimit: 100 });
const DISCRETION = '/supervise/discretion';
const EVALUATIONS = '/supervise/evaluations';

/** How many cases a page of the deviations lists; `?cursor=` goes on. */
export const DEVIATION_ROWS = 50;

/** The evaluation form's fields, as the body's members they fill (for naming the field a refusal is about). */
/** The evaluation of a case of `agency` that `principal` made (the latest version of their own), if any. */
export function ownEvaluation<E extends { readonly evaluator: string; readonly evaluatorAgency?: string }>(
  evaluations: readonly E[],
  principal: Pick<Principal, 'sub' | 'agency'>,
  agency: string,
): E | undefined {
  return evaluations.find((e) => e.evaluator === principal.sub && (e.evaluatorAgency ?? agency) === principal.agency);
}

const isEvaluationPoint = (p: unknown): p is EvaluationPoint => (EVALUATION_POINTS as readonly unknown[]).includes(p);

const FIELDS: FieldSpec[] = EVALUATION_POINTS.flatMap((p) => [
  { name: `scores.${p}.score`, label: `form.check.${p}` as MessageKey, kind: 'text' as const },
  { name: `scores.${p}.comment`, label: `form.check.${p}` as MessageKey, kind: 'text' as const, optional: true },
]);

/** The body of an evaluation from the form: each score as a number when it is one (else as typed, for the schema). */
function evaluationBody(values: Record<string, string>): { scores: EvaluationScores; reason?: string } {
  const scores = Object.fromEntries(
    EVALUATION_POINTS.map((p) => {
      const typed = (values[`scores.${p}.score`] ?? '').trim();
      const comment = (values[`scores.${p}.comment`] ?? '').trim();
      // a score left empty is missing ("please fill in"), not a number written wrong
      return [p, { ...(typed === '' ? {} : { score: wholeNumberOf(typed, 3) }), ...(comment ? { comment } : {}) }];
    }),
  ) as unknown as EvaluationScores;
  const reason = (values.reason ?? '').trim();
  return { scores, ...(reason ? { reason } : {}) };
}

function textValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>))
    if (typeof v === 'string') values[k] = v;
  return values;
}

/**
 * The supervisors' screens of enforcement quality: fines outside their discretion benchmark, the weak points the
 * case-file evaluations show, and the evaluation form of a closed case file (案卷评查). Reads and writes go through
 * the same use cases as the API.
 */
export function qualityScreens(deps: QualityDependencies, assets: PortalAssets): Router {
  const router = Router();

  // both narrowed to one agency with `?agency=` and given as the API's CSV file with `?format=csv` (linked)
  router.get(DISCRETION, signedIn('supervisor'), async (req, res) => {
    const ctx = pageContext(req, res, assets);
    const principal = portalPrincipal(res);
    const agency = id(given(req.query.agency), 'agency');
    const format = formatOf(req);
    const { paging, params } = listPaging(req, DEVIATION_ROWS);
    const query = { principal, ...listingOf(req, res), ...(agency === undefined ? {} : { agency }) };
    if (format === 'sheet') {
      const { rows, cut } = await sheetRowsOf((whole) => deps.discretion.deviations(query, whole));
      const sheet = sheetOf(ctx, deviationColumns(ctx), deviationRows(rows));
      sendSheet(res, ctx, {
        title: ctx.t('quality.discretion.title'),
        name: 'discretion-deviations',
        rows: sheet,
        cut,
        agency,
      });
      return;
    }
    const deviations = await deps.discretion.deviations(query, paging);
    if (format === 'csv') {
      sendList(req, res, SUPERVISION_TABLES.discretionDeviations, deviations);
      return;
    }
    const kept = { ...(agency === undefined ? {} : { agency }), ...params };
    // a new agency is a new list: the form keeps the page size, not the cursor
    const keep: Record<string, string> = params.limit === undefined ? {} : { limit: params.limit };
    const filter = { agencies: filterAgencies(principal), agency, keep };
    const more = html`${pager(ctx, DISCRETION, kept, deviations.next, { label: 'quality.discretion.title' })}
    ${csvDownload(ctx, DISCRETION, kept)} ${dashboardLink(ctx, agency)}`;
    sendPage(res, ctx, {
      title: ctx.t('quality.discretion.title'),
      main: deviationsMain(ctx, deviations, filter, more),
    });
  });

  router.get(EVALUATIONS, signedIn('supervisor'), async (req, res) => {
    const ctx = pageContext(req, res, assets);
    const principal = portalPrincipal(res);
    const agency = id(given(req.query.agency), 'agency');
    const format = formatOf(req);
    const raw = req.query.year;
    const thisYear = Number(dateAtOffset(deps.clock.now(), deps.utcOffsetOf(principal.agency)).slice(0, 4));
    // the form's year left empty is this year
    const year = (raw === '' ? undefined : yearQuery(raw)) ?? thisYear;
    const weak = await deps.evaluationReads.weakPoints({
      principal,
      year,
      ...listingOf(req, res),
      ...(agency === undefined ? {} : { agency }),
    });
    if (format === 'csv') {
      sendList(req, res, SUPERVISION_TABLES.evaluationWeakPoints, weakPointsRows(weak));
      return;
    }
    if (format === 'sheet') {
      const title = `${ctx.t('quality.weak.title')} ${year}`;
      sendSheet(res, ctx, { title, name: `evaluation-weak-points-${year}`, rows: weakPointsSheet(ctx, weak), agency });
      return;
    }
    const kept = { year: String(year), ...(agency === undefined ? {} : { agency }) };
    sendPage(res, ctx, {
      title: ctx.t('quality.weak.title'),
      main: html`${weakPointsMain(ctx, weak, { agencies: filterAgencies(principal), agency })}
      ${csvDownload(ctx, EVALUATIONS, kept)} ${dashboardLink(ctx, agency)}`,
    });
  });

  const caseOf = (req: Request, res: Response) => {
    const principal = portalPrincipal(res);
    const agency = String(req.params.agency);
    const caseId = String(req.params.caseId);
    // a supervisor evaluates the case files of their own agency and of those it supervises
    if (!ID_PATTERN.test(agency) || !ID_PATTERN.test(caseId) || !canRead(principal, agency))
      throw notFound('no such case');
    return { principal, agency, caseId };
  };

  const render = async (req: Request, res: Response, state: FormState, status = 200) => {
    const { principal, agency, caseId } = caseOf(req, res);
    const ctx = pageContext(req, res, assets);
    const consistentWith = consistencyOf(req);
    const file = await deps.files.file({
      principal,
      agency,
      caseId,
      action: 'read_case',
      requestId: requestId(res),
      ...(consistentWith === undefined ? {} : { consistentWith }),
    });
    // the page's read of the case is recorded once (read_case), the evaluations it shows with it
    const evaluations = deps.evaluationReads.ofRetrievedCase(file.agency, caseId);
    const own = ownEvaluation(evaluations, principal, file.agency);
    sendPage(res, ctx, {
      title: `${ctx.t('evaluation.title')} · ${file.title}`,
      main: evaluationMain(ctx, { file, evaluations, state, csrf: csrfField(res), ...(own ? { own } : {}) }),
      status,
    });
  };

  router.get('/cases/:agency/:caseId/evaluate', signedIn('supervisor'), async (req, res) => {
    await render(req, res, { values: {} });
  });

  router.post(
    '/cases/:agency/:caseId/evaluate',
    signedIn('supervisor'),
    requireCsrf,
    parseForm,
    async (req: Request, res: Response) => {
      const { principal, agency, caseId } = caseOf(req, res);
      const values = textValues(req.body);
      res.locals.formValues = values;
      const body = evaluationBody(values);
      deps.validate(EVALUATE, body);
      const result = await deps.evaluations.evaluate({ agency, caseId }, evaluatorOf(principal), body, deps.newId());
      res.redirect(303, `${evaluateHref({ agency, caseId })}?consistentWith=${result.position}`);
    },
    formErrors((err: LedgerError, req: Request, res: Response) => {
      const ctx = pageContext(req, res, assets);
      const error = formErrorOf(ctx, err, FIELDS);
      const point = typeof err.details.point === 'string' ? err.details.point : undefined;
      const member = err.code === 'comment_required' ? 'comment' : 'score';
      const field = point ? `scores.${point}.${member}` : error.field;
      // every deduction without its comment, each at its own comment box, in the points' order
      const points = Array.isArray(err.details.points) ? err.details.points.filter(isEvaluationPoint) : [];
      const [first, ...others] = points.map((p) => ({
        message: ctx.t('rule.comment_required.point', { point: ctx.t(`form.check.${p}` as MessageKey) }),
        field: `scores.${p}.comment`,
      }));
      const shown: FormError =
        err.code === 'comment_required' && first
          ? others.length === 0
            ? first
            : { ...first, others }
          : { ...error, ...(field ? { field } : {}) };
      // a form whose scores break the schema names the deductions left without a comment too, all at once
      const values = (res.locals.formValues ?? {}) as Record<string, string>;
      const named = new Set([shown, ...(shown.others ?? [])].map((e) => e.field));
      const uncommented =
        err.code === 'invalid_body'
          ? uncommentedDeductions(evaluationBody(values).scores)
              .filter((p) => !named.has(`scores.${p}.comment`) && !named.has(`scores.${p}.score`))
              .map((p) => ({
                message: ctx.t('rule.comment_required.point', { point: ctx.t(`form.check.${p}` as MessageKey) }),
                field: `scores.${p}.comment`,
              }))
          : [];
      const all = uncommented.length === 0 ? shown : { ...shown, others: [...(shown.others ?? []), ...uncommented] };
      const state = { values, error: all };
      void render(req, res, state, err.status).catch((e: unknown) => req.next?.(e));
    }),
  );

  return router;
}
