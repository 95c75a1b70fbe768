import { wholeNumberOf } from '../forms/numbers.js';
import type { DecisionType } from '../../domain/case/acts.js';
import type { DecisionTemplate, TemplateSection } from '../../domain/drafting/template.js';
import { PLACEHOLDERS } from '../../domain/drafting/template.js';
import { errorSummary, field, type FieldSpec, type FormState } from '../forms/fields.js';
import { html, type Html } from '../html.js';
import type { MessageKey } from '../i18n.js';
import type { PageContext } from '../layout.js';
import { enumerationSeparator, localMinuteWithOffset } from './labels.js';

/** The admin's screens of the agency's decision templates. */
export const TEMPLATES_HREF = '/admin/decision-templates';
export const templateHref = (type: DecisionType) => `${TEMPLATES_HREF}/${type}`;

/** The most parts a template has (the schema's bound), and the empty parts offered below the ones in use. */
const MAX_SECTIONS = 20;
const SPARE_SECTIONS = 2;

type Values = Readonly<Record<string, string | readonly string[] | undefined>>;
const textOf = (values: Values, name: string): string => {
  const v = values[name];
  return (Array.isArray(v) ? v[0] : (v as string | undefined)) ?? '';
};

const section = (i: number, name: string) => `template.sections.${i}.${name}`;
const REMEDIES = ['reviewBody', 'reviewDays', 'court', 'litigationMonths'] as const;

/** The form's fields, as the body's members are named, for a form of `parts` parts. */
export function templateFields(parts: number): FieldSpec[] {
  const text = (name: string, label: MessageKey, more: Partial<FieldSpec> = {}): FieldSpec => ({
    name,
    label,
    kind: 'text',
    ...more,
  });
  return [
    text('template.title', 'templates.field.title'),
    text('template.issuer', 'templates.field.issuer', { optional: true, hint: 'templates.field.issuer.hint' }),
    ...Array.from({ length: parts }, (_, i) => [
      text(section(i, 'heading'), 'templates.field.heading', { optional: true }),
      text(section(i, 'align'), 'templates.field.align', {
        kind: 'select',
        optional: true,
        options: [
          { value: 'left', label: 'templates.align.left' },
          { value: 'right', label: 'templates.align.right' },
        ],
      }),
      text(section(i, 'paragraphs'), 'templates.field.paragraphs', { kind: 'lines', optional: true }),
    ]).flat(),
    ...REMEDIES.map((name) => text(`template.remedies.${name}`, `templates.field.${name}` as MessageKey)),
    text('reason', 'templates.field.reason', { kind: 'textarea' }),
  ];
}

/** The form's values of a template, one part per section. */
export function valuesOfTemplate(template: DecisionTemplate): Record<string, string> {
  const values: Record<string, string> = { 'template.title': template.title, 'template.issuer': template.issuer ?? '' };
  template.sections.forEach((s, i) => {
    values[section(i, 'heading')] = s.heading ?? '';
    values[section(i, 'align')] = s.align ?? 'left';
    values[section(i, 'paragraphs')] = s.paragraphs.join('\n');
  });
  for (const name of REMEDIES) values[`template.remedies.${name}`] = String(template.remedies[name]);
  return values;
}

