import { officerKey, type OfficerDoc } from '../../projections/registry.js';
import { AgencyRegistryPages } from './agency-registry-pages.js';

/** An officer as the agency's administrator manages them: the public list's entry, with the officer's id and roles. */
export interface RosterEntry {
  readonly officerId: string;
  readonly name: string;
  readonly certificateNo: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly roles: readonly string[];
  /** The enforcement categories of the certificate (empty when none was registered). */
  readonly categories: readonly string[];
  readonly legalQualification?: { readonly certificateNo: string; readonly grantedOn: string };
  /** The officer's training records (定期培训), as registered and amended. */
  readonly training: readonly { readonly course: string; readonly completedOn: string; readonly hours?: number }[];
  readonly counsel?: NonNullable<OfficerDoc['counsel']>;
  readonly status: OfficerDoc['status'];
  /** The officer's signing keys, in registration order, a revoked one with its revocation. */
  readonly keys: readonly RosterKey[];
}

/** An officer's signing key as the administrator sees it. */
export interface RosterKey {
  readonly keyId: string;
  readonly validFrom: string;
  readonly validTo?: string;
  /** From when acts signed with it are refused, once revoked. */
  readonly revokedFrom?: string;
  readonly revocationReason?: string;
}

/** How many officers one page of the roster shows. */
export const ROSTER_PAGE = 100;

const entryOf = (o: OfficerDoc): RosterEntry => ({
  officerId: o.officerId,
  name: o.name,
  certificateNo: o.certificateNo,
  validFrom: o.validFrom,
  validTo: o.validTo,
  roles: [...o.roles],
  categories: [...(o.categories ?? [])],
  ...(o.legalQualification === undefined ? {} : { legalQualification: { ...o.legalQualification } }),
  training: (o.training ?? []).map((t) => ({ ...t })),
  ...(o.counsel === undefined ? {} : { counsel: o.counsel }),
  status: o.status,
  keys: (o.keys ?? []).map((k) => ({
    keyId: k.keyId,
    validFrom: k.validFrom,
    ...(k.validTo === undefined ? {} : { validTo: k.validTo }),
    ...(k.revokedFrom === undefined ? {} : { revokedFrom: k.revokedFrom }),
    ...(k.revocationReason === undefined ? {} : { revocationReason: k.revocationReason }),
  })),
});

/**
 * The officers of one agency, for its administrator's screen (`/admin/officers`), from the registry's read model,
 * a page of {@link ROSTER_PAGE} at a time in the order of their ids.
 */
export class OfficerRoster extends AgencyRegistryPages<OfficerDoc, RosterEntry> {
  constructor(deps: ConstructorParameters<typeof AgencyRegistryPages>[0]) {
    super(deps, { collection: 'officers', key: officerKey, view: entryOf, pageSize: ROSTER_PAGE });
  }
}
