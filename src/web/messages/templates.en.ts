import type { TEMPLATES_ZH_CN } from './templates.zh-CN.js';

/** The text of the admin's decision-template screens in English. */
export const TEMPLATES_EN: { readonly [K in keyof typeof TEMPLATES_ZH_CN]: string } = {
  'nav.templates': 'Document templates',
  'templates.title': 'Decision document templates',
  'templates.lead':
    "Each decision type's document is drafted from a template. The agency may set its own template for any decision type; where it sets none, the default shipped with the service is used. Every change is kept as a signed record with its reason.",
  'templates.type': 'Decision type',
  'templates.source': 'Template used',
  'templates.docTitle': 'Document title',
  'templates.action': 'Action',
  'templates.edit': 'Edit',
  'templates.default': 'Default template',
  'templates.own': "The agency's template (version {version})",
  'templates.editTitle': 'Edit the template: {type}',
  'templates.saved': 'Saved (version {version}). Documents drafted from now on use this template.',
  'templates.placeholders':
    'The text may use these placeholders, filled from the case file when drafting: {names}. A paragraph that is only {parties} or {evidence} lists the parties or the evidence, one per line.',
  'templates.field.title': 'Document title',
  'templates.field.issuer': "Issuing agency's full name (optional)",
  'templates.field.issuer.hint':
    "When empty, the name in the agency's public details is used (its code, until it records one).",
  'templates.section': 'Part {n}',
  'templates.section.hint': 'A part with neither heading nor paragraphs is not kept.',
  'templates.field.heading': 'Heading (optional)',
  'templates.field.align': 'Alignment',
  'templates.align.left': 'Left',
  'templates.align.right': 'Right (closing, date)',
  'templates.field.paragraphs': 'Paragraphs (one per line)',
  'templates.remedies': 'Remedies',
  'templates.field.reviewBody': 'Administrative review body',
  'templates.field.reviewDays': 'Days to apply for review',
  'templates.field.court': 'Court for an administrative suit',
  'templates.field.litigationMonths': 'Months to bring a suit',
  'templates.field.reason': 'Reason for the change',
  'templates.submit': "Save as the agency's template",
  'templates.reset': 'Return to the default template',
  'templates.reset.lead':
    "Documents of this type are then drafted from the default template; the history of the agency's template is kept.",
  'templates.history': 'Changes',
  'templates.history.version': 'Version',
  'templates.history.change': 'Change',
  'templates.history.reason': 'Reason',
  'templates.history.at': 'At',
  'templates.change.set': "The agency's template set",
  'templates.change.reset': 'Back to the default',
  'templates.history.none': 'The agency has not changed this template.',
  'rule.template_invalid':
    'The template names placeholders that cannot be filled, or puts {parties} or {evidence} inside other text.',
  'rule.version_unchanged': 'This is what is in force already; there is nothing to save.',
} as const;
