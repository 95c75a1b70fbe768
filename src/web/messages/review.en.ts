import type { REVIEW_ZH_CN } from './review.zh-CN.js';

/** The legal review process's text in English: counsel opinions, the review time limit on the case page. */
export const REVIEW_EN: { readonly [K in keyof typeof REVIEW_ZH_CN]: string } = {
  'act.CaseMarkedComplex': 'Marked major, complex or difficult',
  'act.CounselOpinionRecorded': "Legal adviser's or public lawyer's opinion",
  'form.complexReason': 'Why the case is major, complex or difficult',
  'form.counsel': 'Legal adviser or public-sector lawyer (id)',
  'form.counsel.hint':
    'Someone registered in this agency as a legal adviser or public-sector lawyer; upload the written opinion as the attachment.',
  'form.givenOn': 'Date of the opinion',
  'form.counselOpinion': 'Opinion',
  'rule.adviser_opinion_required':
    'The case is marked major, complex or difficult: a legal adviser or public-sector lawyer gives an opinion before the review is completed.',
  'rule.counsel_unknown': 'This person is not registered in the agency as a legal adviser or public-sector lawyer.',
  'case.counsel': 'Major, complex or difficult case',
  'case.counsel.marked': 'Reason',
  'case.counsel.markedBy': 'Marked by',
  'case.counsel.required':
    'Waiting for a legal adviser or public-sector lawyer: the review is completed after their opinion.',
  'case.counsel.opinions': "Legal advisers' and public lawyers' opinions",
  'case.counsel.none': 'No opinion yet.',
  'case.counsel.givenOn': 'Given on',
  'counsel.legal_adviser': 'Legal adviser',
  'counsel.public_lawyer': 'Public-sector lawyer',
  'items.reviewMaterials': 'Materials submitted for legal review',
  'case.reviewLimit': 'Legal review time limit',
  'case.reviewLimit.requestedOn': 'Review requested on',
  'case.reviewLimit.dueBy': 'Review due by',
  'case.reviewLimit.days': '{dueBy} ({days} working days)',
  'case.reviewLimit.completedOn': 'Review completed on',
  'case.reviewLimit.standing': 'Timeliness',
  'reviewTimeliness.onTime': 'Completed on time',
  'reviewTimeliness.late': 'Completed late',
  'reviewTimeliness.overdue': 'Overdue',
  'reviewTimeliness.pending': 'In review, not yet due',
};
