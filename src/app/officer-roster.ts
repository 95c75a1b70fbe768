import type { OfficerDoc } from '../../projections/registry.js';
import type { Position } from '../ports/event-store.js';
import type { ReadModelStore } from '../ports/read-models.js';
import { caughtUp, type ReadConsistency } from './read-consistency.js';

/** An officer as the agency's administrator manages them: the public list's entry, with the officer's id and roles. */
export interface RosterEntry {
  readonly officerId: string;
  readonly name: string;
  readonly certificateNo: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly roles: readonly string[];
  readonly status: OfficerDoc['status'];
}

/** The most officers one agency's roster shows. */
export const ROSTER_MAX = 500;

/**
 * The officers of one agency, for its administrator's screen (`/admin/officers`), from the registry's read model;
 * `more` when the agency has more than {@link ROSTER_MAX}.
 */
export class OfficerRoster {
  constructor(private readonly deps: { readonly readModels: ReadModelStore; readonly runner: ReadConsistency }) {}

  async of(agency: string, consistentWith?: Position): Promise<{ items: RosterEntry[]; more: boolean }> {
    await caughtUp(this.deps.runner, consistentWith);
    const page = this.deps.readModels.query<OfficerDoc>('officers', { where: { agency }, limit: ROSTER_MAX });
    const items = page.items.map((o) => ({
      officerId: o.officerId,
      name: o.name,
      certificateNo: o.certificateNo,
      validFrom: o.validFrom,
      validTo: o.validTo,
      roles: [...o.roles],
      status: o.status,
    }));
    return { items, more: page.next !== undefined };
  }
}
