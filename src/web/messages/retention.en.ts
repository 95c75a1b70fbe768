import type { RETENTION_ZH_CN } from './retention.zh-CN.js';

/** The supervisors' page of case files past their retention, in English. */
export const RETENTION_EN: { readonly [K in keyof typeof RETENTION_ZH_CN]: string } = {
  'retention.title': 'Case files past their retention, personal data not yet erased',
  'retention.link': 'Case files past their retention',
  'retention.lead':
    "Closed cases whose retention period (counted from the closing) has run out and whose parties' personal data has not been erased. Being listed erases nothing: an erasure is recorded separately by an administrator, on a legal ground. Online applications refused without opening a case are listed too, once their retention (counted from the refusal) has run out and while their applicant's data has not been erased.",
  'retention.rule':
    "The retention period is set on the enforcement item; where it is not, the files of major decisions are kept permanently and others by the item's category: penalties, licences, coercive measures and levies 30 years, inspections and others 10 years. Online applications refused without opening a case are kept 10 years.",
  'retention.asOf': 'As of',
  'retention.show': 'Show',
  'retention.case': 'Case',
  'retention.item': 'Enforcement item',
  'retention.closedOn': 'Closed on',
  'retention.period': 'Retention',
  'retention.years': '{years} years ({source})',
  'retention.source.item': "item's own",
  'retention.source.category': "category's default",
  'retention.source.refused_application': 'refused application',
  'retention.application': 'Refused application',
  'retention.erasedApplication': 'Online application',
  'retention.erase': 'Erase (administrator command)',
  'retention.eraseReason': 'retention run out ({years} years)',
  'retention.erasableFrom': 'Run out on',
  'retention.daysPast': 'Days since',
  'retention.none': 'No case file is past its retention.',
  'retention.erasures': 'Cases and applications whose personal data was erased',
  'retention.erasures.lead':
    "Erasures an administrator recorded (the case's or application's data key destroyed): the case or the online application that opened none, when, by whom and the legal ground. This list holds no personal data.",
  'retention.erasedAt': 'Erased at',
  'retention.erasedBy': 'By',
  'retention.ground': 'Legal ground',
  'retention.ground.purpose_fulfilled': 'Purpose fulfilled',
  'retention.ground.retention_expired': 'Retention period expired',
  'retention.ground.consent_withdrawn': 'Consent withdrawn',
  'retention.ground.unlawful_processing': 'Unlawful processing',
  'retention.ground.other_legal_ground': 'Other legal ground',
  'retention.erasures.none': 'No erasure of personal data has been recorded.',
};
