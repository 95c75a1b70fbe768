import { Router, type Request, type Response } from 'express';
import type { Principal } from '../app/auth.js';
import type { SupervisionQuery, SupervisionReads } from '../app/supervision-reads.js';
import { preferredType } from './accept.js';
import { authenticate, principalOf, requireRoles } from './authenticate.js';
import { consistencyOf } from './consistency.js';
import { CSV_CONTENT_TYPE, metricsCsv } from './csv.js';
import { listCsv, SUPERVISION_TABLES, type ListTable } from './supervision-csv.js';
import { asOfDay, id, oneOf, pagingOf, single, year } from './query.js';
import { listingOf } from './retrieval.js';
import { InvalidQuery } from './validation.js';

export interface SupervisionApiDependencies {
  readonly reads: SupervisionReads;
  readonly verify: (token: string) => Principal;
}

/**
 * The supervision views (监督) over HTTP (`SupervisionReads` in `src/app/supervision-reads.ts` owns the scope, the
 * default day and the wait): each route reads its query, calls its view and sends what it returns. Every route
 * takes `?agency=` (one of the supervisor's agencies; another is `403 forbidden`) and `?consistentWith=`, and
 * answers as JSON or, with `Accept: text/csv` or `?format=csv`, as CSV (src/http/supervision-csv.ts).
 */
export function supervisionApi({ reads, verify }: SupervisionApiDependencies): Router {
  const router = Router();
  const guard = [authenticate(verify), requireRoles('supervisor')];

  router.get('/v1/audit/overdue-disclosures', ...guard, async (req, res) => {
    const query = supervisionQuery(req, res);
    const asOf = asOfDay(req.query.asOf);
    const paging = pagingOf(req);
    const status = oneOf(req.query.status, 'status', ['overdue', 'disclosed_late', 'recorded_late']);
    const answer = await reads.overdueDisclosures(
      { ...query, ...(asOf ? { asOf } : {}), ...(status ? { status } : {}) },
      paging,
    );
    sendList(req, res, SUPERVISION_TABLES.overdueDisclosures, answer);
  });

  router.get('/v1/audit/overdue-reviews', ...guard, async (req, res) => {
    const query = supervisionQuery(req, res);
    const asOf = asOfDay(req.query.asOf);
    const status = oneOf(req.query.status, 'status', ['overdue', 'completed_late', 'recorded_late']);
    const answer = await reads.overdueReviews(
      { ...query, ...(asOf ? { asOf } : {}), ...(status ? { status } : {}) },
      pagingOf(req),
    );
    sendList(req, res, SUPERVISION_TABLES.overdueReviews, answer);
  });

  router.get('/v1/audit/due-for-erasure', ...guard, async (req, res) => {
    const query = supervisionQuery(req, res);
    const asOf = asOfDay(req.query.asOf);
    const answer = await reads.dueForErasure({ ...query, ...(asOf ? { asOf } : {}) }, pagingOf(req));
    sendList(req, res, SUPERVISION_TABLES.dueForErasure, answer);
  });

  router.get('/v1/audit/erasures', authenticate(verify), requireRoles('supervisor', 'admin'), async (req, res) => {
    const query = supervisionQuery(req, res);
    sendList(req, res, SUPERVISION_TABLES.erasures, await reads.erasures(query, pagingOf(req)));
  });

  router.get('/v1/audit/overdue-inspections', ...guard, async (req, res) => {
    const query = supervisionQuery(req, res);
    const asOf = asOfDay(req.query.asOf);
    const answer = await reads.overdueInspections({ ...query, ...(asOf ? { asOf } : {}) }, pagingOf(req));
    sendList(req, res, SUPERVISION_TABLES.overdueInspections, answer);
  });

  router.get('/v1/audit/missing-recordings', ...guard, async (req, res) => {
    const query = supervisionQuery(req, res);
    const paging = pagingOf(req);
    sendList(req, res, SUPERVISION_TABLES.missingRecordings, await reads.missingRecordings(query, paging));
  });

  router.get('/v1/audit/major-decisions', ...guard, async (req, res) => {
    const query = supervisionQuery(req, res);
    const matched = oneOf(req.query.matched, 'matched', ['true', 'false']);
    const paging = pagingOf(req);
    const answer = await reads.majorDecisions(
      { ...query, ...(matched ? { matched: matched === 'true' } : {}) },
      paging,
    );
    sendList(req, res, SUPERVISION_TABLES.majorDecisions, answer);
  });

  router.get('/v1/audit/access', ...guard, async (req, res) => {
    const query = supervisionQuery(req, res);
    const trail = trailOf(req);
    if (trail.caseId === undefined && trail.sub === undefined) throw new InvalidQuery('caseId or sub is required');
    const paging = pagingOf(req);
    sendList(req, res, SUPERVISION_TABLES.access, await reads.access({ ...query, ...trail }, paging));
  });

  router.get('/v1/audit/denied-access', ...guard, async (req, res) => {
    const query = supervisionQuery(req, res);
    const trail = trailOf(req);
    const paging = pagingOf(req);
    sendList(req, res, SUPERVISION_TABLES.deniedAccess, await reads.deniedAccess({ ...query, ...trail }, paging));
  });

  router.get('/v1/audit/certificates', ...guard, async (req, res) => {
    const query = supervisionQuery(req, res);
    const asOf = asOfDay(req.query.asOf);
    const answer = await reads.certificates({ ...query, ...(asOf ? { asOf } : {}) });
    sendList(req, res, SUPERVISION_TABLES.certificates, answer);
  });

  router.get('/v1/audit/reviewer-ratio', ...guard, async (req, res) => {
    const query = supervisionQuery(req, res);
    const asOf = asOfDay(req.query.asOf);
    const answer = await reads.reviewerRatio({ ...query, ...(asOf ? { asOf } : {}) });
    sendList(req, res, SUPERVISION_TABLES.reviewerRatio, answer);
  });

  router.get('/v1/audit/statistics', ...guard, async (req, res) => {
    const query = supervisionQuery(req, res);
    const year = yearOf(req.query.year);
    const asOf = asOfDay(req.query.asOf);
    const csv = wantsCsv(req);
    const figures = await reads.statistics({ ...query, year, ...(asOf ? { asOf } : {}) });
    res.vary('Accept');
    if (csv) {
      res.status(200).set('Content-Type', CSV_CONTENT_TYPE);
      res.set('Content-Disposition', `attachment; filename="statistics-${figures.agency}-${year}.csv"`);
      res.send(metricsCsv(figures));
      return;
    }
    res.json(figures);
  });

  return router;
}

