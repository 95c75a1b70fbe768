/** The text of the decision-drafting screen in Chinese; `drafting.en.ts` has every key. */
export const DRAFTING_ZH_CN = {
  'draft.link': '起草决定书',
  'draft.title': '起草决定书',
  'draft.lead':
    '按本机关的文书模板，以案卷中的当事人、事实和证据生成决定书草稿（PDF 和 DOCX）。草稿不是执法行为：须由执法人员另行记录“作出决定”，决定书方才生效。',
  'form.facts': '违法事实（可选）',
  'form.facts.hint': '不填写时使用案卷中现场检查查明的事实。',
  'form.reasons': '理由（可选）',
  'draft.submit': '生成草稿',
  'draft.ready': '草稿已生成',
  'draft.pdf': '下载 PDF',
  'draft.docx': '下载 DOCX（可编辑）',
  'draft.sha256': '决定书 PDF 的 SHA-256',
  'draft.issueHint': '签发时，在“作出决定”中附上该 PDF，并填写其 SHA-256（documentSha256）。',
  'draft.template.default': '系统默认模板',
  'draft.template.agency': '本机关模板（第 {version} 版）',
} as const;
