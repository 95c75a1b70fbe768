import type { MessageKey, Translator } from '../i18n.js';

/**
 * The text of a coded value (an act type, a status, a decision type) under `prefix` in the catalogue, or the code
 * itself when the catalogue has no text for it (a type added later still shows, untranslated).
 */
export function label(ctx: Translator, prefix: string, code: string): string {
  const text = ctx.t(`${prefix}.${code}` as MessageKey) as string | undefined;
  return text ?? code;
}

/** An amount in fen as yuan, with two decimals (money is integer fen everywhere else). */
export function yuan(fen: number): string {
  return `¥${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;
}

/** An ISO 8601 date-time as it was written, shortened to the minute (`2026-12-01 09:30`), its offset dropped. */
export function minute(dateTime: string): string {
  return dateTime.slice(0, 16).replace('T', ' ');
}
