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

/** Where an agency's administrator manages its officers' standing, and its enforcement items. */
export const ROSTER_PATH = '/admin/officers';
export const ITEMS_ADMIN_PATH = '/admin/items';

/** An officer's, an item's amendment form (修改登记信息), under the entry's own path. */
export const officerAmendmentHref = (officerId: string): string =>
  `${ROSTER_PATH}/${encodeURIComponent(officerId)}/amendment`;
/** An officer's key registration form (登记签名密钥), beside the revocation of each key under the same path. */
export const keyRegistrationHref = (officerId: string): string =>
  `${ROSTER_PATH}/${encodeURIComponent(officerId)}/keys`;
export const itemAmendmentHref = (code: string): string => `${ITEMS_ADMIN_PATH}/${encodeURIComponent(code)}/amendment`;

/** The URL the case page's media are played from: the portal's media route, which the browser's session reaches. */
export const mediumHref = (sha256: string): string => `/media/${sha256}`;