/**
 * Who asks, `?agency=` and `?consistentWith=`: what every supervision view takes. The agency is checked against
 * the supervisor's agencies by the view. A bad `?format=` was refused before the route ran (`httpSemantics`,
 * src/http/semantics.ts); {@link wantsCsv} reads it once the answer is there.
 */
export function supervisionQuery(req: Request, res: Response): SupervisionQuery {
  const agency = id(req.query.agency, 'agency');
  const consistentWith = consistencyOf(req);
  return {
    principal: principalOf(res),
    ...listingOf(req, res),
    ...(agency === undefined ? {} : { agency }),
    ...(consistentWith === undefined ? {} : { consistentWith }),
  };
}

/**
 * Sends a view's answer as JSON, or as a CSV file (`Content-Disposition: attachment`) when the client asks for it;
 * a CSV page that has a next one links to it (`Link: <...>; rel="next"`), since the file has no `next` member.
 */
export function sendList(req: Request, res: Response, table: ListTable, answer: object & { next?: string }): void {
  const csv = wantsCsv(req);
  res.vary('Accept');
  if (!csv) {
    res.json(answer);
    return;
  }
  if (answer.next !== undefined) {
    const next = new URL(req.originalUrl, 'http://localhost');
    next.searchParams.set('cursor', answer.next);
    next.searchParams.delete('consistentWith');
    res.set('Link', `<${next.pathname}${next.search}>; rel="next"`);
  }
  res.status(200).set('Content-Type', CSV_CONTENT_TYPE);
  res.set('Content-Disposition', `attachment; filename="${table.name}.csv"`);
  res.send(listCsv(table, answer));
}

/** `?caseId=` and `?sub=` of a retrieval trail. */
function trailOf(req: Request): { caseId?: string; sub?: string } {
  const caseId = id(req.query.caseId, 'caseId');
  const sub = single(req.query.sub, 'sub');
  return { ...(caseId === undefined ? {} : { caseId }), ...(sub === undefined ? {} : { sub }) };
}

/** `Accept: text/csv` (preferred over JSON) or `?format=csv`; `?format=json` forces JSON. */
export function wantsCsv(req: Request): boolean {
  const format = oneOf(req.query.format, 'format', ['json', 'csv']);
  if (format !== undefined) return format === 'csv';
  return preferredType(req, ['application/json', 'text/csv']) === 'text/csv';
}

/** `?year=`, required. */
export function yearOf(value: unknown): number {
  const given = year(value);
  if (given === undefined) throw new InvalidQuery('year is required');
  return given;
}
