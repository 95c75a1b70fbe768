import type { Request, Response } from 'express';
import type { AccessAction, ListingRequest } from '../app/access-log.js';
import type { CaseFileRetrieval } from '../app/case-file-reads.js';
import type { Retrieval } from '../app/case-reads.js';
import { principalOf } from './authenticate.js';
import { consistencyOf } from './consistency.js';
import { id } from './query.js';
import { purpose, requestId } from './request.js';

/** A read of case `caseId` as the request asks for it: who, `?agency=` (which agency's case), why (`x-purpose`). */
export function retrievalOf(req: Request, res: Response, caseId: string, action: AccessAction): Retrieval {
  const agency = id(req.query.agency, 'agency');
  const why = purpose(req);
  return {
    principal: principalOf(res),
    caseId,
    action,
    requestId: requestId(res),
    ...(agency === undefined ? {} : { agency }),
    ...(why === undefined ? {} : { purpose: why }),
  };
}

/** A read of case `caseId`'s file, which may ask to show a write first (`?consistentWith=`). */
export function caseFileRetrievalOf(
  req: Request,
  res: Response,
  caseId: string,
  action: AccessAction,
): CaseFileRetrieval {
  const consistentWith = consistencyOf(req);
  const retrieval = retrievalOf(req, res, caseId, action);
  return consistentWith === undefined ? retrieval : { ...retrieval, consistentWith };
}

/** What a listing's record takes of the request: its id and why (`x-purpose`). */
export function listingOf(req: Request, res: Response): ListingRequest {
  const why = purpose(req);
  return { requestId: requestId(res), ...(why === undefined ? {} : { purpose: why }) };
}
