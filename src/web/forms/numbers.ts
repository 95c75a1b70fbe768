/**
 * Numbers as people type them into the portal's forms: full-width digits (１５, what a Chinese input method gives)
 * and the full-width full stop are read as their ASCII forms, and surrounding spaces are ignored.
 */
export function halfWidthDigits(typed: string): string {
  return typed
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.');
}

/**
 * A whole number of at most `digits` digits as typed (`15`, `１５`), or the text as typed when it is not one, for the
 * schema to name what is wrong with it.
 */
export function wholeNumberOf(typed: string, digits: number): number | string {
  const plain = halfWidthDigits(typed);
  return new RegExp(`^\\d{1,${digits}}$`).test(plain) ? Number(plain) : typed;
}
