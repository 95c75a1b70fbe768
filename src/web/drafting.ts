import express, { Router, type Request, type Response } from 'express';
import { pipeline } from 'node:stream';
import type { CaseFile, CaseFileReads } from '../app/case-file-reads.js';
import { DRAFT_FORMATS, type DecisionDrafts, type DraftFormat, type DraftRecord } from '../app/decision-drafts.js';
import { dateAtOffset } from '../domain/actor.js';
import type { ProposedDecision } from '../domain/drafting/render.js';
import { notFound } from '../domain/errors.js';
import type { LedgerError } from '../errors.js';
import { purpose, requestId } from '../http/request.js';
import type { Validate } from '../http/validation.js';
import type { Clock } from '../ports/clock.js';
import type { PortalAssets } from './assets.js';
import { fieldsBody, yuanText } from './forms/acts.js';
import { formErrorOf, formErrors } from './forms/errors.js';
import type { FormState } from './forms/fields.js';
import { SUBMISSION_FIELD, submissionKey, retriedValues } from './forms/submission.js';
import { pageContext, sendPage } from './layout.js';
import { DRAFT_FIELDS, draftMain, draftPageHref } from './pages/draft-form.js';
import { csrfField, portalPrincipal, requireCsrf, signedIn } from './session.js';
import { ID_PATTERN } from '../domain/streams.js';

/** What the drafting screen reads and writes through: the same use case as the API. */
export interface DraftingDependencies {
  readonly drafts: DecisionDrafts;
  readonly files: CaseFileReads;
  readonly validate: Validate;
  readonly clock: Clock;
  readonly utcOffsetOf: (agency: string) => number;
  /** A fresh submission key for each form shown. */
  readonly newId: () => string;
}

const DRAFT = 'urn:evidence-ledger:schema:command:draft-decision';
const parseForm = express.urlencoded({ extended: false, limit: 64 * 1024, parameterLimit: 50 });

function textValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>))
    if (typeof v === 'string' && k !== '_csrf') values[k] = v;
  return values;
}

/**
 * The officers' drafting screen (文书制作): the decision proposed, typed in a form, drafted from the case file into
 * PDF and DOCX offered for download. The case's own officers draft; whoever may read the case downloads.
 */
export function draftingScreens(deps: DraftingDependencies, assets: PortalAssets): Router {
  const router = Router();

  const caseOf = (req: Request) => {
    const agency = String(req.params.agency);
    const caseId = String(req.params.caseId);
    if (!ID_PATTERN.test(agency) || !ID_PATTERN.test(caseId)) throw notFound('no such case');
    return { agency, caseId };
  };

  const show = (
    req: Request,
    res: Response,
    { file, state, status = 200, draft }: { file: CaseFile; state: FormState; status?: number; draft?: DraftRecord },
  ) => {
    const ctx = pageContext(req, res, assets);
    sendPage(res, ctx, {
      title: `${ctx.t('draft.title')} · ${file.title}`,
      main: draftMain(ctx, { file, state, csrf: csrfField(res), ...(draft ? { draft } : {}) }),
      status,
    });
  };

  const render = async (req: Request, res: Response, state: FormState, status = 200) => {
    const { agency, caseId } = caseOf(req);
    const principal = portalPrincipal(res);
    const file = await deps.files.file({ principal, agency, caseId, action: 'read_case', requestId: requestId(res) });
    show(req, res, { file, state, status });
  };

  router.get('/cases/:agency/:caseId/draft', signedIn('officer'), async (req, res) => {
    const { agency } = caseOf(req);
    const today = dateAtOffset(deps.clock.now(), deps.utcOffsetOf(agency));
    await render(req, res, { values: { decidedOn: today, [SUBMISSION_FIELD]: deps.newId() } });
  });

  router.post(
    '/cases/:agency/:caseId/draft',
    signedIn('officer'),
    requireCsrf,
    parseForm,
    async (req: Request, res: Response) => {
      const { agency, caseId } = caseOf(req);
      const principal = portalPrincipal(res);
      if (agency !== principal.agency) throw notFound('no such case');
      const values = textValues(req.body);
      res.locals.formValues = values;
      const body = fieldsBody(DRAFT_FIELDS, values);
      deps.validate(DRAFT, body);
      // the form's submission key names the draft: sent again (a reload, a double click), it shows the same draft
      const submission = submissionKey(values);
      const draft = await deps.drafts.draft(
        principal,
        { caseId, requestId: requestId(res), ...(submission === undefined ? {} : { submission }) },
        body as unknown as ProposedDecision,
      );
      // Post/Redirect/Get: the draft's own page, which a reload or the language switch shows again unchanged
      res.redirect(303, draftPageHref({ agency, caseId }, draft.draftId));
    },
    formErrors((err: LedgerError, req: Request, res: Response) => {
      const ctx = pageContext(req, res, assets);
      const typed = (res.locals.formValues ?? {}) as Record<string, string>;
      // the key made another draft: the form comes back with a fresh one, so that sent again it drafts
      const values = retriedValues(err.code, typed, deps.newId);
      const state = { values, error: formErrorOf(ctx, err, DRAFT_FIELDS) };
      void render(req, res, state, err.status).catch((e: unknown) => req.next?.(e));
    }),
  );

  // the draft made, with the form filled in from it (its facts and reasons opened; left empty once the case is
  // erased) and a fresh key: changed and sent, it makes another draft
  router.get('/cases/:agency/:caseId/drafts/:draftId', signedIn('officer'), async (req, res) => {
    const { agency, caseId } = caseOf(req);
    const draftId = String(req.params.draftId);
    if (!ID_PATTERN.test(draftId)) throw notFound('no such draft');
    const why = purpose(req);
    const { file, draft, text } = await deps.drafts.view({
      principal: portalPrincipal(res),
      agency,
      caseId,
      draftId,
      requestId: requestId(res),
      ...(why === undefined ? {} : { purpose: why }),
    });
    const given = (name: string, value: string | undefined) => (value === undefined ? {} : { [name]: value });
    const values = {
      decisionType: draft.decisionType,
      documentNo: draft.documentNo,
      ...given('fineFen', draft.fineFen === undefined ? undefined : yuanText(draft.fineFen)),
      ...given('legalBasis', draft.legalBasis),
      ...given('decidedOn', draft.decidedOn),
      ...given('facts', text.facts),
      ...given('reasons', text.reasons),
      [SUBMISSION_FIELD]: deps.newId(),
    };
    show(req, res, { file, state: { values }, draft });
  });

  router.get('/cases/:agency/:caseId/drafts/:draftId/:format', signedIn(), async (req, res) => {
    const { agency, caseId } = caseOf(req);
    const draftId = String(req.params.draftId);
    const format = String(req.params.format);
    if (!ID_PATTERN.test(draftId) || !Object.hasOwn(DRAFT_FORMATS, format)) throw notFound('no such draft');
    const principal = portalPrincipal(res);
    if (agency !== principal.agency && !principal.supervises.includes(agency)) throw notFound('no such draft');
    const why = purpose(req);
    const { info, body } = await deps.drafts.open(
      principal,
      { caseId, draftId, requestId: requestId(res), ...(why === undefined ? {} : { purpose: why }) },
      format as DraftFormat,
    );
    res.setHeader('Content-Type', info.contentType);
    res.setHeader('Content-Length', String(info.size));
    res.setHeader('Cache-Control', 'private, max-age=0');
    res.setHeader('Content-Disposition', `attachment; filename="draft-${draftId}.${format}"`);
    pipeline(body, res, () => undefined);
  });

  return router;
}
