import { Router } from 'express';
import { pipeline } from 'node:stream';
import type { Principal } from '../app/auth.js';
import { DRAFT_FORMATS, type DecisionDrafts, type DraftFormat, type DraftRecord } from '../app/decision-drafts.js';
import type { ProposedDecision } from '../domain/drafting/render.js';
import { notFound } from '../domain/errors.js';
import { authenticate, principalOf, requireRoles } from './authenticate.js';
import { jsonBody } from './body.js';
import { consistencyOf } from './consistency.js';
import { idempotencyKey, purpose, requestId } from './request.js';
import type { Validate } from './validation.js';
import { ID_PATTERN } from '../domain/streams.js';

export interface DraftsApiDependencies {
  readonly drafts: DecisionDrafts;
  readonly verify: (token: string) => Principal;
  readonly validate: Validate;
}

/** Where a draft's file is read. */
export const draftHref = (caseId: string, draftId: string, format: DraftFormat) =>
  `/v1/cases/${encodeURIComponent(caseId)}/drafts/${encodeURIComponent(draftId)}/${format}`;

/** The answer to a draft: its id, the PDF's SHA-256 (the document to issue), and where both files are read. */
export function draftAnswer(record: DraftRecord) {
  const file = (format: DraftFormat) => {
    const { sha256, size, contentType } = record[format];
    return { sha256, size, contentType, href: draftHref(record.caseId, record.draftId, format) };
  };
  const { draftId, caseId, decisionType, documentNo, template } = record;
  return {
    draftId,
    caseId,
    decisionType,
    documentNo,
    template,
    documentSha256: record.pdf.sha256,
    pdf: file('pdf'),
    docx: file('docx'),
  };
}

/**
 * Drafting decision documents (文书制作): a handling officer drafts the decision it proposes from the case file
 * (`POST /v1/cases/{caseId}/drafts`); whoever may read the case reads the files, each read recorded. A draft is no
 * act: the decision is issued by recording `DecisionIssued`.
 */
export function draftsApi(deps: DraftsApiDependencies): Router {
  const router = Router();
  const auth = authenticate(deps.verify);

  router.post('/v1/cases/:caseId/drafts', auth, requireRoles('officer'), jsonBody(), async (req, res) => {
    const caseId = String(req.params.caseId);
    if (!ID_PATTERN.test(caseId)) throw notFound(`no case ${caseId}`);
    const consistentWith = consistencyOf(req);
    deps.validate('urn:evidence-ledger:schema:command:draft-decision', req.body);
    const key = idempotencyKey(req);
    const record = await deps.drafts.draft(
      principalOf(res),
      {
        caseId,
        requestId: requestId(res),
        ...(consistentWith === undefined ? {} : { consistentWith }),
        ...(key === undefined ? {} : { submission: key }),
      },
      req.body as ProposedDecision,
    );
    const answer = draftAnswer(record);
    // a retry under the same Idempotency-Key gets the draft the first request made
    res
      .status(record.replayed ? 200 : 201)
      .set('Location', answer.pdf.href)
      .json(answer);
  });

  router.get('/v1/cases/:caseId/drafts/:draftId/:format', auth, async (req, res) => {
    const { caseId, draftId, format } = req.params as Record<string, string>;
    if (!ID_PATTERN.test(caseId!) || !ID_PATTERN.test(draftId!) || !Object.hasOwn(DRAFT_FORMATS, format!))
      throw notFound('no such draft');
    const why = purpose(req);
    const { info, body } = await deps.drafts.open(
      principalOf(res),
      { caseId: caseId!, draftId: draftId!, requestId: requestId(res), ...(why === undefined ? {} : { purpose: why }) },
      format as DraftFormat,
    );
    res.setHeader('Content-Type', info.contentType);
    res.setHeader('Content-Length', String(info.size));
    res.setHeader('ETag', `"${info.sha256}"`);
    res.setHeader('Cache-Control', 'private, max-age=0');
    res.setHeader('Content-Disposition', `attachment; filename="draft-${draftId}.${format}"`);
    pipeline(body, res, () => undefined);
  });

  return router;
}
