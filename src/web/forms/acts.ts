import { halfWidthDigits, wholeNumberOf } from './numbers.js';
import { DECISION_TYPES, EXEMPTION_GROUNDS, SERVICE_METHODS } from '../../domain/case/acts.js';
import { CIRCUMSTANCES } from '../../domain/registry/benchmarks.js';
import { ON_SITE_ACTS } from '../../domain/case/decider.js';
import type { MessageKey } from '../i18n.js';
import type { FieldSpec } from './fields.js';

/**
 * The forms of the acts recorded from the portal: for each act type, the fields of its `data` (named by their
 * path in the API's body, so the body is built field by field and checked by the API's schema), whether it names
 * the officers present, and whether it carries a recording.
 */
export interface ActForm {
  readonly fields: readonly FieldSpec[];
  /** Acts done on site name their officers (two at least: the rules say so, not the form). */
  readonly officers: boolean;
  /** Acts that may carry a recording, photo or document: the form uploads one with the act. */
  readonly medium: boolean;
  /**
   * The act may name the document it issues (`data.documentSha256`, one of its media): a decision issued from a
   * draft carries the drafted PDF.
   */
  readonly document?: boolean;
}

const text = (name: string, label: MessageKey, more: Partial<FieldSpec> = {}): FieldSpec => ({
  name: `data.${name}`,
  label,
  kind: 'text',
  ...more,
});
const area = (name: string, label: MessageKey): FieldSpec => text(name, label, { kind: 'textarea' });
const date = (name: string, label: MessageKey): FieldSpec => text(name, label, { kind: 'date' });
const box = (name: string, label: MessageKey): FieldSpec => text(name, label, { kind: 'checkbox', optional: true });

const decisionTypes = DECISION_TYPES.map((value) => ({ value, label: `decision.${value}` as MessageKey }));

/** The ten points of a legal review, in the order the plan lists them. */
export const REVIEW_CHECKS = [
  'subjectLawful',
  'officersQualified',
  'procedureLawful',
  'factsClear',
  'evidenceSufficient',
  'lawAppliedCorrectly',
  'discretionAppropriate',
  'withinAuthority',
  'documentsComplete',
  'criminalReferralNeeded',
] as const;

const proposal = (prefix: string): FieldSpec[] => [
  text(`${prefix}decisionType`, 'form.decisionType', { kind: 'select', options: decisionTypes }),
  text(`${prefix}fineFen`, 'form.fineYuan', { kind: 'money', optional: true, hint: 'form.fineYuan.hint' }),
  text(`${prefix}legalBasis`, 'form.legalBasis'),
  text(`${prefix}circumstance`, 'form.circumstance', {
    kind: 'select',
    optional: true,
    hint: 'form.circumstance.hint',
    options: CIRCUMSTANCES.map((value) => ({ value, label: `circumstance.${value}` as MessageKey })),
  }),
  text(`${prefix}deviationReason`, 'form.deviationReason', {
    kind: 'textarea',
    optional: true,
    hint: 'form.deviationReason.hint',
  }),
];

const onSite = (type: string) => (ON_SITE_ACTS as readonly string[]).includes(type);

const FORMS: Record<string, Omit<ActForm, 'officers'>> = {
  OnSiteInspectionRecorded: {
    fields: [
      text('location', 'form.location'),
      area('findings', 'form.findings'),
      box('credentialsShown', 'form.credentialsShown'),
      box('partyNotified', 'form.partyNotified'),
    ],
    medium: true,
  },
  EvidenceCollected: { fields: [area('description', 'form.description')], medium: true },
  RecordingAttached: { fields: [area('description', 'form.description')], medium: true },
  PropertySeized: {
    fields: [area('items', 'form.seizedItems'), text('legalBasis', 'form.legalBasis')],
    medium: true,
  },
  ForcedDemolition: {
    fields: [area('target', 'form.demolitionTarget'), text('legalBasis', 'form.legalBasis')],
    medium: true,
  },
  DocumentServed: {
    fields: [
      text('document', 'form.document'),
      text('method', 'form.serviceMethod', {
        kind: 'select',
        options: SERVICE_METHODS.map((value) => ({ value, label: `form.serviceMethod.${value}` as MessageKey })),
      }),
    ],
    medium: true,
  },
  HearingHeld: { fields: [date('heldOn', 'form.heldOn')], medium: true },
  CaseMarkedComplex: { fields: [area('reason', 'form.complexReason')], medium: false },
  CounselOpinionRecorded: {
    fields: [
      text('counsel', 'form.counsel', { hint: 'form.counsel.hint' }),
      date('givenOn', 'form.givenOn'),
      area('opinion', 'form.counselOpinion'),
    ],
    medium: true,
  },
  LegalReviewRequested: {
    fields: [
      ...proposal('proposed.'),
      text('materials', 'form.materials', { kind: 'lines', optional: true, hint: 'form.materials.hint' }),
    ],
    medium: false,
  },
  LegalReviewCompleted: {
    fields: [
      text('outcome', 'form.reviewOutcome', {
        kind: 'radio',
        options: (['approved', 'rejected', 'returned'] as const).map((value) => ({
          value,
          label: `review.outcome.${value}` as MessageKey,
        })),
      }),
      ...REVIEW_CHECKS.map((check) => box(`checks.${check}`, `form.check.${check}` as MessageKey)),
      area('opinion', 'form.opinion'),
    ],
    medium: false,
  },
  ReviewDisagreementResolved: {
    fields: [
      text('outcome', 'form.resolution', {
        kind: 'radio',
        options: (['proposal_upheld', 'review_upheld'] as const).map((value) => ({
          value,
          label: `resolution.${value}` as MessageKey,
        })),
      }),
      area('reasoning', 'form.reasoning'),
    ],
    medium: false,
  },
  DecisionIssued: {
    fields: [...proposal(''), text('documentNo', 'form.documentNo'), date('decidedOn', 'form.decidedOn')],
    medium: false,
    document: true,
  },
  DecisionDisclosed: { fields: [date('publishedOn', 'form.publishedOn')], medium: false },
  DisclosureExempted: {
    fields: [
      text('ground', 'form.exemptionGround', {
        kind: 'radio',
        options: EXEMPTION_GROUNDS.map((value) => ({ value, label: `exemption.ground.${value}` as MessageKey })),
      }),
      text('legalBasis', 'form.legalBasis', { hint: 'form.exemptionBasis.hint' }),
      area('reason', 'form.exemptionReason'),
    ],
    medium: false,
  },
  DisclosureWithdrawn: { fields: [area('reason', 'form.reason')], medium: false },
  DisclosureUpdated: { fields: [area('reason', 'form.reason')], medium: false },
  CaseClosed: { fields: [date('closedOn', 'form.closedOn')], medium: false },
};

