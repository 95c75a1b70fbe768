import { CASES, caseKey } from '../../projections/case-files.js';
import { CASE_TEXTS, type CaseTextDoc } from '../../projections/case-texts.js';
import type { Doc, ReadModelStore } from '../ports/read-models.js';

/**
 * Similar cases (类案推送): the decided cases whose searched text shares the most three-character runs with a case
 * file's, closest first, so an officer handling a case sees how the same matter was decided before.
 *
 * The case texts (`case_texts`, `projections/case-texts.ts`) are searched through SQLite FTS5 with the trigram tokenizer, which indexes every
 * three-character run of the text. A case's text therefore becomes a query of its distinct three-character windows,
 * each quoted as an FTS5 phrase and joined with `OR`; FTS5 ranks the matches by BM25, so a window that few case
 * files contain (a rare term of the matter) weighs more than one most contain (such as the item name).
 */

/** Most windows a query holds: enough for a title and the findings, few enough to keep the search quick. */
export const MAX_WINDOWS = 64;

/** Most similar cases asked for at once. */
export const MAX_SIMILAR = 20;

/**
 * Windows holding any of these are skipped: whitespace and control characters (a run across lines or words says
 * nothing), and the characters FTS5 query syntax gives a meaning outside a string (`* ^ ( ) : + { } -`). A `"` is
 * text like any other: it is doubled inside the phrase, as FTS5 string syntax requires.
 */
const SKIPPED = /[\s\p{Cc}*^():{}+-]/u;

/**
 * The FTS5 `MATCH` expression for texts, in order of preference: the distinct three-character windows of each
 * text in turn (case-insensitively distinct, as the trigram tokenizer folds case), each as a quoted phrase, joined
 * with ` OR `, at most `max` of them, so the windows of earlier texts are kept when the cap is reached.
 * `undefined` when no text yields a window: there is nothing to search for.
 */
export function similarityMatch(texts: readonly string[], max: number = MAX_WINDOWS): string | undefined {
  const seen = new Set<string>();
  const phrases: string[] = [];
  for (const text of texts) {
    const chars = Array.from(text); // code points: a character outside the BMP is one character to the tokenizer
    for (let i = 0; i + 3 <= chars.length && phrases.length < max; i++) {
      const window = chars.slice(i, i + 3).join('');
      if (SKIPPED.test(window)) continue;
      const folded = window.toLowerCase();
      if (seen.has(folded)) continue;
      seen.add(folded);
      phrases.push(`"${window.replaceAll('"', '""')}"`);
    }
    if (phrases.length >= max) break;
  }
  return phrases.length === 0 ? undefined : phrases.join(' OR ');
}

/** What similar-case search reads of a case file (the `case-files` projection's document has these members). */
export interface SimilarCaseSource {
  readonly caseId: string;
  readonly agency: string;
  readonly title: string;
  /** What the case's on-site inspections found, in the order recorded. */
  readonly findings?: readonly string[];
}

/** A decided case file as the search returns it. */
interface DecidedCaseDoc extends Doc {
  caseId: string;
  agency: string;
  title: string;
  itemCode: string;
  itemName?: string;
  status: string;
  decision?: { decisionType: string; fineFen: number; legalBasis: string; decidedOn: string; documentNo: string };
}

export interface SimilarCase {
  readonly caseId: string;
  readonly agency: string;
  readonly title: string;
  readonly itemCode: string;
  readonly itemName?: string;
  readonly status: string;
  readonly decision: {
    readonly decisionType: string;
    readonly fineFen: number;
    readonly legalBasis: string;
    readonly decidedOn: string;
    readonly documentNo: string;
  };
  /**
   * How close the case is: the BM25 relevance FTS5 computes (its `bm25()` with the sign turned, to four significant
   * digits). Higher is closer; it grows with the windows shared, weighted by how rare each is among all case files,
   * and shrinks with the length of the case's text. It depends on the whole collection, so it ranks the cases of
   * one answer and is not a percentage, nor comparable between answers.
   */
  readonly score: number;
}

export interface SimilarCasesOptions {
  /** The agencies whose cases may be returned (the caller's own and those it supervises). */
  readonly scope: readonly string[];
  /** Most cases returned (1–{@link MAX_SIMILAR}). */
  readonly limit: number;
  /**
   * The case's whole searched text (`caseText` of the `case-files` projection). Its windows follow those of the
   * title and the findings; without it, the title and findings alone are searched for.
   */
  readonly text?: string;
}

/**
 * The decided cases of the agencies in scope most similar to `doc`, closest first, never `doc` itself. None when
 * the case has no text to search for or the scope is empty.
 */
export function similarCases(
  store: Pick<ReadModelStore, 'search' | 'get'>,
  doc: SimilarCaseSource,
  options: SimilarCasesOptions,
): SimilarCase[] {
  const limit = Math.min(MAX_SIMILAR, Math.max(1, Math.floor(options.limit)));
  const match = similarityMatch([doc.title, ...(doc.findings ?? []), options.text ?? '']);
  if (match === undefined || options.scope.length === 0) return [];
  const hits = store.search<CaseTextDoc>(CASE_TEXTS, match, {
    where: { agency: [...options.scope], decided: true },
    limit: limit + 1, // the case itself may be among them
  });
  return hits
    .filter((hit) => !(hit.doc.caseId === doc.caseId && hit.doc.agency === doc.agency))
    .flatMap(({ doc: text, rank }) => {
      const decided = store.get<DecidedCaseDoc>(CASES, caseKey(text.agency, text.caseId));
      return decided?.decision ? [similarOf(decided, rank)] : [];
    })
    .slice(0, limit);
}

function similarOf(doc: DecidedCaseDoc, rank: number): SimilarCase {
  const d = doc.decision!;
  return {
    caseId: doc.caseId,
    agency: doc.agency,
    title: doc.title,
    itemCode: doc.itemCode,
    ...(doc.itemName === undefined ? {} : { itemName: doc.itemName }),
    status: doc.status,
    decision: {
      decisionType: d.decisionType,
      fineFen: d.fineFen,
      legalBasis: d.legalBasis,
      decidedOn: d.decidedOn,
      documentNo: d.documentNo,
    },
    score: scoreOf(rank),
  };
}

/** BM25 as FTS5 reports it is negative, lower being closer: turned, and kept to four significant digits. */
export function scoreOf(rank: number): number {
  const score = -rank;
  return score > 0 ? Number(score.toPrecision(4)) : 0;
}
