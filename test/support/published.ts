import type { FlowChart } from '../../src/domain/published/flow-chart.js';
import type { InspectionEntry } from '../../src/domain/published/inspection-list.js';
import type { PostBoard } from '../../src/domain/published/post-board.js';
import type { ServiceGuide } from '../../src/domain/published/service-guide.js';

/** Documents published before enforcement, as an agency would write them: one of each kind. */
export const INSPECTION_ENTRY: InspectionEntry = {
  subject: '县司法局律师工作股',
  basis: '《律师事务所管理办法》第六十四条',
  targets: '本县律师事务所',
  content: '执业信息公示、执业档案管理',
  ratioBasisPoints: 500,
  method: '现场检查、书面检查',
  frequency: '每年一次',
};

/** A licensing flow with a decision, a loop back for correction, and two ends. */
export const FLOW_CHART: FlowChart = {
  title: '律师事务所设立许可流程图',
  nodes: [
    { id: 'apply', kind: 'start', label: '申请人提交申请' },
    { id: 'check', kind: 'decision', label: '材料是否齐全', note: '窗口当场审查' },
    { id: 'correct', kind: 'step', label: '一次性告知补正', note: '5个工作日内' },
    { id: 'accept', kind: 'step', label: '受理并审查', note: '承办股室，20个工作日' },
    { id: 'decide', kind: 'decision', label: '是否符合条件' },
    { id: 'grant', kind: 'end', label: '作出准予许可决定' },
    { id: 'deny', kind: 'end', label: '作出不予许可决定', note: '告知复议、诉讼权利' },
  ],
  edges: [
    { from: 'apply', to: 'check' },
    { from: 'check', to: 'accept', label: '齐全' },
    { from: 'check', to: 'correct', label: '不齐全' },
    { from: 'correct', to: 'check' },
    { from: 'accept', to: 'decide' },
    { from: 'decide', to: 'grant', label: '符合' },
    { from: 'decide', to: 'deny', label: '不符合' },
  ],
};

/** The legal review of a major decision: materials checked, review, coordination where the opinion disagrees. */
export const REVIEW_CHART: FlowChart = {
  title: '重大执法决定法制审核流程图',
  nodes: [
    { id: 'submit', kind: 'start', label: '承办股室提交送审材料', note: '拟处理意见、证据材料、调查终结报告' },
    { id: 'complete', kind: 'decision', label: '送审材料是否齐全' },
    { id: 'supplement', kind: 'step', label: '退回补充材料' },
    { id: 'review', kind: 'step', label: '法制审核机构审核', note: '5个工作日内' },
    { id: 'opinion', kind: 'decision', label: '审核意见与拟处理意见是否一致' },
    { id: 'coordinate', kind: 'step', label: '机关负责人协调决策' },
    { id: 'decide', kind: 'end', label: '作出执法决定' },
  ],
  edges: [
    { from: 'submit', to: 'complete' },
    { from: 'complete', to: 'review', label: '齐全' },
    { from: 'complete', to: 'supplement', label: '不齐全' },
    { from: 'supplement', to: 'complete' },
    { from: 'review', to: 'opinion' },
    { from: 'opinion', to: 'decide', label: '一致' },
    { from: 'opinion', to: 'coordinate', label: '不一致' },
    { from: 'coordinate', to: 'decide' },
  ],
};

export const SERVICE_GUIDE: ServiceGuide = {
  name: '律师事务所设立许可',
  basis: '《中华人民共和国律师法》第十四条、第十八条',
  acceptingOffice: '县司法局行政审批窗口',
  conditions: '有自己的名称、住所和章程；有符合规定的律师；设立人具有一定执业经历',
  preferentialPolicies: '无',
  materials: ['设立申请书', '律师事务所章程', '住所证明'],
  procedure: '申请—受理—审查—决定—送达',
  timeLimit: '20个工作日',
  supervision: '县司法局法治建设股监督',
  accountability: '违法办理的，依法追究责任',
  remedies: '行政复议、行政诉讼',
  hours: '周一至周五 9:00–12:00，13:30–17:30',
  address: '城关镇人民路 18 号 县政务服务中心二楼',
  telephone: '0356-1234567',
};

export const POST_BOARD: PostBoard = {
  window: '3号窗口',
  officerName: '执法人员alice',
  officerId: 'alice',
  unit: '县司法局',
  post: '科员',
  enforcementType: '行政许可',
  duties: '律师执业许可的受理、咨询',
  sampleMaterials: ['律师执业申请书（示范文本）'],
  progressLookup: '政务服务网“办件查询”，或电话 0356-1234567',
  consultation: '窗口现场、电话 0356-1234567',
  complaints: '县司法局监督电话 0356-7654321',
};