/** How many parts the typed form has: the highest part named, plus one. */
export function partsOf(values: Values): number {
  const used = Object.keys(values)
    .map((k) => /^template\.sections\.(\d+)\./.exec(k)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  return Math.min(MAX_SECTIONS, used.length === 0 ? 0 : Math.max(...used) + 1);
}

const lines = (typed: string) =>
  typed
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/**
 * The body of `PUT …/decision-templates/{type}` from what the form sent, and the values renumbered to match it:
 * parts left wholly empty are dropped, so a schema error's pointer names the part the form shows. Numbers that are
 * not whole numbers stay text, for the schema to name their field.
 */
export function templateBody(values: Values): { body: Record<string, unknown>; values: Record<string, string> } {
  const kept: Record<string, string> = {};
  const sections: TemplateSection[] = [];
  for (let i = 0; i < partsOf(values); i += 1) {
    const heading = textOf(values, section(i, 'heading')).trim();
    const paragraphs = lines(textOf(values, section(i, 'paragraphs')));
    const align = textOf(values, section(i, 'align'));
    if (heading === '' && paragraphs.length === 0) continue;
    const n = sections.length;
    kept[section(n, 'heading')] = heading;
    kept[section(n, 'align')] = align;
    kept[section(n, 'paragraphs')] = paragraphs.join('\n');
    sections.push({
      ...(heading === '' ? {} : { heading }),
      ...(align === 'right' ? { align: 'right' as const } : align === 'left' || align === '' ? {} : { align }),
      paragraphs,
    } as TemplateSection);
  }
  const number = (typed: string) => wholeNumberOf(typed, 6);
  const remedies = Object.fromEntries(
    REMEDIES.map((name) => {
      const typed = textOf(values, `template.remedies.${name}`).trim();
      kept[`template.remedies.${name}`] = typed;
      return [name, name === 'reviewDays' || name === 'litigationMonths' ? number(typed) : typed];
    }),
  );
  const title = textOf(values, 'template.title').trim();
  const issuer = textOf(values, 'template.issuer').trim();
  const reason = textOf(values, 'reason').trim();
  Object.assign(kept, { 'template.title': title, 'template.issuer': issuer, reason });
  const template = { title, ...(issuer === '' ? {} : { issuer }), sections, remedies };
  return { body: { template, reason }, values: kept };
}

export interface TemplateHistoryLine {
  readonly version: number;
  readonly change: 'set' | 'reset';
  readonly reason: string;
  readonly recordedAt: string;
}

export interface TemplateEditView {
  readonly decisionType: DecisionType;
  readonly source: 'agency' | 'default';
  readonly version: number;
  readonly state: FormState;
  readonly history: readonly TemplateHistoryLine[];
  readonly csrf: Html;
  /** The version just saved, to say so. */
  readonly saved?: number;
  /** Minutes east of UTC of the agency: the history's times are shown in its local time. */
  readonly utcOffsetMinutes: number;
}

const sourceText = (ctx: PageContext, source: 'agency' | 'default', version: number) =>
  source === 'agency' ? ctx.t('templates.own', { version }) : ctx.t('templates.default');

/** The form editing one decision type's template as structured fields, the return to the default, the history. */
export function templateEditMain(ctx: PageContext, view: TemplateEditView): Html {
  const { decisionType, state } = view;
  const fields = templateFields(Math.min(MAX_SECTIONS, partsOf(state.values) + SPARE_SECTIONS));
  const at = (name: string) => fields.find((f) => f.name === name)!;
  const parts = fields.filter((f) => f.name.startsWith('template.sections.'));
  const names = PLACEHOLDERS.map((p) => `{${p}}`).join(enumerationSeparator(ctx));
  const typeName = ctx.t(`decision.${decisionType}` as MessageKey);
  return html`<h1>${ctx.t('templates.editTitle', { type: typeName })}</h1>
    <p>${sourceText(ctx, view.source, view.version)}</p>
    ${
      view.saved !== undefined &&
      html`<p class="notice" role="status">${ctx.t('templates.saved', { version: view.saved })}</p>`
    }
    ${errorSummary(ctx, state)}
    <p class="hint">${ctx.t('templates.placeholders', { names })}</p>
    <form method="post" action="${templateHref(decisionType)}" novalidate>
      ${view.csrf} ${field(ctx, at('template.title'), state)} ${field(ctx, at('template.issuer'), state)}
      ${Array.from(
        { length: parts.length / 3 },
        (_, i) =>
          html`<fieldset class="template-part">
            <legend>${ctx.t('templates.section', { n: i + 1 })}</legend>
            ${i === 0 && html`<p class="hint">${ctx.t('templates.section.hint')}</p>`}
            ${parts.slice(i * 3, i * 3 + 3).map((spec) => field(ctx, spec, state))}
          </fieldset>`,
      )}
      <fieldset>
        <legend>${ctx.t('templates.remedies')}</legend>
        ${REMEDIES.map((name) => field(ctx, at(`template.remedies.${name}`), state))}
      </fieldset>
      ${field(ctx, at('reason'), state)}
      <button type="submit">${ctx.t('templates.submit')}</button>
    </form>
    ${
      view.source === 'agency' &&
      html`<section aria-labelledby="reset-title">
        <h2 id="reset-title">${ctx.t('templates.reset')}</h2>
        <p>${ctx.t('templates.reset.lead')}</p>
        <form method="post" action="${templateHref(decisionType)}/reset">
          ${view.csrf}
          <div class="field">
            <label for="reset-reason">${ctx.t('templates.field.reason')}</label>
            <textarea id="reset-reason" name="reason" rows="2" required></textarea>
          </div>
          <button type="submit">${ctx.t('templates.reset')}</button>
        </form>
      </section>`
    }
    <section aria-labelledby="history-title">
      <h2 id="history-title">${ctx.t('templates.history')}</h2>
      ${historyTable(ctx, view.history, view.utcOffsetMinutes)}
    </section>
    <p><a href="${TEMPLATES_HREF}">${ctx.t('templates.title')}</a></p>`;
}

function historyTable(ctx: PageContext, history: readonly TemplateHistoryLine[], utcOffsetMinutes: number): Html {
  if (history.length === 0) return html`<p>${ctx.t('templates.history.none')}</p>`;
  return html`<div class="table-wrap">
    <table>
      <thead>
        <tr>
          <th scope="col">${ctx.t('templates.history.version')}</th>
          <th scope="col">${ctx.t('templates.history.change')}</th>
          <th scope="col">${ctx.t('templates.history.reason')}</th>
          <th scope="col">${ctx.t('templates.history.at')}</th>
        </tr>
      </thead>
      <tbody>
        ${[...history].reverse().map(
          (h) =>
            html`<tr>
              <td>${h.version}</td>
              <td>${ctx.t(h.change === 'set' ? 'templates.change.set' : 'templates.change.reset')}</td>
              <td>${h.reason}</td>
              <td><time datetime="${h.recordedAt}">${localMinuteWithOffset(h.recordedAt, utcOffsetMinutes)}</time></td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The agency's templates: per decision type, which is in force, with a link to edit it. */
export function templateListMain(
  ctx: PageContext,
  items: readonly { decisionType: DecisionType; source: 'agency' | 'default'; version: number; title: string }[],
): Html {
  return html`<h1>${ctx.t('templates.title')}</h1>
    <p class="lead">${ctx.t('templates.lead')}</p>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">${ctx.t('templates.type')}</th>
            <th scope="col">${ctx.t('templates.source')}</th>
            <th scope="col">${ctx.t('templates.docTitle')}</th>
            <th scope="col">${ctx.t('templates.action')}</th>
          </tr>
        </thead>
        <tbody>
          ${items.map(
            (item) =>
              html`<tr>
                <th scope="row">${ctx.t(`decision.${item.decisionType}` as MessageKey)}</th>
                <td>${sourceText(ctx, item.source, item.version)}</td>
                <td>${item.title}</td>
                <td>
                  <a href="${templateHref(item.decisionType)}">${ctx.t('templates.edit')}</a>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}
