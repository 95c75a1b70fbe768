import type { DecisionType } from '../case/acts.js';
import type { Party } from '../redaction.js';
import { yuanInCapitals, yuanInFigures } from './money.js';
import { LIST_PLACEHOLDERS, type DecisionTemplate, type Placeholder } from './template.js';

/** What a draft is made from, as the case file records it. */
export interface DraftCase {
  readonly agency: string;
  /** The agency's name as its public profile records it: the issuer when the template names none. */
  readonly agencyName?: string;
  readonly caseId: string;
  readonly title: string;
  readonly itemName?: string;
  readonly parties: readonly Party[];
  /** The findings of the case's inspections, in order. */
  readonly findings: readonly string[];
  /** The evidence collected and recordings attached, each described, in order. */
  readonly evidence: readonly string[];
}

/** The decision the officer proposes to issue, with what only the officer can write. */
export interface ProposedDecision {
  readonly decisionType: DecisionType;
  readonly fineFen?: number;
  readonly legalBasis: string;
  readonly documentNo: string;
  readonly decidedOn: string;
  /** The facts as the document states them; the case's findings when absent. */
  readonly facts?: string;
  /** The reasons for the decision (why this decision, this amount). */
  readonly reasons?: string;
}

/** A rendered document, ready for a writer: what each format lays out the same way. */
export interface DocumentModel {
  readonly title: string;
  readonly issuer: string;
  readonly documentNo: string;
  readonly blocks: readonly Block[];
}

export type Block =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly align: 'left' | 'right' }
  | { readonly kind: 'entry'; readonly text: string };

/** What each decision type decides, in the document's words (the fine's amount filled in). */
const DECISIONS: Record<DecisionType, string> = {
  warning: '给予警告。',
  fine: '处罚款人民币{capitals}（{figures} 元）。',
  confiscation: '没收违法所得、非法财物。',
  business_suspension: '责令停产停业。',
  license_suspension: '暂扣许可证件。',
  license_revocation: '吊销许可证件。',
  license_granted: '准予行政许可。',
  license_denied: '不予行政许可。',
  coercive_measure: '对当事人的有关场所、设施或者财物采取行政强制措施。',
  other: '作出本处理决定。',
};

const PENDING = '（待填写）';

/** `2026-03-05` → `2026年3月5日`, as dates are written on official documents (GB/T 9704). */
export function writtenDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function partyLine(party: Party): string {
  const person = party.kind === 'person';
  const parts = [`${person ? '姓名' : '名称'}：${party.name}`];
  if (party.idNumber) parts.push(`${person ? '身份证件号码' : '统一社会信用代码'}：${party.idNumber}`);
  if (party.address) parts.push(`${person ? '住址' : '地址'}：${party.address}`);
  return parts.join('，');
}

function decisionText(proposed: ProposedDecision): string {
  const fen = proposed.fineFen ?? 0;
  const amount = (text: string) =>
    text.replace('{capitals}', yuanInCapitals(fen)).replace('{figures}', yuanInFigures(fen));
  const main = amount(DECISIONS[proposed.decisionType]);
  if (proposed.decisionType === 'fine' || fen === 0) return main;
  return `${main.replace(/。$/, '')}，并${amount(DECISIONS.fine)}`;
}

/** The value of each placeholder for this case and proposal (lists as their lines). */
function values(
  template: DecisionTemplate,
  file: DraftCase,
  proposed: ProposedDecision,
): Record<Placeholder, string | readonly string[]> {
  const fen = proposed.fineFen;
  const facts = proposed.facts ?? file.findings.join('；');
  return {
    issuer: template.issuer ?? file.agencyName ?? file.agency,
    documentNo: proposed.documentNo,
    caseTitle: file.title,
    itemName: file.itemName ?? file.title,
    parties: file.parties.map(partyLine),
    partyNames: file.parties.map((p) => p.name).join('、'),
    facts: facts === '' ? PENDING : facts,
    evidence: file.evidence.length === 0 ? [PENDING] : file.evidence.map((e, i) => `${i + 1}. ${e}`),
    legalBasis: proposed.legalBasis,
    decision: decisionText(proposed),
    fineFigures: fen === undefined ? '' : yuanInFigures(fen),
    fineCapitals: fen === undefined ? '' : yuanInCapitals(fen),
    reasons: proposed.reasons ?? '',
    reviewBody: template.remedies.reviewBody,
    reviewDays: String(template.remedies.reviewDays),
    court: template.remedies.court,
    litigationMonths: String(template.remedies.litigationMonths),
    decidedOn: writtenDate(proposed.decidedOn),
  };
}

/**
 * The words a template may lead a placeholder in with (经查，{facts}), which an officer's own text often begins with
 * too: written once, not "经查，经查，".
 */
const LEADS = ['经查', '经审查', '经调查', '经核查'];

function fill(text: string, filled: Record<Placeholder, string | readonly string[]>): string {
  return text.replace(/\{([^{}]*)\}/g, (whole, name: string, at: number) => {
    const value = filled[name as Placeholder];
    if (typeof value !== 'string') return whole;
    const before = text.slice(0, at);
    const lead = LEADS.find((word) => new RegExp(`${word}[，,：:]\\s*$`).test(before));
    return lead === undefined ? value : value.replace(new RegExp(`^\\s*(${LEADS.join('|')})[，,：:]\\s*`), '');
  });
}

/**
 * The document a template makes of the case file and the proposed decision: each placeholder filled, each list
 * placeholder expanded to its lines, and paragraphs left empty by an absent value (no reasons given) dropped.
 */
export function renderDecision(template: DecisionTemplate, file: DraftCase, proposed: ProposedDecision): DocumentModel {
  const filled = values(template, file, proposed);
  const blocks: Block[] = [];
  for (const section of template.sections) {
    if (section.heading !== undefined) blocks.push({ kind: 'heading', text: fill(section.heading, filled) });
    for (const paragraph of section.paragraphs) {
      const list = LIST_PLACEHOLDERS.find((name) => paragraph.trim() === `{${name}}`);
      if (list !== undefined) {
        for (const line of filled[list] as readonly string[]) blocks.push({ kind: 'entry', text: line });
        continue;
      }
      const text = fill(paragraph, filled).trim();
      if (text !== '') blocks.push({ kind: 'paragraph', text, align: section.align ?? 'left' });
    }
  }
  return {
    title: fill(template.title, filled),
    issuer: String(filled.issuer),
    documentNo: proposed.documentNo,
    blocks,
  };
}
