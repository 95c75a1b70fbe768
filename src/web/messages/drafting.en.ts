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
  'draft.issue': 'Issue this draft',
  'draft.notOpen': 'The case is now "{status}": no decision document is drafted or issued from here.',
  'draft.issued': 'The decision made: {documentNo}.',
  'draft.toCase': 'Back to the case file',
  'draft.issueHint':
    'A draft is issued only when an officer records the decision: its form is filled in from this draft, with this PDF attached; check it and submit.',
  'issue.document': 'The document issued',
  'issue.document.lead':
    "The decision issues the drafted PDF: the file is recorded among the decision's media, its SHA-256 in the decision.",
  'issue.document.pdf': 'View the PDF of the decision',
  'rule.decision_document_not_attached':
    "The document's file is not attached to the decision: open the form again with “Issue this draft” on the drafting page.",
  'case.decision.document': 'Document',
  'case.decision.document.download': 'Download the document',
  'draft.template.default': 'the default template',
  'draft.template.agency': "the agency's template (version {version})",
};
