import { sha256Hex } from '../../ledger/hash.js';
import { claimDecider } from '../claims.js';
import { nameKey, refuseTakenName } from './agency-profile.js';

/**
 * One name, one agency, across replicas (src/domain/claims.ts): where replicas share the log, a profile that gives
 * an agency a name first claims it for the agency, `AgencyNameClaimed` `{name, agency}` on the name's own stream,
 * once the profile's rules have passed. A later profile under another name frees the one before, so the claim of
 * an agency that renamed itself lapses.
 */
export interface AgencyNameClaim {
  readonly name: string;
  readonly agency: string;
}

export interface AgencyNameClaimedEvent {
  readonly type: 'AgencyNameClaimed';
  readonly data: AgencyNameClaim;
}

/**
 * The stream of a name, `agencyname-<SHA-256 of the name as names are compared (nameKey), hex>`: one stream for
 * the names that compare alike, which no agency owns.
 */
export function agencyNameClaimStream(name: string): string {
  return `agencyname-${sha256Hex(nameKey(name))}`;
}

/** Claims of a name: the value is the name, the holder its agency; another agency's is `agency_name_taken`. */
export const agencyNameClaimDecider = claimDecider({
  type: 'AgencyNameClaimed',
  data: (name, agency): AgencyNameClaim => ({ name, agency }),
  holderOf: (data) => data.agency,
  refuse: refuseTakenName,
});
