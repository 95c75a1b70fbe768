import { searchFold } from '../domain/search-fold.js';
import { CHECKPOINTS, type CheckpointDoc } from '../../projections/checkpoints.js';
import { caseKey } from '../../projections/case-files.js';
import { DISCLOSURES, type DisclosureDoc } from '../../projections/disclosures.js';
import { AGENCIES, type AgencyDoc, type ItemDoc, type OfficerDoc } from '../../projections/registry.js';
import type { Position } from '../ports/event-store.js';
import type { Page, Query, ReadModelStore } from '../ports/read-models.js';
import { caughtUp, type ReadConsistency } from './read-consistency.js';
import { checkpointOf } from './transparency-log.js';
import { pageOf, readAll, type Paging } from './read-pages.js';
import { InvalidQuery } from '../errors.js';
import { decisionView, itemView, officerView, publishedView, withdrawalView } from './public-views.js';
import { attestationOf, type DisclosureAttestations } from './disclosure-attestation.js';
import type { PersonalReads } from './personal-reads.js';

export interface PublicReadsDependencies {
  readonly readModels: ReadModelStore;
  readonly runner: ReadConsistency;
  /** What the RFC 3161 time-stamps show of a disclosure's timeliness (docs/integrity.md §15.5). */
  readonly attestations?: Pick<DisclosureAttestations, 'of'>;
  /** Opens and masks the sealed persons' names of an entry (docs/privacy.md); without it they show empty. */
  readonly names?: Pick<PersonalReads, 'openDisclosure'>;
}

/**
 * Which published decisions: of an agency, of an enforcement item or a category of items, published between two
 * dates, matching a search.
 */
export interface DisclosureFilter {
  readonly agency?: string;
  readonly itemCode?: string;
  readonly category?: string;
  /** The decision's type (`fine`, `warning`, `license_granted`, ...: `DECISION_TYPES`). */
  readonly decisionType?: string;
  /**
   * Words (separated by spaces) that the document number, the item's code or name or a (redacted) party's name
   * must each contain: the public search ({@link searchWords}).
   */
  readonly q?: string;
  /** Publication dates, inclusive. */
  readonly from?: string;
  readonly to?: string;
}

/** The longest search the public lists take, in characters, and the most words in it. */
export const MAX_SEARCH_CHARS = 100;
export const MAX_SEARCH_WORDS = 8;

/**
 * A public search without its control characters (NUL, escapes, ...), each taken as a space: they are in no
 * searched text, so they neither match anything nor reach a page that shows the search.
 */
export function searchText(q: string): string {
  return q.replace(/\p{Cc}/gu, ' ');
}

/**
 * The words of a public search, in their search fold ({@link searchFold}: full-width forms as ASCII, every bracket
 * as round), split at white space and control characters ({@link searchText}), each matched as it is written (ignoring the case of ASCII
 * letters) against the searched text of an entry. More than {@link MAX_SEARCH_CHARS} characters or
 * {@link MAX_SEARCH_WORDS} words is `400 invalid_query`.
 */
export function searchWords(q: string): string[] {
  if (q.length > MAX_SEARCH_CHARS) throw new InvalidQuery(`q must be at most ${MAX_SEARCH_CHARS} characters`);
  const words = [...new Set(searchText(searchFold(q)).split(/\s+/u).filter(Boolean))];
  if (words.length > MAX_SEARCH_WORDS) throw new InvalidQuery(`q must be at most ${MAX_SEARCH_WORDS} words`);
  return words;
}

/**
 * Where a page of the JSON disclosure list starts in each of its two sequences, published decisions and
 * withdrawal notices: absent on the first page, `null` once the sequence is exhausted.
 */
export interface DisclosuresPosition {
  readonly items?: string | null;
  readonly withdrawals?: string | null;
}

/**
 * What anyone may read (行政执法公示), from the read models: disclosed decisions (redacted by their projection), the
 * officer list, the enforcement-item list and the latest checkpoint of the log. Each read waits for
 * `consistentWith` (a write's position) first, when given.
 */
export class PublicReads {
  constructor(private readonly deps: PublicReadsDependencies) {}

  /**
   * Waits until the read models have applied the log up to `consistentWith` (a write's position), as each read
   * here does when given one: the public pages wait once, before they read, whatever they read.
   */
  async caughtUp(consistentWith: Position | undefined): Promise<void> {
    await caughtUp(this.deps.runner, consistentWith);
  }

