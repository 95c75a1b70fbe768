import { listingOf } from '../http/retrieval.js';
import express, { Router, type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import type { ApplicationFilingReads } from '../app/application-filing-reads.js';
import type { ApplicationReads } from '../app/application-reads.js';
import type { ApplicationService } from '../app/application-service.js';
import type { PublicReads } from '../app/public-reads.js';
import { notFound } from '../domain/errors.js';
import { ID_PATTERN } from '../domain/streams.js';
import { LedgerError } from '../errors.js';
import { readApplicationUpload } from '../http/application-upload.js';
import { attachmentSource, FILE_APPLICATION } from '../http/applications-api.js';
import { sendMedium } from '../http/media-api.js';
import { purpose, requestId } from '../http/request.js';
import { UnsupportedMediaType } from '../http/body.js';
import { consistencyOf } from '../http/consistency.js';
import { asOfDay, id } from '../http/query.js';
import { InvalidBody, type BodyError, type Validate } from '../http/validation.js';
import type { BlobStore } from '../ports/blob-store.js';
import type { PortalAssets } from './assets.js';
import { fieldsBody, fieldText, officersOf } from './forms/acts.js';
import { formErrorOf, formErrors } from './forms/errors.js';
import type { FormError, FormState } from './forms/fields.js';
import { SUBMISSION_FIELD, submissionKey } from './forms/submission.js';
import { AGENCY_NAMES, pageContext, sendPage, type AgencyNames, type PageContext } from './layout.js';
import { caseHref } from './links.js';
import { applicationFilingMain } from './pages/application-filing.js';
import {
  applicationQueueMain,
  FROM_FILING,
  overdueApplicationColumns,
  overdueApplicationsMain,
  QUEUE_FIELDS,
  queueField,
  type RefusedDecision,
} from './pages/application-queue.js';
import {
  APPLICANT_FIELDS,
  APPLY_FIELDS,
  applyFormMain,
  ITEM_FIELD,
  progressMain,
  PROGRESS_FIELDS,
  receiptMain,
} from './pages/apply.js';
import { listPaging } from './pages/paging.js';
import { pager } from './pages/public-parts.js';
import { sheetOf } from './pages/data-table.js';
import {
  csvDownload,
  dashboardLink,
  filterAgencies,
  formatOf,
  sendSheet,
  sheetRowsAsOf,
} from './pages/supervision-screen.js';
import { SUPERVISION_TABLES } from '../http/supervision-csv.js';
import { sendList } from '../http/supervision-api.js';
import { html } from './html.js';
import { publicCsrf } from './public-csrf.js';
import { csrfField, formPageIs, portalPrincipal, requireCsrf, signedIn } from './session.js';

export interface ApplicationPagesDependencies {
  readonly applications: ApplicationService;
  readonly reads: ApplicationReads;
  /** The applications as filed, for the officers deciding them; each read recorded. */
  readonly filings: ApplicationFilingReads;
  readonly log: Logger;
  readonly blobs: Pick<BlobStore, 'put'>;
  readonly validate: Validate;
  readonly newId: () => string;
}

const ACCEPT = 'urn:evidence-ledger:schema:command:accept-application';
const REJECT = 'urn:evidence-ledger:schema:command:reject-application';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Licensing items read at a time for the filing form, which offers them all. */
const ITEMS_READ = 200;
/** How many applications a page of the officers' queue and of the overdue list shows; `?cursor=` goes on. */
export const APPLICATION_ROWS = 50;
const parseForm = express.urlencoded({ extended: false, limit: 64 * 1024, parameterLimit: 50 });

type Values = Record<string, string | string[]>;

/** An agency typed as its code, or as the name its profile records (`names`, by code); undefined when neither. */
export function agencyOfTyped(typed: string, names: AgencyNames | undefined): string | undefined {
  if (ID_PATTERN.test(typed)) return typed;
  for (const [code, name] of names?.() ?? []) if (name === typed) return code;
  return undefined;
}

/** The body of a filing from the form's fields (the agency and item code come together from the item's list). */
function filingBody(values: Values) {
  const [agency = '', itemCode = ''] = fieldText(values, 'item').split('/');
  return { agency, itemCode, ...fieldsBody(APPLICANT_FIELDS, values), request: fieldText(values, 'request') };
}

/** A refusal of the filing form, pointed at its field: the item, the files, or what the schema names. */
function filingError(ctx: PageContext, err: LedgerError): FormError {
  if (err.code === 'invalid_body') {
    // the agency and the item code are chosen together in one list: their faults are the item's
    const errors = Array.isArray(err.details.errors) ? (err.details.errors as BodyError[]) : [];
    const item = (e: BodyError) => (/^\/(agency|itemCode)(\/|$)/.test(e.pointer) ? { ...e, pointer: '/item' } : e);
    const details = { ...err.details, errors: errors.map(item) };
    return formErrorOf(ctx, new InvalidBody(err.message, details), APPLY_FIELDS);
  }
  if (err.code === 'item_not_licensing') return { ...formErrorOf(ctx, err, APPLY_FIELDS), field: ITEM_FIELD.name };
  if (['attachments_invalid', 'too_large'].includes(err.code))
    return { ...formErrorOf(ctx, err, APPLY_FIELDS), field: 'attachment' };
  return formErrorOf(ctx, err, APPLY_FIELDS);
}

/**
 * A refusal of the files (read before the fields are checked) with what is wrong with the fields read before them
 * too, so that the reader corrects everything at once rather than one stage at a time.
 */
function withFieldFaultsOf(validate: Validate) {
  return (ctx: PageContext, error: FormError, err: LedgerError, values: Values): FormError => {
    if (err.code === 'invalid_body' || Object.keys(values).length === 0) return error;
    try {
      validate(FILE_APPLICATION, filingBody(values));
      return error;
    } catch (fields) {
      if (!(fields instanceof LedgerError) || fields.code !== 'invalid_body') return error;
      const more = filingError(ctx, fields);
      return { ...error, others: [...(error.others ?? []), more, ...(more.others ?? [])] };
    }
  };
}

/** A log position as a form or link carries it (the receipt's), or none when absent or not one. */
function logPosition(text: string): number | undefined {
  return /^\d{1,15}$/.test(text) ? Number(text) : undefined;
}

/**
 * Online applications on the portal (网上受理): the public filing form, its receipt and the progress lookup (no
 * sign-in; CSRF by a double-submit cookie, rate-limited like the public API), the officers' queue where an
 * application is accepted or refused, and the supervisors' list of those overdue. Every write goes through the
 * API's use case, checked by the API's schemas.
 */
export function applicationPages(
  deps: ApplicationPagesDependencies & {
    readonly publicReads: PublicReads;
    readonly limited: RequestHandler;
    readonly secure: (req: Request) => boolean;
    /** Minutes east of UTC of an agency's local time, in which the pages show times. */
    readonly utcOffsetOf: (agency: string) => number;
  },
  assets: PortalAssets,
): Router {
  const router = Router();
  const csrf = publicCsrf(deps.secure);
  const withFieldFaults = withFieldFaultsOf(deps.validate);

  /** Every licensing item the filter selects, read a page at a time. */
  const licensingItems = async (filter: { agency?: string; retired?: boolean }) => {
    const items: { agency: string; code: string; name: string }[] = [];
    let after: string | undefined;
    do {
      const listed = await deps.publicReads.items(
        { ...filter, category: 'licensing' },
        { limit: ITEMS_READ, ...(after === undefined ? {} : { after }) },
      );
      items.push(...listed.items.map(({ agency, code, name }) => ({ agency, code, name })));
      after = listed.next;
    } while (after !== undefined);
    return items;
  };

  /** The names of an agency's licensing items by code (retired ones too: an application may outlive its item). */
  const itemNames = async (agency: string): Promise<Map<string, string>> =>
    new Map((await licensingItems({ agency })).map(({ code, name }) => [code, name]));

  const renderForm = async (req: Request, res: Response, state: FormState, status = 200, filesSent = 0) => {
    const ctx = pageContext(req, res, assets);
    const items = await licensingItems({ retired: false });
    const main = applyFormMain(ctx, { items, state, csrfToken: csrf.token(req, res), filesSent });
    sendPage(res, ctx, { title: ctx.t('apply.title'), main, status });
  };

  // each form shown carries a fresh submission key: sent twice, it files once (ApplicationService.file)
  router.get('/apply', deps.limited, (req, res) =>
    renderForm(req, res, { values: { [SUBMISSION_FIELD]: deps.newId() } }),
  );

  router.post(
    '/apply',
    deps.limited,
    csrf.check,
    async (req: Request, res: Response) => {
      const upload = await readApplicationUpload(req, res, deps.blobs, (read) => (res.locals.formValues = read));
      if (!upload) throw new UnsupportedMediaType('the filing form is sent as multipart/form-data');
      const values = upload.fields as Values;
      res.locals.formValues = values;
      res.locals.filesSent = upload.attachments.length;
      const body = filingBody(values);
      const { agency } = body;
      deps.validate(FILE_APPLICATION, body);
      const { agency: _agency, ...rest } = body as unknown as { agency: string } & Parameters<
        ApplicationService['file']
      >[1];
      const receipt = await deps.applications.file(
        agency,
        { ...rest, attachments: upload.attachments },
        upload.stored,
        submissionKey(values),
      );
      const ctx = pageContext(req, res, assets);
      res.set('Cache-Control', 'no-store');
      sendPage(res, ctx, {
        title: ctx.t('apply.receipt.title'),
        main: receiptMain(ctx, receipt, deps.utcOffsetOf(receipt.agency)),
        scripts: ['badge.js'],
      });
    },
    formErrors((err: LedgerError, req: Request, res: Response) => {
      const ctx = pageContext(req, res, assets);
      const values = (res.locals.formValues ?? {}) as Values;
      const state = { values, error: withFieldFaults(ctx, filingError(ctx, err), err, values) };
      const filesSent = typeof res.locals.filesSent === 'number' ? res.locals.filesSent : 0;
      renderForm(req, res, state, err.status, filesSent).catch(() => res.status(err.status).end());
    }),
  );

  const renderProgress = (req: Request, res: Response, state: FormState, extra: object = {}, status = 200) => {
    const ctx = pageContext(req, res, assets);
    res.set('Cache-Control', 'no-store');
    const main = progressMain(ctx, { state, csrfToken: csrf.token(req, res), utcOffsetOf: deps.utcOffsetOf, ...extra });
    sendPage(res, ctx, { title: ctx.t('apply.progress.title'), main, status });
  };

  router.get('/apply/progress', deps.limited, (req, res) => {
    const typed = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : '');
    const position = logPosition(typed('consistentWith'));
    renderProgress(req, res, {
      values: {
        agency: typed('agency'),
        id: typed('id'),
        ...(position === undefined ? {} : { consistentWith: String(position) }),
      },
    });
  });

  const progressRefused: ErrorRequestHandler = (err, req, res, next) => {
    if (res.headersSent || !(err instanceof LedgerError) || err.status >= 500 || err.code === 'csrf_failed')
      return next(err);
    const ctx = pageContext(req, res, assets);
    const { code: _code, ...values } = (res.locals.formValues ?? {}) as Values;
    const error =
      err.code === 'not_found' ? { message: ctx.t('apply.progress.notFound') } : formErrorOf(ctx, err, PROGRESS_FIELDS);
    renderProgress(req, res, { values, error }, {}, err.status);
  };

  router.post(
    '/apply/progress',
    deps.limited,
    parseForm,
    csrf.check,
    async (req: Request, res: Response) => {
      const values = (req.body ?? {}) as Values;
      // the receipt's link carries the filing's log position: a lookup made at once waits for the filing to be read
      const consistentWith = logPosition(fieldText(values, 'consistentWith'));
      res.locals.formValues = {
        agency: fieldText(values, 'agency'),
        id: fieldText(values, 'id'),
        ...(consistentWith === undefined ? {} : { consistentWith: String(consistentWith) }),
      };
      // a field left empty is named (请填写…); one filled in but not matching is "not found", whichever it is
      const empty = (['agency', 'id', 'code'] as const).filter((name) => fieldText(values, name).trim() === '');
      if (empty.length > 0) {
        const errors: BodyError[] = empty.map((name) => ({ pointer: `/${name}`, detail: 'is empty', kind: 'missing' }));
        throw new InvalidBody('the lookup needs the agency, the application id and the code', {
          pointer: errors[0]!.pointer,
          errors,
        });
      }
      // the agency as the receipt shows it: its code, or the name its profile records (a name no agency has, or
      // text no code is, is a miss like any other), the names read once the read models have the position given
      await deps.reads.caughtUpWith(consistentWith);
      const agency = agencyOfTyped(fieldText(values, 'agency').trim(), res.locals[AGENCY_NAMES] as AgencyNames);
      if (agency === undefined) throw notFound('no such application');
      const applicationId = fieldText(values, 'id').trim().toLowerCase();
      const code = fieldText(values, 'code');
      if (!UUID.test(applicationId) || code.length === 0 || code.length > 64) throw notFound('no such application');
      const progress = await deps.reads.progress({
        agency,
        applicationId,
        code,
        ...(consistentWith === undefined ? {} : { consistentWith }),
      });
      const itemName = (await itemNames(progress.agency)).get(progress.itemCode);
      renderProgress(req, res, { values: res.locals.formValues }, { progress, ...(itemName ? { itemName } : {}) });
    },
    progressRefused,
  );

  const renderQueue = async (req: Request, res: Response, refused?: RefusedDecision, status = 200) => {
    const ctx = pageContext(req, res, assets);
    const consistentWith = consistencyOf(req);
    const { paging, params } = listPaging(req, APPLICATION_ROWS);
    const queue = await deps.reads.queue(
      {
        principal: portalPrincipal(res),
        ...listingOf(req, res),
        ...(consistentWith === undefined ? {} : { consistentWith }),
      },
      paging,
    );
    const state: FormState = { values: {}, ...(refused?.state.error ? { error: refused.state.error } : {}) };
    const more = pager(ctx, '/work/applications', params, queue.next, { label: 'apply.queue.title' });
    const names = await itemNames(portalPrincipal(res).agency);
    const main = applicationQueueMain(ctx, {
      itemName: (_agency, code) => names.get(code),
      items: queue.items,
      csrf: csrfField(res),
      state,
      more,
      ...(refused ? { refused } : {}),
    });
    sendPage(res, ctx, { title: ctx.t('apply.queue.title'), main, status });
  };

  router.get('/work/applications', signedIn('officer'), (req, res) => renderQueue(req, res));

  const applicationOf = (req: Request) => {
    const applicationId = String(req.params.applicationId);
    if (!UUID.test(applicationId)) throw notFound('no such application');
    return applicationId;
  };

  const renderFiling = async (req: Request, res: Response, refused?: RefusedDecision, status = 200) => {
    const ctx = pageContext(req, res, assets);
    const why = purpose(req);
    const filing = await deps.filings.filing({
      principal: portalPrincipal(res),
      applicationId: applicationOf(req),
      requestId: requestId(res),
      ...(why === undefined ? {} : { purpose: why }),
    });
    const state: FormState = { values: {}, ...(refused?.state.error ? { error: refused.state.error } : {}) };
    const principal = portalPrincipal(res);
    // its forms and the queue are for the officers of its agency; a supervisor reads it
    const decides = principal.roles.includes('officer') && principal.agency === filing.agency;
    const itemName = (await itemNames(filing.agency)).get(filing.itemCode);
    const main = applicationFilingMain(ctx, {
      ...(itemName ? { itemName } : {}),
      filing,
      csrf: csrfField(res),
      state,
      decides,
      ...(refused ? { refused } : {}),
    });
    const title = ctx.t('apply.filing.title', { id: filing.applicationId });
    res.set('Cache-Control', 'private, no-store');
    sendPage(res, ctx, { title, main, status });
  };

  router.get('/work/applications/:applicationId', signedIn('officer', 'supervisor'), (req, res) =>
    renderFiling(req, res),
  );
  router.get(
    '/work/applications/:applicationId/attachments/:sha256',
    signedIn('officer', 'supervisor'),
    sendMedium({ reads: attachmentSource(deps.filings, applicationOf), log: deps.log }),
  );

  // a refusal names the field at fault and links to it in the application's own form, on the page it was sent from
  const queueRefused = formErrors((err: LedgerError, req: Request, res: Response) => {
    const ctx = pageContext(req, res, assets);
    const { field, ...error } = formErrorOf(ctx, err, QUEUE_FIELDS);
    const applicationId = String(req.params.applicationId);
    const link = (e: FormError): FormError =>
      e.field === undefined ? e : { ...e, field: queueField(e.field, applicationId) };
    const linked: FormError = {
      ...(field === undefined ? error : link({ ...error, field })),
      ...(error.others ? { others: error.others.map(link) } : {}),
    };
    const body = (req.body ?? {}) as Values;
    // what was typed comes back in that application's form
    const values = Object.fromEntries(
      QUEUE_FIELDS.map(({ name }) => [name, fieldText(body, name)] as const).filter(([, v]) => v !== ''),
    );
    const fromFiling = fieldText(body, FROM_FILING) === 'filing';
    const render = fromFiling ? renderFiling : renderQueue;
    render(req, res, { applicationId, state: { values, error: linked } }, err.status).catch(() =>
      res.status(err.status).end(),
    );
  });

  router.post(
    '/work/applications/:applicationId/acceptance',
    formPageIs('/work/applications'),
    signedIn('officer'),
    requireCsrf,
    parseForm,
    async (req: Request, res: Response) => {
      const applicationId = applicationOf(req);
      const body = { officers: officersOf(fieldText(req.body ?? {}, 'officers')) };
      deps.validate(ACCEPT, body);
      const principal = portalPrincipal(res);
      const result = await deps.applications.accept(principal, applicationId, body);
      const href = caseHref({ agency: principal.agency, caseId: result.caseId });
      res.redirect(303, `${href}?consistentWith=${result.position}`);
    },
    queueRefused,
  );

  router.post(
    '/work/applications/:applicationId/rejection',
    formPageIs('/work/applications'),
    signedIn('officer'),
    requireCsrf,
    parseForm,
    async (req: Request, res: Response) => {
      const applicationId = applicationOf(req);
      const values = (req.body ?? {}) as Values;
      const body = { reason: fieldText(values, 'reason'), legalBasis: fieldText(values, 'legalBasis') };
      deps.validate(REJECT, body);
      const result = await deps.applications.reject(portalPrincipal(res), applicationId, body, deps.newId());
      res.redirect(303, `/work/applications?consistentWith=${result.position}`);
    },
    queueRefused,
  );

  router.get('/supervise/applications', signedIn('supervisor'), async (req, res) => {
    const ctx = pageContext(req, res, assets);
    const principal = portalPrincipal(res);
    const agency = id(req.query.agency === '' ? undefined : req.query.agency, 'agency');
    const asOf = asOfDay(req.query.asOf === '' ? undefined : req.query.asOf);
    const format = formatOf(req);
    const { paging, params } = listPaging(req, APPLICATION_ROWS);
    const query = (day: string | undefined) => ({
      principal,
      ...(agency === undefined ? {} : { agency }),
      ...(day === undefined ? {} : { asOf: day }),
    });
    if (format === 'sheet') {
      const whole = await sheetRowsAsOf(asOf, (day, paging) => deps.reads.overdue(query(day), paging));
      const sheet = sheetOf(ctx, overdueApplicationColumns(ctx), whole.rows);
      sendSheet(res, ctx, {
        ...whole, // `cut` and `asOf` (the day it was judged on); `rows` the sheet's, below
        title: ctx.t('apply.overdue.title'),
        name: 'overdue-applications',
        rows: sheet,
        agency,
      });
      return;
    }
    const overdue = await deps.reads.overdue(query(asOf), paging);
    if (format === 'csv') {
      sendList(req, res, SUPERVISION_TABLES.overdueApplications, overdue);
      return;
    }
    // the next pages are judged on the first page's day
    const view = { ...(agency === undefined ? {} : { agency }), asOf: overdue.asOf, ...params };
    const more = html`${pager(ctx, '/supervise/applications', view, overdue.next, { label: 'apply.overdue.title' })}
    ${csvDownload(ctx, '/supervise/applications', view)} ${dashboardLink(ctx, agency)}`;
    const agencies = filterAgencies(principal);
    sendPage(res, ctx, {
      title: ctx.t('apply.overdue.title'),
      main: overdueApplicationsMain(ctx, { ...overdue, agencies, ...(agency === undefined ? {} : { agency }) }, more),
    });
  });

  return router;
}
