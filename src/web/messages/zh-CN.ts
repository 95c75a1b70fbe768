import { APPLY_ZH_CN } from './applications.zh-CN.js';
import { SCREENS_ZH_CN } from './screens.zh-CN.js';
import { VERIFY_ZH_CN } from './verify.zh-CN.js';
import { SIGNIN_ZH_CN } from './signin.zh-CN.js';
import { PUBLIC_ZH_CN } from './public.zh-CN.js';
import { INSPECTIONS_ZH_CN } from './inspections.zh-CN.js';
import { PUBLISHED_ZH_CN } from './published.zh-CN.js';
import { REVIEW_ZH_CN } from './review.zh-CN.js';
import { RECORDINGS_ZH_CN } from './recordings.zh-CN.js';
import { CATALOGUE_ZH_CN } from './catalogue.zh-CN.js';
import { RETENTION_ZH_CN } from './retention.zh-CN.js';
import { DISCRETION_ZH_CN } from './discretion.zh-CN.js';
import { DRAFTING_ZH_CN } from './drafting.zh-CN.js';
import { TEMPLATES_ZH_CN } from './templates.zh-CN.js';
import { ROSTER_ZH_CN } from './roster.zh-CN.js';
import { ITEM_ADMIN_ZH_CN } from './item-admin.zh-CN.js';
import { REGISTRATION_ZH_CN } from './registration.zh-CN.js';
import { AGENCIES_ZH_CN } from './agencies.zh-CN.js';

/** The portal's text in Chinese, the default language. Every key here must also be in `en.ts` (the type says so). */
export const ZH_CN = {
  'site.name': '行政执法公示与监督平台',
  'site.tagline': '行政执法“三项制度”：执法公示、全过程记录、重大执法决定法制审核',
  'nav.label': '主导航',
  'nav.home': '首页',
  'nav.disclosures': '执法决定公示',
  'nav.officers': '执法人员',
  'nav.items': '执法事项',
  'nav.statistics': '年度统计',
  'nav.verify': '证据核验',
  'nav.supervise': '执法监督',
  'nav.signIn': '登录',
  'nav.signOut': '退出',
  'lang.label': '语言',
  'lang.switchTo': 'English',
  'skip.toContent': '跳到正文',
  'footer.ledger': '本平台的每一项执法行为均经签名并记入可验证的防篡改账本。',
  'footer.api': '开放接口（OpenAPI）',
  ...PUBLIC_ZH_CN,
  ...ROSTER_ZH_CN,
  ...ITEM_ADMIN_ZH_CN,
  ...REGISTRATION_ZH_CN,
  ...AGENCIES_ZH_CN,
  ...PUBLISHED_ZH_CN,
  'error.notFound.title': '页面不存在',
  'error.notFound.body': '您访问的页面不存在或已被移除。',
  'error.generic.title': '出错了',
  'error.generic.body': '请求未能完成，请稍后再试。',
  'error.forbidden.title': '无权使用此页面',
  'error.forbidden.body': '您的账号无权使用此页面，或无权查看所请求机关的数据。如确需使用，请联系本机关管理员。',
  'error.unauthenticated.title': '需要登录',
  'error.unauthenticated.body':
    '您尚未登录，或登录已结束（长时间未操作，或登录凭证已到期）。本次提交未被记录：请登录后重新填写并提交。',
  'error.too_large.title': '提交的内容过大',
  'error.too_large.body':
    '提交的内容超过了允许的大小，未作任何记录。请返回，精简后重新提交；录音录像等材料请作为附件上传。',
  'error.unsupported_media_type.title': '无法读取提交的内容',
  'error.unsupported_media_type.body': '提交内容的编码或格式无法识别，未作任何记录。请返回页面重新提交。',
  'error.invalid_body.title': '提交的内容有误',
  'error.invalid_body.body': '提交的内容无法识别，未作任何记录。请返回页面检查后重新提交。',
  'error.invalid_query.title': '查询条件有误',
  'error.invalid_query.body': '网址中的查询条件无法识别，例如日期、页码或筛选值有误。请修改条件后重新查询。',
  'error.invalid_query.clear': '清除条件，重新查询',
  'error.not_caught_up.title': '记录正在处理',
  'error.not_caught_up.body': '刚刚记录的内容已经保存，正在汇入案卷和各项查询，通常只需一两秒。请稍后重新打开本页。',
  'error.not_caught_up.again': '重新打开本页',
  'error.backHome': '返回首页',
  ...SCREENS_ZH_CN,
  ...VERIFY_ZH_CN,
  ...SIGNIN_ZH_CN,
  ...INSPECTIONS_ZH_CN,
  ...APPLY_ZH_CN,
  ...RECORDINGS_ZH_CN,
  ...CATALOGUE_ZH_CN,
  ...REVIEW_ZH_CN,
  ...DISCRETION_ZH_CN,
  ...RETENTION_ZH_CN,
  ...DRAFTING_ZH_CN,
  ...TEMPLATES_ZH_CN,
};

export type Messages = { readonly [K in keyof typeof ZH_CN]: string };
