import type { DisclosureDoc } from '../../projections/disclosures.js';
import { ERASED, UNAVAILABLE } from '../ledger/read-markers.js';

/**
 * The public disclosure feed as Atom 1.0 (RFC 4287). A published decision is an `entry` whose `id` stays the same
 * for the life of the case's publication, so an update replaces it (same `id`, later `updated`); a withdrawn one is
 * an RFC 6721 tombstone (`at:deleted-entry`) naming that `id`. Renders documents that the disclosures projection
 * has already redacted; nothing here reads anything else.
 */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const TOMBSTONES_NS = 'http://purl.org/atompub/tombstones/1.0';
export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

/**
 * The entry id of a case's publication: a URN that never changes while the case exists. Case ids are unique within
 * an agency only, so the id names the agency too (each part percent-encoded, so no two pairs give one id).
 */
export function entryId(agency: string, caseId: string): string {
  return `urn:evidence-ledger:disclosure:${encodeURIComponent(agency)}:${encodeURIComponent(caseId)}`;
}

/** Characters XML 1.0 cannot carry at all (controls other than tab, newline and return; lone surrogates; U+FFFE/F). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text or attribute content, escaped; characters XML cannot carry are dropped. */
export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

const DECISION_LABELS: Readonly<Record<string, string>> = {
  warning: '警告',
  fine: '罚款',
  confiscation: '没收违法所得、没收非法财物',
  business_suspension: '责令停产停业',
  license_suspension: '暂扣许可证件',
  license_revocation: '吊销许可证件',
  license_granted: '准予许可',
  license_denied: '不予许可',
  coercive_measure: '行政强制措施',
  other: '其他',
};

/** Integer fen as yuan with two decimals, without floating point: 500000 → `5000.00`. */
export function yuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** A publication date as an RFC 3339 instant: the start of that day in China Standard Time. */
function dayStart(date: string): string {
  return `${date}T00:00:00+08:00`;
}

export interface FeedOptions {
  /** The absolute URL of this document (`link rel="self"`). */
  readonly self: string;
  /** The absolute URL of the next (older) page, when there is one (RFC 5005 paged feed). */
  readonly next?: string;
  /** The absolute URL of the same entries as JSON. */
  readonly alternate: string;
  /** A stable id for this feed (its filters included). */
  readonly id: string;
  /**
   * `updated` of a page that holds no entry and no checkpoint (a log before its first checkpoint): a fixed instant,
   * so that the document, and with it its `ETag`, stays the same until something is published.
   */
  readonly emptyUpdated: string;
  /** The absolute URL of an entry's page on the portal (its `link rel="alternate"`), when the service serves one. */
  readonly pageOf?: (d: DisclosureDoc) => string;
  /**
   * An agency's name as its profile records it (the entries' author and 执法机关), else its code; the code stays
   * in the entries' ids, which never change.
   */
  readonly agencyName?: (agency: string) => string;
  /** The latest signed checkpoint of the log, published as an entry of the first page. */
  readonly checkpoint?: { origin: string; size: number; rootHash: string; note: string; issuedAt: string };
}

/** Renders disclosures (newest change first) as one Atom feed document. */
export function renderFeed(docs: readonly DisclosureDoc[], options: FeedOptions): string {
  // when the document last changed: its latest entry, the checkpoint entry included (never when it was read)
  const instants = [...docs.map((d) => d.updatedAt), ...(options.checkpoint ? [options.checkpoint.issuedAt] : [])];
  const updated = instants.reduce<string | undefined>(
    (latest, t) => (latest === undefined || Date.parse(t) > Date.parse(latest) ? t : latest),
    undefined,
  );
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="${ATOM_NS}" xmlns:at="${TOMBSTONES_NS}">`,
    `  <id>${xmlEscape(options.id)}</id>`,
    '  <title>行政执法决定公示 (administrative enforcement decisions)</title>',
    `  <updated>${xmlEscape(updated ?? options.emptyUpdated)}</updated>`,
    '  <author><name>Evidence Ledger</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(options.self)}"/>`,
    `  <link rel="alternate" type="application/json" href="${xmlEscape(options.alternate)}"/>`,
    ...(options.next ? [`  <link rel="next" type="application/atom+xml" href="${xmlEscape(options.next)}"/>`] : []),
    ...(options.checkpoint ? [checkpointEntry(options.checkpoint)] : []),
    ...docs.map((d) => {
      const by = options.agencyName?.(d.agency) ?? d.agency;
      return d.status === 'withdrawn' ? tombstone(d, by) : entry(d, by, options.pageOf?.(d));
    }),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}

