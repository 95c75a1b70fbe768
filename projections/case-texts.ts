import { ERASED } from '../src/ledger/sealed-field.js';
import type { Change, CollectionSpec, Doc, DocReader } from '../src/ports/read-models.js';

/**
 * The searched text of each case (collection `case_texts`, keyed like the case's row), kept apart from the case's
 * row so that the row does not grow with the text and an act without text never touches it: what the similar-case
 * search matches.
 */
export const CASE_TEXTS = 'case_texts';

/**
 * The most characters of acts' text a case's searched text keeps (besides its title and item): the text of a long
 * case stops growing there, and its acts stop rewriting it.
 */
export const MAX_SEARCH_CHARS = 8_000;

export interface CaseTextDoc extends Doc {
  caseId: string;
  agency: string;
  title: string;
  itemName?: string;
  itemCode: string;
  /** The case has a decision: only decided cases are pushed as similar. */
  decided: boolean;
  /** The acts' searched texts, in order, up to {@link MAX_SEARCH_CHARS} characters. */
  parts: string[];
  /** Of those, what on-site inspections found, in order. */
  findings: string[];
  chars: number;
}

export const CASE_TEXTS_SPEC: CollectionSpec = {
  name: CASE_TEXTS,
  indexes: ['agency', 'decided'],
  text: indexedText,
};

/** The members of an act's data whose text the similar-case search matches (besides a proposal's legal basis). */
const SEARCHED = ['findings', 'description', 'items', 'target', 'legalBasis', 'location'] as const;

/**
 * What the similar-case search matches: the title, item, findings, evidence and the decision's legal basis. Only
 * decided cases are ever pushed as similar, so an undecided case's full-text row is left empty ({@link indexedText}):
 * the full-text index is written once when the case is decided, not at every act before.
 */
export function caseText(doc: Doc): string {
  const text = doc as CaseTextDoc;
  return [text.title, text.itemName ?? '', text.itemCode, ...text.parts].filter(Boolean).join('\n');
}

/** The text the full-text index holds for a case: its {@link caseText} once decided, nothing before. */
export function indexedText(doc: Doc): string {
  return (doc as CaseTextDoc).decided ? caseText(doc) : '';
}

/** The parts of a case the text is made of, as its row holds them. */
export interface TextSource {
  readonly caseId: string;
  readonly agency: string;
  readonly title: string;
  readonly itemName?: string;
  readonly itemCode: string;
  readonly audit: { readonly decided: boolean };
  /** Characters of acts' text the case's text holds ({@link MAX_SEARCH_CHARS} once full). */
  readonly searchChars: number;
}

/**
 * The case's text after an act with `data` (`before`: the case's row before it, none for the opening): the change
 * of its `case_texts` document, when there is one, and how many characters it now holds. The document is read and
 * written only when the act adds text that fits, the case opens, or the case is decided.
 */
export function caseTextAfter(
  key: string,
  before: TextSource | undefined,
  after: TextSource,
  data: Record<string, unknown>,
  docs: DocReader,
): { readonly change?: Change; readonly chars: number } {
  const texts = before === undefined || before.searchChars < MAX_SEARCH_CHARS ? textsOf(data) : [];
  const decidedNow = before !== undefined && !before.audit.decided && after.audit.decided;
  if (before !== undefined && texts.length === 0 && !decidedNow) return { chars: before.searchChars };
  const current = (before && docs.get<CaseTextDoc>(CASE_TEXTS, key)) || opening(after);
  const parts = [...current.parts];
  const findings = [...current.findings];
  let chars = current.chars;
  let full = false;
  for (const text of texts) {
    if (chars + text.length > MAX_SEARCH_CHARS) {
      full = true;
      break;
    }
    parts.push(text);
    if (text === data.findings) findings.push(text);
    chars += text.length;
  }
  const doc: CaseTextDoc = { ...current, decided: after.audit.decided, parts, findings, chars };
  return { change: { collection: CASE_TEXTS, key, doc }, chars: full ? MAX_SEARCH_CHARS : chars };
}

/**
 * The searched text of an erased case: its title `[erased]`, no act's text, and not indexed (as if undecided), so
 * that the similar-case search finds it by no word it held and no longer offers it. Written whatever the text held
 * before, so a rebuild makes the same document; later acts of the case leave it so.
 */
export function erasedText(key: string, source: TextSource): Change {
  const doc: CaseTextDoc = { ...opening(source), title: ERASED, decided: false, chars: MAX_SEARCH_CHARS };
  return { collection: CASE_TEXTS, key, doc, forget: true };
}

function opening(source: TextSource): CaseTextDoc {
  const { caseId, agency, title, itemName, itemCode } = source;
  return {
    caseId,
    agency,
    title,
    ...(itemName === undefined ? {} : { itemName }),
    itemCode,
    decided: false,
    parts: [],
    findings: [],
    chars: 0,
  };
}

function textsOf(data: Record<string, unknown>): string[] {
  const texts: string[] = [];
  for (const member of SEARCHED) if (typeof data[member] === 'string' && data[member]) texts.push(data[member]);
  const proposed = data.proposed as { legalBasis?: unknown } | undefined;
  if (typeof proposed?.legalBasis === 'string' && proposed.legalBasis) texts.push(proposed.legalBasis);
  return texts;
}
