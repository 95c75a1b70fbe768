import type { CaseFile } from '../../app/case-file-reads.js';
import { actForm } from '../forms/acts.js';
import type { FieldSpec } from '../forms/fields.js';
import { html, type Html } from '../html.js';
import type { PageContext } from '../layout.js';
import { mediumHref } from '../links.js';
import { bracketed, enumerationSeparator, personShown, shownName, yuan } from './labels.js';

type TimelineEntry = CaseFile['timeline'][number];

/** The value at a field's path in an act's data (`data.proposed.fineFen` → `data.proposed.fineFen`). */
function valueAt(data: Readonly<Record<string, unknown>>, name: string): unknown {
  let node: unknown = data;
  for (const key of name.replace(/^data\./, '').split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A recorded value as the field that records it would show it, in the page's language; undefined when absent. */
function shownValue(ctx: PageContext, spec: FieldSpec, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (spec.kind === 'checkbox') return ctx.t(value === true ? 'case.yes' : 'case.no');
  if (spec.kind === 'money' && typeof value === 'number') return yuan(value);
  if (Array.isArray(value)) {
    return value.length === 0 ? undefined : value.map((v) => shownName(ctx, String(v))).join(enumerationSeparator(ctx));
  }
  const text = String(value);
  const option = spec.options?.find((o) => o.value === text);
  return option ? ctx.t(option.label) : shownName(ctx, text);
}

/** An officer as the case names them: 姓名（编号） when the file or the officer list knows the name, else the id. */
function officerText(ctx: PageContext, file: CaseFile, officerId: string): string {
  const name = file.handlingOfficers.find((o) => o.officerId === officerId)?.name;
  return name === undefined ? personShown(ctx, file.agency, officerId) : bracketed(ctx, name, officerId);
}

/** The members of one act's data, the officers it names and its media, as a list of terms. */
function fieldsOf(ctx: PageContext, file: CaseFile, type: string, data: Readonly<Record<string, unknown>>): Html[] {
  const form = actForm(type);
  if (!form) return [];
  return form.fields.flatMap((spec) => {
    const shown = shownValue(ctx, spec, valueAt(data, spec.name));
    return shown === undefined
      ? []
      : [
          html`<dt>${ctx.t(spec.label)}</dt>
            <dd>${shown}</dd>`,
        ];
  });
}

/**
 * What an act recorded, under its line in the case's timeline: each member of its data as the act's form labels it
 * (a tick as 是/否, a sum in yuan, a choice by its name), the officers it names, the media it carries (linked), and
 * the corrections recorded for it later, each with its reason. A supervisor retrieving the record (调阅) reads the
 * act itself, not only that it happened; the opening's facts are at the top of the page.
 */
export function actContent(ctx: PageContext, file: CaseFile, act: TimelineEntry): Html {
  if (act.type === 'CaseOpened') return html``;
  const fields = fieldsOf(ctx, file, act.type, act.data);
  const officers = act.officers?.length
    ? html`<dt>${ctx.t('case.act.officers')}</dt>
        <dd>${act.officers.map((id) => officerText(ctx, file, id)).join(enumerationSeparator(ctx))}</dd>`
    : '';
  const media = act.media.length
    ? html`<dt>${ctx.t('case.act.media')}</dt>
        <dd>
          ${act.media.map((sha256, i) => {
            const medium = file.media.find((m) => m.sha256 === sha256);
            const kind = medium ? ` · ${medium.contentType}` : '';
            return html`${i > 0 ? enumerationSeparator(ctx) : ''}<a href="${mediumHref(sha256)}"
                >${ctx.t('case.act.medium', { n: i + 1 })}${kind}</a
              >`;
          })}
        </dd>`
    : '';
  const corrections = (act.corrections ?? []).map((c) => {
    const corrected = fieldsOf(ctx, file, act.type, c.data);
    return html`<dt>${ctx.t('case.act.correction')}</dt>
      <dd>${c.reason} ${corrected.length > 0 && html`<dl class="fields">${corrected}</dl>`}</dd>`;
  });
  if (fields.length === 0 && !officers && !media && corrections.length === 0) return html``;
  return html`<dl class="fields act-content">${fields} ${officers} ${media} ${corrections}</dl>`;
}
