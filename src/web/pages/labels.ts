import { dateAtOffset } from '../../domain/actor.js';
import { ERASED, UNAVAILABLE } from '../../ledger/read-markers.js';
import { offsetText } from '../../ledger/timeliness.js';
import type { MessageKey, Translator } from '../i18n.js';
import type { PageContext } from '../layout.js';

/**
 * The text of a coded value (an act type, a status, a decision type) under `prefix` in the catalogue, or the code
 * itself when the catalogue has no text for it (a type added later still shows, untranslated).
 */
export function label(ctx: Translator, prefix: string, code: string): string {
  const text = ctx.t(`${prefix}.${code}` as MessageKey) as string | undefined;
  return text ?? code;
}

/**
 * A name as a page shows it: the markers of a name that is no longer held (`[erased]`, the case's data erased) or
 * cannot be opened here (`[sealed]`) in the page's language, any other name as it is.
 */
export function shownName(ctx: Translator, name: string): string {
  if (name === ERASED) return ctx.t('name.erased');
  if (name === UNAVAILABLE) return ctx.t('name.sealed');
  return name;
}

/** `text（note）` in Chinese, `text (note)` in English. */
export function bracketed(ctx: Translator, text: string, note: string): string {
  const [open, close] = brackets(ctx);
  return `${text}${open}${note}${close}`;
}

/** The colon after a label: full-width `：` in Chinese, `: ` with the space after in English. */
export function colon(ctx: Translator): string {
  return ctx.locale === 'en' ? ': ' : '：';
}

/** The brackets around a note: full-width `（` `）` in Chinese, ` (` `)` with the space before in English. */
export function brackets(ctx: Translator): readonly [string, string] {
  return ctx.locale === 'en' ? [' (', ')'] : ['（', '）'];
}

/** The separator between the items of a list in a cell: `；` in Chinese, `; ` in English. */
export function listSeparator(ctx: Translator): string {
  return ctx.locale === 'en' ? '; ' : '；';
}

/** An amount in fen as yuan, with two decimals (money is integer fen everywhere else). */
export function yuan(fen: number): string {
  return `¥${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;
}

/** A sum in fen as a plain number of yuan (`5000.00`): what a spreadsheet reads as a number and adds up. */
export function yuanNumber(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** An ISO 8601 date-time as it was written, shortened to the minute (`2026-12-01 09:30`), its offset dropped. */
function minute(dateTime: string): string {
  return dateTime.slice(0, 16).replace('T', ' ');
}

/**
 * An ISO 8601 instant as the minute it was at `offsetMinutes` east of UTC (`2026-12-01T13:30:00Z` at +08:00 is
 * `2026-12-01 21:30`): times written with different offsets (the service's clock in UTC, an act typed in local time)
 * read alike and in order. A value that is not an instant is shown as {@link minute} shows it.
 */
export function localMinute(dateTime: string, offsetMinutes: number): string {
  if (!isInstant(dateTime)) return minute(dateTime);
  return minute(new Date(Date.parse(dateTime) + offsetMinutes * 60_000).toISOString());
}

/**
 * An ISO 8601 instant as the minute it was at `offsetMinutes` east of UTC, with that offset written
 * (`2026-12-01T13:30:00Z` at +08:00 is `2026-12-01 21:30 +08:00`): a public page's reader may be anywhere, and the
 * time reads as the agency's. A value that is not an instant is shown as {@link minute} shows it.
 */
export function localMinuteWithOffset(dateTime: string, offsetMinutes: number): string {
  return isInstant(dateTime)
    ? `${localMinute(dateTime, offsetMinutes)} ${offsetText(offsetMinutes)}`
    : minute(dateTime);
}

/**
 * The date of the agency's calendar, `offsetMinutes` east of UTC, that an ISO 8601 instant fell on
 * (`2026-12-01T17:30:00Z` at +08:00 is `2026-12-02`). A value that is not an instant shows its first ten characters.
 */
export function localDate(dateTime: string, offsetMinutes: number): string {
  return isInstant(dateTime) ? dateAtOffset(dateTime, offsetMinutes) : dateTime.slice(0, 10);
}

/** Whether an ISO 8601 date-time names an instant: it carries `Z` or an offset, and parses. */
export function isInstant(dateTime: string): boolean {
  return /[zZ]|[+-]\d{2}:\d{2}$/.test(dateTime) && !Number.isNaN(Date.parse(dateTime));
}

/**
 * An instant as the second it was at `offsetMinutes` east of UTC, with that offset written
 * (`2026-12-01T13:30:05.250Z` at +08:00 is `2026-12-01 21:30:05 +08:00`): an independent time set beside a date of
 * the agency's calendar reads in the same time as that date.
 */
export function localSecond(instant: string, offsetMinutes: number): string {
  const local = new Date(Date.parse(instant) + offsetMinutes * 60_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)} ${offsetText(offsetMinutes)}`;
}

/** The separator between the names of an enumeration (officers, categories, methods): `、` in Chinese, `, ` in English. */
export function enumerationSeparator(ctx: Translator): string {
  return ctx.locale === 'en' ? ', ' : '、';
}

/** An agency as the pages show it: the name its profile records, else its code ({@link PageContext.agencyName}). */
export function agencyName(ctx: Pick<PageContext, 'agencyName'>, code: string): string {
  return ctx.agencyName?.(code) ?? code;
}

/**
 * A person of an agency as the pages show them: 姓名（编号） when the agency's officer list holds them
 * ({@link PageContext.personName}), else the subject as recorded.
 */
export function personShown(
  ctx: Pick<PageContext, 'personName' | 'locale' | 't'>,
  agency: string,
  sub: string,
): string {
  const name = ctx.personName?.(agency, sub);
  return name === undefined ? sub : bracketed(ctx, name, sub);
}

/**
 * A file's size as a reader takes it in: bytes below a kibibyte, else KB or MB with one decimal (1,024 and 1,048,576
 * bytes, as file managers count), the exact count in bytes beside it for sizes past a kibibyte.
 */
export function sizeText(ctx: Translator, size: number): string {
  if (size < 1024) return ctx.t('case.media.bytes', { size });
  const [value, unit] = size < 1024 * 1024 ? [size / 1024, 'KB'] : [size / (1024 * 1024), 'MB'];
  const exact = ctx.t('case.media.bytes', { size: size.toLocaleString('en-US') });
  return `${(Math.round(value * 10) / 10).toFixed(1)} ${unit}${ctx.locale === 'en' ? ` (${exact})` : `（${exact}）`}`;
}
