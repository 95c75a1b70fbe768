import type { ROSTER_ZH_CN } from './roster.zh-CN.js';

/** The administrator's officer roster, in English. */
export const ROSTER_EN: { readonly [K in keyof typeof ROSTER_ZH_CN]: string } = {
  'roster.nav': 'Manage officers',
  'roster.title': 'Enforcement officers',
  'roster.pages': 'Pages of the officers',
  'roster.lead':
    "The agency's registered officers and the standing of their enforcement credentials. Suspending, reinstating and retiring an officer each take a reason and are recorded as signed events; a suspended or retired officer cannot be named in an act, nor record or sign one as an officer.",
  'roster.officerId': 'Officer id',
  'roster.name': 'Name',
  'roster.certificateNo': 'Certificate no.',
  'roster.validity': 'Certificate valid',
  'roster.validity.range': '{from} to {to}',
  'roster.status': 'Status',
  'roster.actions': 'Actions',
  'roster.change': 'Change status',
  'roster.change.label': 'Change status: {name}',
  'roster.none': 'The agency has registered no officers yet.',
  'roster.saved': "{name}'s status was changed and recorded in the ledger.",
  'roster.form.title': "Change an officer's status: {name}",
  'roster.form.current': 'Current status',
  'roster.form.change': 'Change to',
  'roster.form.reason': 'Reason',
  'roster.form.reason.hint':
    'For example the decision or document it rests on; the reason is recorded with the change.',
  'roster.form.submit': 'Change status',
  'roster.form.back': 'Back to the officers',
  'roster.form.retired': 'This officer has retired: the status changes no more.',
  'roster.change.suspension': 'Suspend enforcement credentials',
  'roster.change.reinstatement': 'Reinstate enforcement credentials',
  'roster.change.retirement': 'Retire (credentials cancelled)',
  'rule.officer_not_suspended': 'This officer is not suspended: there is nothing to reinstate.',
};
