import { REVIEW_CHECKS } from '../domain/case/acts.js';
import { csvFile, type CsvValue } from './csv.js';

/**
 * How a supervision view's JSON answer becomes a CSV table: the lists of the answer that hold its entries, the
 * member of an entry whose list gives one row per element (the entry's other columns repeated; one row with those
 * columns empty when the list is empty), and the columns, as dotted paths into a row.
 */
export interface ListTable {
  /** The file name's stem. */
  readonly name: string;
  /** Members of the answer holding entries; with more than one, a first column `list` names each row's. */
  readonly lists: readonly string[];
  readonly explode?: string;
  readonly columns: readonly string[];
}

const OFFICER = ['officerId', 'name', 'agency', 'certificateNo', 'validFrom', 'validTo', 'status'];

/** The CSV form of each supervision list, by route. */
export const SUPERVISION_TABLES = {
  overdueDisclosures: {
    name: 'overdue-disclosures',
    lists: ['items'],
    columns: [
      'caseId',
      'agency',
      'itemCode',
      'decisionType',
      'decidedOn',
      'dueBy',
      'status',
      'disclosedOn',
      'recordedOn',
      'daysOverdue',
      'attestation.dueBy',
      'attestation.deadline',
      'attestation.status',
      'attestation.attestedBy',
      'attestation.checkpointSize',
      'attestation.source',
    ],
  },
  overdueReviews: {
    name: 'overdue-reviews',
    lists: ['items'],
    columns: [
      'caseId',
      'agency',
      'itemCode',
      'requestEventId',
      'requestedOn',
      'workingDays',
      'dueBy',
      'status',
      'completedOn',
      'recordedOn',
      'daysOverdue',
    ],
  },
  dueForErasure: {
    name: 'due-for-erasure',
    lists: ['items'],
    columns: [
      'kind',
      'caseId',
      'applicationId',
      'agency',
      'itemCode',
      'itemName',
      'closedOn',
      'major',
      'retention.period',
      'retention.source',
      'erasableFrom',
      'daysPast',
    ],
  },
  erasures: {
    name: 'erasures',
    lists: ['items'],
    columns: ['kind', 'caseId', 'applicationId', 'agency', 'erasedAt', 'by', 'ground', 'eventId'],
  },
  overdueInspections: {
    name: 'overdue-inspections',
    lists: ['items'],
    explode: 'targets',
    columns: [
      'agency',
      'planId',
      'title',
      'startsOn',
      'stage',
      'dueBy',
      'daysOverdue',
      'drawn',
      'targets.subjectId',
      'targets.name',
      'targets.inspectors',
    ],
  },
  missingRecordings: {
    name: 'missing-recordings',
    lists: ['items'],
    explode: 'acts',
    columns: [
      'caseId',
      'agency',
      'itemCode',
      'status',
      'lastActivityOn',
      'acts.eventId',
      'acts.type',
      'acts.occurredAt',
      'acts.method',
    ],
  },
  majorDecisions: {
    name: 'major-decisions',
    lists: ['items'],
    explode: 'reviews',
    columns: [
      'caseId',
      'agency',
      'itemCode',
      'decision.eventId',
      'decision.decisionType',
      'decision.fineFen',
      'decision.decidedOn',
      'decision.documentNo',
      'decision.legalBasis',
      'decision.recordedBy',
      'matchedApprovedReview',
      'clearedBy',
      'legalBasisAsReviewed',
      'reviews.eventId',
      'reviews.occurredAt',
      'reviews.reviewer',
      'reviews.outcome',
      'reviews.proposal.decisionType',
      'reviews.proposal.fineFen',
      'reviews.proposal.legalBasis',
      ...REVIEW_CHECKS.map((check) => `reviews.checks.${check}`),
      'reviews.resolution',
      'reviews.coordinator',
      'attestation.dueBy',
      'attestation.deadline',
      'attestation.status',
      'attestation.attestedBy',
      'attestation.checkpointSize',
      'attestation.source',
    ],
  },
  access: {
    name: 'access',
    lists: ['items'],
    columns: [
      'at',
      'sub',
      'agency',
      'caseId',
      'caseAgency',
      'action',
      'view',
      'outcome',
      'purpose',
      'media',
      'requestId',
    ],
  },
  deniedAccess: {
    name: 'denied-access',
    lists: ['items'],
    columns: ['at', 'sub', 'agency', 'action', 'caseId', 'media', 'purpose', 'requestId'],
  },
  certificates: {
    name: 'certificates',
    lists: ['actsOutsideValidity', 'expiring', 'expired'],
    explode: 'acts',
    columns: [
      ...OFFICER,
      'daysLeft',
      'daysSince',
      'more',
      'acts.caseId',
      'acts.agency',
      'acts.eventId',
      'acts.type',
      'acts.on',
    ],
  },
  reviewerRatio: {
    name: 'reviewer-ratio',
    lists: ['items'],
    columns: ['agency', 'activeOfficers', 'reviewers', 'qualifiedReviewers', 'ratio', 'required', 'meets'],
  },
  warnings: {
    name: 'warnings',
    lists: ['items'],
    columns: ['code', 'year', 'since', 'message'],
  },
  devices: {
    name: 'devices',
    lists: ['items'],
    columns: ['deviceId', 'agency', 'holder', 'model', 'serialNo', 'status', 'recordings', 'registeredAt', 'updatedAt'],
  },
  deviceRecordings: {
    name: 'device-recordings',
    lists: ['items'],
    explode: 'media',
    columns: [
      'deviceId',
      'agency',
      'caseId',
      'eventId',
      'occurredAt',
      'recordedBy',
      'relatesTo',
      'media.sha256',
      'media.size',
      'media.contentType',
    ],
  },
  overdueApplications: {
    name: 'overdue-applications',
    lists: ['items'],
    columns: ['applicationId', 'agency', 'itemCode', 'filedOn', 'acceptBy', 'daysOverdue'],
  },
  discretionDeviations: {
    name: 'discretion-deviations',
    lists: ['items'],
    columns: ['caseId', 'agency', 'itemCode', 'status', 'lastActivityOn'].concat(
      ...['proposal', 'decision'].map((of) =>
        ['eventId', 'circumstance', 'fineFen', 'minFen', 'maxFen', 'within', 'benchmarkVersion'].map(
          (m) => `${of}.${m}`,
        ),
      ),
    ),
  },
  /** `byRule` is a list here, of `{rule, ...}`: see {@link weakPointsRows}. */
  evaluationWeakPoints: {
    name: 'evaluation-weak-points',
    lists: ['byRule', 'byItem', 'byOfficer'],
    columns: [
      'rule',
      'agency',
      'itemCode',
      'officerId',
      'evaluations',
      'points',
      'maxPoints',
      'deductions',
      'percent',
      'itemName',
    ],
  },
  quarantine: {
    name: 'quarantine',
    lists: ['items'],
    columns: ['position', 'projection', 'eventId', 'stream', 'type', 'agency', 'recordedAt', 'reason'],
  },
} satisfies Record<string, ListTable>;

