/** The portal's URLs, built in one place so that pages link to each other the same way. */

/** A disclosed decision's page: its agency and case id, each one path segment. */
export function disclosureHref(d: { readonly agency: string; readonly caseId: string }): string {
  return `/disclosures/${encodeURIComponent(d.agency)}/${encodeURIComponent(d.caseId)}`;
}

/** A case file's page (signed in). */
export function caseHref(c: { readonly agency: string; readonly caseId: string }): string {
  return `/cases/${encodeURIComponent(c.agency)}/${encodeURIComponent(c.caseId)}`;
}

/**
 * Where an agency's administrator registers an officer and an enforcement item: paths of their own, since any name
 * under `/admin/officers/` or `/admin/items/` could be an officer's id or an item's code.
 */
export const REGISTER_OFFICER_PATH = '/admin/register-officer';
export const REGISTER_ITEM_PATH = '/admin/register-item';
