/**
 * Signing in and out, and the sign-in's error pages, in Chinese; spread into `zh-CN.ts`. Every key here must also
 * be in `signin.en.ts` (the type says so).
 */
export const SIGNIN_ZH_CN = {
  'signin.title': '登录',
  'signin.lead': '登录后可使用执法监督、案卷和法制审核等功能。',
  'signin.withProvider': '使用{provider}登录',
  'signin.dev.heading': '开发环境登录',
  'signin.dev.hint': '粘贴由 ledger token 命令签发的令牌。此方式仅用于内置默认部署的开发与测试。',
  'signin.dev.token': '令牌',
  'signin.dev.submit': '登录',
  'signin.unavailable': '本系统尚未配置登录方式，请联系系统管理员。',
  'signin.rejected': '令牌未被接受：{reason}。',
  'signin.refusal.malformed': '令牌格式不正确，请完整粘贴 ledger token 命令输出的令牌',
  'signin.refusal.expired': '令牌已过期，请重新签发',
  'signin.refusal.notYetValid': '令牌尚未生效',
  'signin.refusal.signature': '令牌的签名无法验证，它不是本系统信任的密钥签发的',
  'signin.refusal.notOurs': '令牌不是签发给本系统的',
  'signin.refusal.revoked': '令牌已被吊销',
  'signin.refusal.lifetime': '令牌的有效期缺失或超过允许的长度',
  'signin.refusal.claims': '令牌缺少用户、所属机关或本系统认可的角色',
  'signin.refusal.other': '令牌无效',
  'signin.continuing': '正在继续……',
  'signin.continue': '继续',
  'signin.signedOut': '您已退出登录。',
  'error.csrf_failed.title': '请求被拒绝',
  'error.csrf_failed.body': '该表单已过期或并非来自本站，未做任何更改。请刷新页面后重新提交。',
  'error.signin_failed.title': '登录未能完成',
  'error.signin_failed.body': '登录超时、在其他浏览器中发起，或身份认证服务的应答未通过校验。请重新登录。',
  'error.signin_refused.title': '无法登录',
  'error.signin_refused.body':
    '身份认证服务未提供您的所属机关或本系统认可的角色，您暂不能使用本系统。请联系系统管理员。',
  'error.identity_provider_unavailable.title': '身份认证服务不可用',
  'error.identity_provider_unavailable.body': '暂时无法连接身份认证服务，请稍后再试。',
};

export type SignInMessages = { readonly [K in keyof typeof SIGNIN_ZH_CN]: string };
