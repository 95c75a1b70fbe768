import type { DRAFTING_ZH_CN } from './drafting.zh-CN.js';

/** The text of the decision-drafting screen in English. */
export const DRAFTING_EN: { readonly [K in keyof typeof DRAFTING_ZH_CN]: string } = {
  'draft.link': 'Draft the decision',
  'draft.title': 'Draft the decision document',
  'draft.lead':
    "Fills the agency's template with the parties, facts and evidence of the case file, as PDF and DOCX. A draft is no act: the decision takes effect only when an officer records it.",
  'form.facts': 'Facts (optional)',
  'form.facts.hint': "Left empty, the findings of the case's inspections are used.",
  'form.reasons': 'Reasons (optional)',
  'draft.submit': 'Draft',
  'draft.ready': 'The draft is ready',
  'draft.pdf': 'Download the PDF',
  'draft.docx': 'Download the DOCX (editable)',
  'draft.sha256': "The PDF's SHA-256",
  'draft.issueHint': 'To issue it, attach this PDF to the decision and give its SHA-256 (documentSha256).',
  'draft.template.default': 'the default template',
  'draft.template.agency': "the agency's template (version {version})",
};
