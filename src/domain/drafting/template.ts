import { violation } from '../errors.js';

/**
 * A decision document's template (文书模板): structured data, never code. Each section is a heading (optional) and
 * paragraphs of text in which `{name}` placeholders are filled from the case file and the proposed decision. A
 * paragraph that is exactly `{parties}` or `{evidence}` becomes one line per party or per piece of evidence.
 */
export interface DecisionTemplate {
  /** The document's title: 行政处罚决定书, 不予行政许可决定书… */
  readonly title: string;
  /** The issuing agency's full name, printed above the title and beside the seal; the agency's code when absent. */
  readonly issuer?: string;
  readonly sections: readonly TemplateSection[];
  /** Where the party may seek remedies (救济途径): the review body, the court, and the time limits. */
  readonly remedies: Remedies;
}

export interface TemplateSection {
  readonly heading?: string;
  /** `right` for the closing (issuer, seal, date); left otherwise. */
  readonly align?: 'left' | 'right';
  readonly paragraphs: readonly string[];
}

export interface Remedies {
  /** The body that hears an application for administrative review (行政复议机关). */
  readonly reviewBody: string;
  /** Days from receipt within which review may be applied for (行政复议法: sixty days). */
  readonly reviewDays: number;
  /** The court where an administrative suit is brought. */
  readonly court: string;
  /** Months from receipt within which a suit may be brought (行政诉讼法: six months). */
  readonly litigationMonths: number;
}

/** The placeholders a template may use, each filled by the renderer (`render.ts`). */
export const PLACEHOLDERS = [
  'issuer',
  'documentNo',
  'caseTitle',
  'itemName',
  'parties',
  'partyNames',
  'facts',
  'evidence',
  'legalBasis',
  'decision',
  'fineFigures',
  'fineCapitals',
  'reasons',
  'reviewBody',
  'reviewDays',
  'court',
  'litigationMonths',
  'decidedOn',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** The paragraphs that stand for a list, one line per entry. */
export const LIST_PLACEHOLDERS: readonly Placeholder[] = ['parties', 'evidence'];

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The placeholders a text names, in order. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/**
 * Refuses a template that names a placeholder the renderer does not fill, or uses a list placeholder inside other
 * text (`template_invalid`, with the offending names).
 */
export function checkTemplate(template: DecisionTemplate): void {
  const known = new Set<string>(PLACEHOLDERS);
  const texts = [template.title, ...template.sections.flatMap((s) => [s.heading ?? '', ...s.paragraphs])];
  const unknown = [...new Set(texts.flatMap(placeholdersOf).filter((name) => !known.has(name)))];
  if (unknown.length > 0)
    throw violation('template_invalid', 'the template names placeholders that are not filled', { unknown });
  const embedded = texts.filter((text) =>
    LIST_PLACEHOLDERS.some((name) => text.includes(`{${name}}`) && text.trim() !== `{${name}}`),
  );
  if (embedded.length > 0)
    throw violation('template_invalid', 'a list placeholder ({parties}, {evidence}) must be a paragraph of its own', {
      embedded,
    });
}
