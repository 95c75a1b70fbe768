import type { AccessLog } from './access-log.js';
import type { SupervisionQuery } from './supervision-reads.js';

/**
 * Records that the supervision view `view` showed these rows' cases, on the supervisor's own trail
 * (`list_supervision`), before the view is returned. A row names a case when it has a string `agency` and `caseId`;
 * the others (an officer's certificate, an application's erasure) name none.
 */
export function recordSupervisionListing(
  access: Pick<AccessLog, 'listed'>,
  query: SupervisionQuery,
  view: string,
  rows: readonly object[],
): Promise<void> {
  const cases = rows.flatMap((row) => {
    const { agency, caseId } = row as { agency?: unknown; caseId?: unknown };
    return typeof agency === 'string' && typeof caseId === 'string' ? [{ agency, caseId }] : [];
  });
  return access.listed({
    principal: query.principal,
    action: 'list_supervision',
    view,
    requestId: query.requestId,
    ...(query.purpose === undefined ? {} : { purpose: query.purpose }),
    cases,
  });
}
