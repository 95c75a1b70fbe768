import { RETENTION, type RetentionDoc } from '../../projections/retention.js';
import type { ReadModelStore } from '../ports/read-models.js';
import { daysBetween } from './days.js';
import { filledPage, type Paging } from './read-pages.js';

/**
 * A closed file whose retention has run out by `asOf` and whose personal data has not been erased: a case's (with
 * `caseId` and whether it was major), or a refused application's (with `applicationId`; `closedOn` is the refusal).
 */
export function dueForErasureView(doc: RetentionDoc, asOf: string) {
  if (doc.erased || doc.erasableFrom === undefined || doc.erasableFrom > asOf) return undefined;
  const { retention } = doc;
  const file =
    doc.kind === 'application'
      ? { kind: 'application' as const, applicationId: doc.applicationId! }
      : { kind: 'case' as const, caseId: doc.caseId! };
  return {
    ...file,
    agency: doc.agency,
    itemCode: doc.itemCode,
    ...(doc.itemName === undefined ? {} : { itemName: doc.itemName }),
    closedOn: doc.closedOn,
    ...(doc.kind === 'application' ? {} : { major: doc.major }),
    retention: { period: retention.period, source: retention.source },
    erasableFrom: doc.erasableFrom,
    daysPast: daysBetween(doc.erasableFrom, asOf),
  };
}

/**
 * The closed files of `scope` due for erasure on `asOf` (the longest past first): cases and refused applications
 * whose retention, fixed when they closed, has run out, and for which no `CaseDataErased` (or
 * `ApplicationDataErased`) has been recorded. Nothing is erased by being listed.
 */
export function dueForErasurePage(
  readModels: Pick<ReadModelStore, 'query'>,
  scope: readonly string[],
  asOf: string,
  paging: Paging,
) {
  return filledPage(
    readModels,
    RETENTION,
    {
      where: { agency: [...scope], erased: false },
      range: { member: 'erasableFrom', to: asOf },
      orderBy: 'erasableFrom',
      direction: 'asc',
    },
    (doc: RetentionDoc) => dueForErasureView(doc, asOf),
    paging,
  );
}
