/** The supervisors' page of case files past their retention, in Chinese. */
export const RETENTION_ZH_CN = {
  'retention.title': '保管期限届满待删除个人信息的案卷',
  'retention.link': '保管期限届满的案卷',
  'retention.lead':
    '已结案、保管期限（自结案之日起算）已届满、尚未删除当事人个人信息的案件。列入本表不删除任何数据：删除须由管理员依法另行记录。',
  'retention.rule':
    '保管期限在执法事项中设定；未设定的，重大执法决定的案卷永久保管，其他案卷按事项类别：行政处罚、行政许可、行政强制、行政征收定期30年，行政检查及其他定期10年。',
  'retention.asOf': '截至日期',
  'retention.show': '查看',
  'retention.case': '案件',
  'retention.item': '执法事项',
  'retention.closedOn': '结案日期',
  'retention.period': '保管期限',
  'retention.years': '{years}年（{source}）',
  'retention.source.item': '事项设定',
  'retention.source.category': '类别默认',
  'retention.erasableFrom': '届满次日',
  'retention.daysPast': '已过天数',
  'retention.none': '没有保管期限届满待删除的案卷。',
  'retention.more': '仅列出前{count}件，请缩小范围（机构）查看其余案件。',
  'retention.erasures': '已删除个人信息的案件',
  'retention.erasures.lead':
    '管理员依法删除（销毁案件数据密钥）的记录：案件、时间、操作人、法定事由。本表不含任何个人信息。',
  'retention.erasedAt': '删除时间',
  'retention.erasedBy': '操作人',
  'retention.ground': '法定事由',
  'retention.ground.purpose_fulfilled': '处理目的已实现',
  'retention.ground.retention_expired': '保存期限已届满',
  'retention.ground.consent_withdrawn': '个人撤回同意',
  'retention.ground.unlawful_processing': '违法处理个人信息',
  'retention.ground.other_legal_ground': '其他法定情形',
  'retention.erasures.none': '尚无删除个人信息的记录。',
} as const;
