import type { DecisionType } from '../case/acts.js';
import type { DecisionTemplate, Remedies } from './template.js';

/**
 * The templates shipped with the service, one per decision type; an agency publishes its own to override one
 * (`decision-templates`). The time limits are the statutory ones: sixty days to apply for administrative review
 * (行政复议法 第二十条) and six months to sue (行政诉讼法 第四十六条), from receipt of the document.
 */
export const DEFAULT_REMEDIES: Remedies = {
  reviewBody: '本机关的上一级主管部门或者本级人民政府',
  reviewDays: 60,
  court: '有管辖权的人民法院',
  litigationMonths: 6,
};

const PARTIES = { heading: '当事人', paragraphs: ['{parties}'] };
const EVIDENCE = { heading: '证据', paragraphs: ['以上事实有下列证据证明：', '{evidence}'] };
const REMEDY =
  '如不服本决定，可以自收到本决定书之日起{reviewDays}日内向{reviewBody}申请行政复议，' +
  '或者自收到本决定书之日起{litigationMonths}个月内向{court}提起行政诉讼。';
const CLOSING = { align: 'right', paragraphs: ['{issuer}（印章）', '{decidedOn}'] } as const;

const penalty = (decision: readonly string[]): DecisionTemplate => ({
  title: '行政处罚决定书',
  sections: [
    PARTIES,
    { heading: '违法事实', paragraphs: ['经查，{facts}'] },
    EVIDENCE,
    {
      heading: '处罚依据和决定',
      paragraphs: ['{reasons}', '依据{legalBasis}的规定，本机关决定：', ...decision],
    },
    { heading: '救济途径', paragraphs: [REMEDY, '行政复议或者行政诉讼期间，本决定不停止执行，法律另有规定的除外。'] },
    CLOSING,
  ],
  remedies: DEFAULT_REMEDIES,
});

const FINE_PAYMENT =
  '当事人应当自收到本决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款。' +
  '到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。';

export const DEFAULT_TEMPLATES: Readonly<Record<DecisionType, DecisionTemplate>> = {
  warning: penalty(['{decision}']),
  fine: penalty(['{decision}', FINE_PAYMENT]),
  confiscation: penalty(['{decision}']),
  business_suspension: penalty(['{decision}']),
  license_suspension: penalty(['{decision}']),
  license_revocation: penalty(['{decision}']),
  license_granted: {
    title: '准予行政许可决定书',
    sections: [
      { heading: '申请人', paragraphs: ['{parties}'] },
      {
        heading: '审查和决定',
        paragraphs: [
          '{partyNames}提出的{itemName}申请，经审查，{facts}',
          '{reasons}',
          '符合{legalBasis}规定的条件和标准，本机关决定：{decision}',
        ],
      },
      CLOSING,
    ],
    remedies: DEFAULT_REMEDIES,
  },
  license_denied: {
    title: '不予行政许可决定书',
    sections: [
      { heading: '申请人', paragraphs: ['{parties}'] },
      {
        heading: '审查和决定',
        paragraphs: [
          '{partyNames}提出的{itemName}申请，经审查，{facts}',
          '{reasons}',
          '依据{legalBasis}的规定，本机关决定：{decision}',
        ],
      },
      { heading: '救济途径', paragraphs: [REMEDY] },
      CLOSING,
    ],
    remedies: DEFAULT_REMEDIES,
  },
  coercive_measure: {
    title: '行政强制措施决定书',
    sections: [
      PARTIES,
      { heading: '事实和理由', paragraphs: ['经查，{facts}', '{reasons}'] },
      EVIDENCE,
      { heading: '依据和决定', paragraphs: ['依据{legalBasis}的规定，本机关决定：{decision}'] },
      { heading: '救济途径', paragraphs: [REMEDY] },
      CLOSING,
    ],
    remedies: DEFAULT_REMEDIES,
  },
  other: {
    title: '行政处理决定书',
    sections: [
      PARTIES,
      { heading: '事实', paragraphs: ['经查，{facts}'] },
      EVIDENCE,
      { heading: '依据和决定', paragraphs: ['{reasons}', '依据{legalBasis}的规定，本机关决定：{decision}'] },
      { heading: '救济途径', paragraphs: [REMEDY] },
      CLOSING,
    ],
    remedies: DEFAULT_REMEDIES,
  },
};