/**
 * The log's latest checkpoint as an entry (one id per tree size): anyone holding the feed holds a signed root to
 * check later checkpoints against (consistency proofs) and the published decisions' events against (inclusion).
 */
function checkpointEntry(c: NonNullable<FeedOptions['checkpoint']>): string {
  return [
    '  <entry>',
    `    <id>${xmlEscape(`urn:evidence-ledger:checkpoint:${c.origin}:${c.size}`)}</id>`,
    `    <title type="text">${xmlEscape(`日志检查点 (log checkpoint) ${c.origin} ${c.size}`)}</title>`,
    `    <updated>${xmlEscape(c.issuedAt)}</updated>`,
    `    <author><name>${xmlEscape(c.origin)}</name></author>`,
    `    <content type="text">${xmlEscape(c.note)}</content>`,
    '  </entry>',
  ].join('\n');
}

function entry(d: DisclosureDoc, by: string, page: string | undefined): string {
  const parties = (d.parties ?? [])
    .map((p) => (p.name === ERASED ? '〔已依法删除〕' : p.name === UNAVAILABLE ? '〔无法在此打开〕' : p.name))
    .join('、');
  const title = `${d.documentNo} ${d.itemName ?? d.itemCode}`;
  const content = [
    `案件编号：${d.caseId}`,
    `执法机关：${by}`,
    `执法事项：${d.itemCode}${d.itemName ? ` ${d.itemName}` : ''}`,
    `决定文书号：${d.documentNo}`,
    `当事人：${parties}`,
    `处理决定：${DECISION_LABELS[d.decisionType ?? ''] ?? d.decisionType ?? ''}`,
    ...(d.fineFen ? [`罚款金额：${yuan(d.fineFen)} 元`] : []),
    `法律依据：${d.legalBasis ?? ''}`,
    `决定日期：${d.decidedOn ?? ''}`,
    `公示日期：${d.publishedOn}`,
  ].join('\n');
  return [
    '  <entry>',
    `    <id>${xmlEscape(entryId(d.agency, d.caseId))}</id>`,
    `    <title type="text">${xmlEscape(title)}</title>`,
    `    <updated>${xmlEscape(d.updatedAt)}</updated>`,
    `    <published>${xmlEscape(dayStart(d.publishedOn))}</published>`,
    `    <author><name>${xmlEscape(by)}</name></author>`,
    ...(page ? [`    <link rel="alternate" type="text/html" href="${xmlEscape(page)}"/>`] : []),
    ...(d.category
      ? [`    <category scheme="urn:evidence-ledger:item-category" term="${xmlEscape(d.category)}"/>`]
      : []),
    `    <summary type="text">${xmlEscape(`${by} ${title}：${DECISION_LABELS[d.decisionType ?? ''] ?? ''}`)}</summary>`,
    `    <content type="text">${xmlEscape(content)}</content>`,
    '  </entry>',
  ].join('\n');
}

function tombstone(d: DisclosureDoc, by: string): string {
  const when = d.withdrawal?.withdrawnAt ?? d.updatedAt;
  const comment = `${d.documentNo} 已撤销公示${d.withdrawal?.reason ? `：${d.withdrawal.reason}` : ''}`;
  return [
    `  <at:deleted-entry ref="${xmlEscape(entryId(d.agency, d.caseId))}" when="${xmlEscape(when)}">`,
    `    <at:by><name>${xmlEscape(by)}</name></at:by>`,
    `    <at:comment>${xmlEscape(comment)}</at:comment>`,
    '  </at:deleted-entry>',
  ].join('\n');
}