/** The act types the portal has a form for (`/cases/{agency}/{caseId}/acts/{type}`). */
export const ACT_FORM_TYPES: readonly string[] = Object.keys(FORMS);

/** The form of an act type, or undefined when the portal has none for it. */
export function actForm(type: string): ActForm | undefined {
  const form = Object.hasOwn(FORMS, type) ? FORMS[type] : undefined;
  return form && { ...form, officers: onSite(type) };
}

/**
 * A sum of yuan as typed (`1500`, `1500.5`, `1,500.50`, in full-width digits as a Chinese input method types them,
 * `１５００．５`, and with 元 after it) in fen; anything else is left as typed, for the schema to refuse. A comma
 * separates thousands, in groups of three, and nothing else: `10,00` (ten, written with a decimal comma?) or
 * `1,2,3` is not read as a sum at all, rather than as a hundred times what may have been meant.
 */
export function fenOf(yuan: string): number | string {
  const typed = halfWidthDigits(yuan)
    .replace(/\s*元$/, '')
    .replace(/，/g, ',');
  const plain = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(typed) ? typed.replace(/,/g, '') : typed;
  const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(plain);
  if (!match) return yuan;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** A sum in fen as the money fields show it (`150000` → `1500.00`), which {@link fenOf} reads back. */
export function yuanText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** Officer ids as typed, separated by commas, 、 or spaces. */
export function officersOf(typed: string): string[] {
  return typed.split(/[\s,，、;；]+/).filter(Boolean);
}

/** Sets `value` at the dotted `path` of `target` (`data.proposed.fineFen`). */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/** The value of a form field as text (a repeated field: its first value). */
export function fieldText(values: Readonly<Record<string, unknown>>, name: string): string {
  const value = values[name];
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : '';
  return typeof value === 'string' ? value : '';
}

/** The kinds whose empty value is no value rather than a text the schema refuses for its shape. */
const EMPTY_IS_MISSING: ReadonlySet<FieldSpec['kind']> = new Set(['date', 'datetime', 'money', 'whole']);

/**
 * The body members the fields fill, from what the form sent: a checkbox as a boolean, a group of checkboxes as the
 * list of the values ticked (left out when none is and the field is optional), sums in fen, whole numbers as numbers.
 */
export function fieldsBody(fields: readonly FieldSpec[], values: Readonly<Record<string, unknown>>) {
  const body: Record<string, unknown> = {};
  for (const spec of fields) {
    const typed = fieldText(values, spec.name);
    if (spec.kind === 'checkboxes') {
      const ticked = [values[spec.name] ?? []].flat().filter((v): v is string => typeof v === 'string');
      if (ticked.length > 0 || !spec.optional) setPath(body, spec.name, ticked);
    } else if (spec.kind === 'checkbox') setPath(body, spec.name, typed === 'on');
    // an empty field is left out: optional, the body has no member; required, the schema says it is missing (a
    // date, a sum or a number sent as '' would be told it is not one)
    else if (typed === '' && (spec.optional || EMPTY_IS_MISSING.has(spec.kind))) continue;
    else if (spec.kind === 'lines') setPath(body, spec.name, linesOf(typed));
    else if (spec.kind === 'whole') setPath(body, spec.name, wholeNumberOf(typed, 6));
    // a browser sends a text area's line breaks as CR LF (HTML's form submission): recorded as the line feeds typed
    else if (spec.kind === 'textarea') setPath(body, spec.name, typed.replace(/\r\n?/g, '\n'));
    else setPath(body, spec.name, spec.kind === 'money' ? fenOf(typed) : typed);
  }
  return body;
}

/** The non-empty lines of a text area, trimmed: one entry of a list each. */
function linesOf(typed: string): string[] {
  return typed
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