type Row = Readonly<Record<string, unknown>>;

/**
 * The weak points' answer with its `byRule` (an object: rule → figures) as a list of rows `{rule, ...figures}`, in
 * the answer's order, as the CSV file lists them beside `byItem` and `byOfficer`.
 */
export function weakPointsRows<A extends { readonly byRule: Readonly<Record<string, object>> }>(
  answer: A,
): Omit<A, 'byRule'> & { byRule: Row[] } {
  return { ...answer, byRule: Object.entries(answer.byRule).map(([rule, figures]) => ({ rule, ...figures })) };
}

/** The answer of a view as a CSV file: a header row of the column paths, then a row per entry (or element). */
export function listCsv(table: ListTable, answer: object): string {
  const many = table.lists.length > 1;
  const header = [...(many ? ['list'] : []), ...table.columns];
  const rows = table.lists.flatMap((list) => {
    const entries = ((answer as Row)[list] ?? []) as readonly Row[];
    return entries
      .flatMap((entry) => exploded(entry, table.explode))
      .map((row) => [...(many ? [list] : []), ...table.columns.map((column) => cell(valueAt(row, column)))]);
  });
  return csvFile([header, ...rows]);
}

function exploded(entry: Row, member: string | undefined): Row[] {
  const inner = member === undefined ? undefined : entry[member];
  if (member === undefined || !Array.isArray(inner) || inner.length === 0) return [entry];
  return inner.map((element: unknown) => ({ ...entry, [member]: element }));
}

function valueAt(row: Row, path: string): unknown {
  let node: unknown = row;
  for (const member of path.split('.')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Row)[member];
  }
  return node;
}

/** Absent is empty; a list of values is joined with `; `; anything else nested (never expected) as JSON. */
function cell(value: unknown): CsvValue {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.join('; ');
  return JSON.stringify(value);
}
