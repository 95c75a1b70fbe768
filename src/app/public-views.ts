import type { DisclosureDoc } from '../../projections/disclosures.js';
import type { ItemDoc, OfficerDoc } from '../../projections/registry.js';
import { publicFine } from '../domain/redaction.js';
import type { PublicRedaction } from './personal-reads.js';

/** A published decision as the JSON list shows it (the members of the DESIGN contract and a few more). */
export function publishedView(d: DisclosureDoc & { redactions?: readonly PublicRedaction[] }) {
  return {
    caseId: d.caseId,
    agency: d.agency,
    itemCode: d.itemCode,
    ...(d.itemName === undefined ? {} : { itemName: d.itemName }),
    ...(d.category === undefined ? {} : { category: d.category }),
    decisionType: d.decisionType,
    // DESIGN's list item always has fineFen, as the case file: 0 when the decision carries no fine (a warning, a
    // licence); the pages and the feed then show no amount
    fineFen: publicFine(d.fineFen).fineFen ?? 0,
    legalBasis: d.legalBasis,
    documentNo: d.documentNo,
    decidedOn: d.decidedOn,
    publishedOn: d.publishedOn,
    updatedAt: d.updatedAt,
    parties: d.parties ?? [],
    // what the decision's page shows of its publication: its deadline, whether it was met, its updates
    ...(d.dueBy === undefined ? {} : { dueBy: d.dueBy }),
    ...(d.onTime === undefined ? {} : { onTime: d.onTime }),
    updates: d.updates ?? [],
    ...(d.redactions === undefined ? {} : { redactions: d.redactions }),
    ...(d.eventId === undefined ? {} : { eventId: d.eventId }),
  };
}

/**
 * A disclosed decision as its own page shows it: the list's members, when it was due to be published and whether
 * it was by then, its updates, and the event to check in the ledger (its id and hash); a withdrawn one as its
 * notice.
 */
export function decisionView(d: DisclosureDoc & { redactions?: readonly PublicRedaction[] }) {
  const hash = d.eventHash === undefined ? {} : { eventHash: d.eventHash };
  if (d.status === 'withdrawn') return { status: 'withdrawn' as const, ...withdrawalView(d), ...hash };
  return {
    status: 'published' as const,
    ...publishedView(d),
    ...hash,
  };
}

/** A withdrawal notice: which publication was withdrawn, when and why; nothing of the decision itself. */
export function withdrawalView(d: DisclosureDoc) {
  return {
    caseId: d.caseId,
    agency: d.agency,
    itemCode: d.itemCode,
    ...(d.itemName === undefined ? {} : { itemName: d.itemName }),
    documentNo: d.documentNo,
    publishedOn: d.publishedOn,
    withdrawnAt: d.withdrawal?.withdrawnAt ?? d.updatedAt,
    reason: d.withdrawal?.reason ?? '',
    ...(d.eventId === undefined ? {} : { eventId: d.eventId }),
  };
}

/** The public officer list (执法人员名单): who may enforce, with which certificate, until when. */
export function officerView(o: OfficerDoc) {
  return {
    name: o.name,
    certificateNo: o.certificateNo,
    agency: o.agency,
    categories: o.categories ?? [],
    validFrom: o.validFrom,
    validTo: o.validTo,
    status: o.status,
    keys: o.keys ?? [],
  };
}

/** The enforcement-item list (执法事项清单). */
export function itemView(i: ItemDoc) {
  return {
    code: i.code,
    agency: i.agency,
    name: i.name,
    category: i.category,
    ...(i.field === undefined ? {} : { field: i.field }),
    legalBasis: i.legalBasis,
    ...(i.duties === undefined ? {} : { duties: i.duties }),
    ...(i.powers === undefined ? {} : { powers: i.powers }),
    ...(i.major === undefined ? {} : { major: i.major }),
    ...(i.reviewMaterials === undefined ? {} : { reviewMaterials: i.reviewMaterials }),
    ...(i.reviewWorkingDays === undefined ? {} : { reviewWorkingDays: i.reviewWorkingDays }),
    ...(i.disclosureWorkingDays === undefined ? {} : { disclosureWorkingDays: i.disclosureWorkingDays }),
    ...(i.retention === undefined ? {} : { retention: i.retention }),
    retired: i.retired,
  };
}