  /**
   * A page of the JSON list: published decisions, newest publication first, beside withdrawal notices, newest
   * withdrawal first; `next` says where each sequence goes on, when either does.
   */
  async disclosures(filter: DisclosureFilter, limit: number, at: DisclosuresPosition, consistentWith?: Position) {
    await caughtUp(this.deps.runner, consistentWith);
    const page = (status: DisclosureDoc['status'], orderBy: string, after: string | null | undefined) =>
      after === null
        ? ({ items: [] } as Page<DisclosureDoc>)
        : this.disclosurePage(filter, status, { orderBy, limit, ...(after === undefined ? {} : { after }) });
    const items = await this.#opened(page('published', 'publishedOn', at.items));
    const withdrawals = page('withdrawn', 'updatedAt', at.withdrawals);
    const more = items.next !== undefined || withdrawals.next !== undefined;
    const checkpoint = this.latestCheckpoint();
    const named = this.#agencyNamer();
    return {
      items: items.items.map((d) => named(this.#listed(d))),
      withdrawals: withdrawals.items.map((d) => named(withdrawalView(d))),
      ...(checkpoint ? { checkpoint } : {}),
      ...(more ? { next: { items: items.next ?? null, withdrawals: withdrawals.next ?? null } } : {}),
    };
  }

  /**
   * A page of the feed: publications and withdrawals together, newest change first, as stored (the feed renders
   * them); the first page also carries the latest checkpoint.
   */
  async feed(filter: DisclosureFilter, paging: Paging, consistentWith?: Position) {
    await caughtUp(this.deps.runner, consistentWith);
    const page = await this.#opened(this.disclosurePage(filter, undefined, { orderBy: 'updatedAt', ...paging }));
    const checkpoint = paging.after === undefined ? this.latestCheckpoint() : undefined;
    return { ...page, ...(checkpoint ? { checkpoint } : {}) };
  }

  /**
   * One disclosed decision as its public page shows it (the list's members, its deadline, updates and the event to
   * check in the ledger), or its withdrawal notice; undefined when the case has no public entry.
   */
  async disclosure(agency: string, caseId: string, consistentWith?: Position) {
    await caughtUp(this.deps.runner, consistentWith);
    const stored = this.deps.readModels.get<DisclosureDoc>(DISCLOSURES, caseKey(agency, caseId));
    if (!stored) return undefined;
    const doc = this.deps.names ? await this.deps.names.openDisclosure(stored) : stored;
    const view = decisionView(doc);
    return view.status === 'published' ? { ...view, ...this.#attestation(doc) } : view;
  }

  /**
   * The public record that the event at `position` made of a case's entry (its disclosure, an update, its
   * withdrawal), exactly as the JSON list shows the entry, with the event's hash; undefined when the case has no
   * public entry, or when a later event changed the entry since (that event's record is the current one).
   */
  async recordAt(agency: string, caseId: string, position: Position) {
    await caughtUp(this.deps.runner, position);
    const stored = this.deps.readModels.get<DisclosureDoc>(DISCLOSURES, caseKey(agency, caseId));
    if (!stored || stored.position !== position || stored.eventHash === undefined) return undefined;
    if (stored.status === 'withdrawn') return { record: withdrawalView(stored), eventHash: stored.eventHash };
    const [opened] = (await this.#opened({ items: [stored] })).items;
    return { record: this.#listed(opened!), eventHash: stored.eventHash };
  }

  /** A published decision as the JSON list shows it. */
  #listed(d: DisclosureDoc) {
    return { ...publishedView(d), ...this.#attestation(d) };
  }

  /** The page with each entry's sealed names opened and masked. */
  async #opened(page: Page<DisclosureDoc>): Promise<Page<DisclosureDoc>> {
    const names = this.deps.names;
    if (!names || !page.items.some((d) => d.sealedNames || d.partiesCorrection)) return page;
    return { ...page, items: await Promise.all(page.items.map((d) => names.openDisclosure(d))) };
  }

  #attestation(d: DisclosureDoc) {
    return attestationOf(this.deps.attestations, d);
  }

  /**
   * The agencies and enforcement items the public lists name, for the filters of the portal's pages: the agencies
   * with an item on the list or a public profile.
   */
  async catalogue() {
    const items = readAll<ItemDoc>(this.deps.readModels, 'items', {});
    const profiles = readAll<AgencyDoc>(this.deps.readModels, AGENCIES, {});
    const agencies = [...new Set([...items.map((i) => i.agency), ...profiles.map((p) => p.agency)])].sort();
    const byCode = new Map<string, string>();
    for (const item of items) if (!byCode.has(item.code)) byCode.set(item.code, item.name);
    return {
      agencies,
      items: [...byCode].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)),
    };
  }

  /** The public officer list (执法人员名单). */
  async officers(filter: { agency?: string; status?: string }, paging: Paging, consistentWith?: Position) {
    await caughtUp(this.deps.runner, consistentWith);
    const where: Record<string, string> = {};
    if (filter.agency !== undefined) where.agency = filter.agency;
    if (filter.status !== undefined) where.status = filter.status;
    const page = pageOf(() => this.deps.readModels.query<OfficerDoc>('officers', { where, ...paging }));
    const named = this.#agencyNamer();
    return {
      items: page.items.map((o) => named(officerView(o))),
      ...(page.next === undefined ? {} : { next: page.next }),
    };
  }

  /** The enforcement-item list (执法事项清单). */
  async items(
    filter: { agency?: string; category?: string; retired?: boolean },
    paging: Paging,
    consistentWith?: Position,
  ) {
    await caughtUp(this.deps.runner, consistentWith);
    const where: Record<string, string | boolean> = {};
    if (filter.agency !== undefined) where.agency = filter.agency;
    if (filter.category !== undefined) where.category = filter.category;
    if (filter.retired !== undefined) where.retired = filter.retired;
    const page = pageOf(() => this.deps.readModels.query<ItemDoc>('items', { where, ...paging }));
    const named = this.#agencyNamer();
    return {
      items: page.items.map((i) => named(itemView(i))),
      ...(page.next === undefined ? {} : { next: page.next }),
    };
  }

  /**
   * An entry of a list with its agency's name beside its code (`agencyName`, as the agency's public profile records
   * it now), when the agency has recorded one: a reader of the lists need not join `GET /v1/agencies`. Each agency
   * is looked up once per list.
   */
  #agencyNamer(): <T extends { readonly agency: string }>(entry: T) => T & { agencyName?: string } {
    const names = new Map<string, string | undefined>();
    return (entry) => {
      if (!names.has(entry.agency))
        names.set(entry.agency, this.deps.readModels.get<AgencyDoc>(AGENCIES, entry.agency)?.name);
      const name = names.get(entry.agency);
      return name === undefined ? entry : { ...entry, agencyName: name };
    };
  }

