/** The administrator's screen of the agency's enforcement items (执法事项管理), in Chinese. */
export const ITEM_ADMIN_ZH_CN = {
  'itemAdmin.nav': '执法事项管理',
  'itemAdmin.title': '执法事项管理',
  'itemAdmin.pages': '执法事项清单分页',
  'itemAdmin.lead':
    '本机关登记的执法事项。停用执法事项须写明理由，作为签名事件记入账本；事项停用后不能再以其立案，也不能恢复。',
  'itemAdmin.actions': '操作',
  'itemAdmin.retire': '管理',
  'itemAdmin.retire.label': '管理执法事项：{name}（查看、修改或停用）',
  'itemAdmin.none': '本机关尚未登记执法事项。',
  'itemAdmin.saved': '执法事项“{name}”（{code}）已停用，并已记入账本。',
  'itemAdmin.registered': '执法事项“{name}”（{code}）已登记，并已记入账本。',
  'itemAdmin.item.title': '执法事项：{name}',
  'itemAdmin.form.title': '停用该执法事项',
  'itemAdmin.form.reason': '停用理由',
  'itemAdmin.form.reason.hint': '例如废止或修改其法律依据的文件；理由将随停用一并记录。',
  'itemAdmin.form.submit': '确认停用',
  'itemAdmin.form.back': '返回执法事项列表',
  'itemAdmin.form.retired': '该执法事项已停用：不能再以其立案，也不能再次停用。',
  'itemAdmin.days': '{days} 个工作日',
  'itemAdmin.retention.years': '{years} 年',
};
