import type { Request } from 'express';
import { cookieOf } from './cookies.js';
import { EN } from './messages/en.js';
import { ZH_CN, type Messages } from './messages/zh-CN.js';

/** The portal's languages: Chinese first (the default), English available. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** The cookie that keeps a reader's choice of language (set by `?lang=`). */
export const LANG_COOKIE = 'lang';

const CATALOGS: Record<Locale, Messages> = { 'zh-CN': ZH_CN, en: EN };

export type MessageKey = keyof Messages;

/** Translates keys into one locale's text, filling `{name}` placeholders. */
export interface Translator {
  readonly locale: Locale;
  t(key: MessageKey, params?: Record<string, string | number>): string;
}

export function translator(locale: Locale): Translator {
  const catalog = CATALOGS[locale];
  return {
    locale,
    t(key, params) {
      const text = catalog[key];
      return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
    },
  };
}

function asLocale(value: unknown): Locale | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.trim().toLowerCase();
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  return undefined;
}

/**
 * The page's language: `?lang=` first (a link of the switch), then the reader's earlier choice (cookie), then the
 * first language of `Accept-Language` (by q-value) the portal has, else Chinese.
 */
export function chooseLocale(req: Request): Locale {
  const asked = asLocale(req.query.lang);
  if (asked) return asked;
  const kept = asLocale(cookieOf(req, LANG_COOKIE));
  if (kept) return kept;
  const ranges = (req.get('accept-language') ?? '')
    .split(',')
    .map((range, order) => {
      const [tag = '', ...params] = range.split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const range of ranges) {
    const locale = asLocale(range.tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
