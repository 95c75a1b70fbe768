import type { AccessLog, ListedCase, ListingAction, ListingRequest } from './access-log.js';
import type { Principal } from './auth.js';
import type { SupervisionQuery } from './supervision-reads.js';

/**
 * Records, on the reader's own trail and before the read is answered, that it showed these rows' cases: a row names
 * a case when it has a string `agency` and `caseId`; the others (an officer's certificate, an application's
 * erasure) name none. The one place a listing's record is made (`AccessLog.listed` writes it).
 */
export function recordListing(
  access: Pick<AccessLog, 'listed'>,
  request: ListingRequest & { readonly principal: Pick<Principal, 'sub' | 'agency' | 'roles'> },
  action: ListingAction,
  rows: readonly object[],
  view?: string,
): Promise<void> {
  const cases = rows.flatMap((row): ListedCase[] => {
    const { agency, caseId } = row as { agency?: unknown; caseId?: unknown };
    return typeof agency === 'string' && typeof caseId === 'string' ? [{ agency, caseId }] : [];
  });
  return access.listed({
    principal: request.principal,
    action,
    ...(view === undefined ? {} : { view }),
    requestId: request.requestId,
    ...(request.purpose === undefined ? {} : { purpose: request.purpose }),
    cases,
  });
}

/** {@link recordListing} of the supervision view `view` (`list_supervision`). */
export function recordSupervisionListing(
  access: Pick<AccessLog, 'listed'>,
  query: SupervisionQuery,
  view: string,
  rows: readonly object[],
): Promise<void> {
  return recordListing(access, query, 'list_supervision', rows, view);
}
