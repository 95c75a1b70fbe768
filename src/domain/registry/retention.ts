import type { ItemCategory } from './items.js';

/**
 * How long a closed case's file is kept (保管期限), counted in calendar years from the day the case closed: a number
 * of years, or `permanent` (永久).
 */
export type RetentionPeriod = number | 'permanent';

/** No period set in years runs past a century; a file kept longer is kept permanently. */
export const MAX_RETENTION_YEARS = 100;

/**
 * The period of an item that sets none, by category. The archive rule followed is that of records' retention periods
 * (《机关文件材料归档范围和文书档案保管期限规定》, 国家档案局令第8号): permanent, 30 years or 10 years. Decisions that
 * bind a party (penalties, licences, coercive measures, levies) are kept 30 years; inspection and other files 10.
 */
export const CATEGORY_RETENTION: Readonly<Record<ItemCategory, RetentionPeriod>> = {
  penalty: 30,
  licensing: 30,
  coercive: 30,
  levy: 30,
  inspection: 10,
  other: 10,
};

/**
 * The period of an online application refused (不予受理) and so never a case: counted from the refusal date. The archive
 * rule's shortest period (定期10年) — a refusal is a routine file that binds no party to anything, like the inspection
 * and other files of {@link CATEGORY_RETENTION}; the applicant's data is kept no longer than that (个人信息保护法 第四十七条).
 */
export const REFUSED_APPLICATION_RETENTION: Retention = { period: 10, source: 'refused_application' };

/**
 * Where a file's period came from: its item, its being major, its item's category, nothing known of its item, or its
 * being a refused application ({@link REFUSED_APPLICATION_RETENTION}).
 */
export type RetentionSource = 'item' | 'major' | 'category' | 'unknown_item' | 'refused_application';

export interface Retention {
  readonly period: RetentionPeriod;
  readonly source: RetentionSource;
}

/**
 * The retention of a case closed under `item`: the item's own period when it sets one; else permanent for a major
 * case (the archive rule keeps the records of major matters permanently); else its category's
 * ({@link CATEGORY_RETENTION}). A case whose item is unknown is kept permanently: nothing becomes due by default.
 */
export function retentionOf(
  item: { readonly category?: ItemCategory; readonly retention?: RetentionPeriod } | undefined,
  major: boolean,
): Retention {
  if (item?.retention !== undefined) return { period: item.retention, source: 'item' };
  if (major) return { period: 'permanent', source: 'major' };
  if (item?.category === undefined) return { period: 'permanent', source: 'unknown_item' };
  return { period: CATEGORY_RETENTION[item.category], source: 'category' };
}

/** Whether a period is one the items registry accepts: `permanent`, or 1 to {@link MAX_RETENTION_YEARS} whole years. */
export function isRetentionPeriod(value: unknown): value is RetentionPeriod {
  return (
    value === 'permanent' ||
    (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_RETENTION_YEARS)
  );
}

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * The first day a file closed on `closedOn` (`YYYY-MM-DD`) is past a retention of `years` calendar years: the same
 * month and day `years` later; a case closed on 29 February runs to 1 March of a year that has no 29 February (the
 * full number of years has not passed on the 28th). Undefined for a permanent period.
 */
export function erasableFrom(closedOn: string, period: RetentionPeriod): string | undefined {
  if (period === 'permanent') return undefined;
  const year = Number(closedOn.slice(0, 4)) + period;
  const monthDay = closedOn.slice(5);
  const day = monthDay === '02-29' && !isLeap(year) ? '03-01' : monthDay;
  return `${String(year).padStart(4, '0')}-${day}`;
}

/** Whether a file past retention from `from` (see {@link erasableFrom}) is due for erasure on `asOf`. */
export function dueForErasure(from: string | undefined, asOf: string): boolean {
  return from !== undefined && from <= asOf;
}