  private disclosurePage(
    filter: DisclosureFilter,
    status: DisclosureDoc['status'] | undefined,
    page: { orderBy: string; limit: number; after?: string },
  ): Page<DisclosureDoc> {
    const { agency, itemCode, category, decisionType, from, to, q } = filter;
    const where: Record<string, string> = {};
    if (status !== undefined) where.status = status;
    if (agency !== undefined) where.agency = agency;
    if (itemCode !== undefined) where.itemCode = itemCode;
    if (category !== undefined) where.category = category;
    if (decisionType !== undefined) where.decisionType = decisionType;
    const words = q === undefined ? [] : searchWords(q);
    const query: Query = {
      where,
      ...(words.length > 0 ? { contains: words } : {}),
      ...(from !== undefined || to !== undefined
        ? { range: { member: 'publishedOn', ...(from ? { from } : {}), ...(to ? { to } : {}) } }
        : {}),
      direction: 'desc',
      ...page,
    };
    return pageOf(() => this.deps.readModels.query<DisclosureDoc>(DISCLOSURES, query));
  }

  /** The latest checkpoint of the log, published with the decisions. */
  private latestCheckpoint() {
    const [latest] = this.deps.readModels.query<CheckpointDoc>(CHECKPOINTS, {
      orderBy: 'size',
      direction: 'desc',
      limit: 1,
    }).items;
    // as GET /v1/ledger/checkpoint serves it: with its witnesses' cosignatures and its time-stamps
    return latest ? checkpointOf(latest) : undefined;
  }
}
