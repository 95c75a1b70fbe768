import type { Actor } from '../domain/actor.js';
import {
  agencyProfileDecider,
  agencyProfileStream,
  nameKey,
  profileOf,
  type AgencyProfile,
  type AgencyProfileEvent,
} from '../domain/registry/agency-profile.js';
import { AGENCIES, type AgencyDoc } from '../../projections/registry.js';
import type { Position } from '../ports/event-store.js';
import type { ReadModelStore } from '../ports/read-models.js';
import { handleCommand, type CommandDependencies, type CommandResult, type ExpectedHead } from './command-handler.js';
import { StreamLocks } from './stream-locks.js';
import type { Claims } from './claims.js';
import { caughtUp, type ReadConsistency } from './read-consistency.js';
import { pageOf, readAll, type Paging } from './read-pages.js';
import { recording, registryCodec } from './registry-codec.js';

/** `PUT /v1/agencies/{agency}/profile`'s body: the whole profile, and why it changed. */
export type AgencyProfileBody = AgencyProfile & { readonly agency: string; readonly reason?: string };

/** An agency as the public list shows it: its profile, version and when that was recorded. */
export type AgencyView = AgencyProfile & { agency: string; version: number; updatedAt: string };

export interface AgencyProfilesDependencies extends CommandDependencies {
  readonly readModels: ReadModelStore;
  readonly runner: ReadConsistency;
  /**
   * Where replicas share the log: a profile's name is claimed for its agency once the profile's rules have passed,
   * before it is appended (src/app/claims.ts, `AGENCY_NAME_CLAIMS`). Without it, the rule holds within this process.
   */
  readonly nameClaims?: Pick<Claims, 'claim'>;
}

const viewOf = (doc: AgencyDoc): AgencyView => ({
  agency: doc.agency,
  ...profileOf(doc),
  version: doc.version,
  updatedAt: doc.updatedAt,
});

/**
 * The agencies' public profiles (行政执法主体): each agency's admin records what the agency says of itself, as a
 * signed `AgencyProfileSet` in its own stream; anyone reads them, one agency from its stream with every version, all
 * of them from the read model, which is also where the pages look an agency's name up.
 */
export class AgencyProfiles {
  /**
   * Profiles recorded one at a time (on this replica): each reads the names the read model holds once it has applied
   * the whole log, which then includes the profile recorded just before it, so two agencies naming themselves alike
   * at the same moment do not both get the name.
   */
  readonly #naming = new StreamLocks();

  constructor(private readonly deps: AgencyProfilesDependencies) {}

  /**
   * Records a version of the actor's agency's profile. Whether another agency holds the name is read from the read
   * model once it has applied the whole log (`503 not_caught_up` when it does not within the read wait), so that a
   * name recorded a moment ago counts.
   */
  async set(
    actor: Actor,
    body: AgencyProfileBody,
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    const codec = registryCodec<AgencyProfileEvent>(this.deps.clock, actor);
    const profile = profileOf(body as unknown as Record<string, unknown>);
    const reason = body.reason === undefined ? {} : { reason: body.reason };
    return this.#naming.run('names', async () => {
      await caughtUp(this.deps.runner, await this.deps.events.headPosition());
      const heldBy = this.#nameHeldBy(profile.name, body.agency);
      const command = {
        type: 'SetAgencyProfile' as const,
        actor,
        agency: body.agency,
        profile,
        ...reason,
        ...(heldBy === undefined ? {} : { nameHeldBy: heldBy }),
      };
      const claims = this.deps.nameClaims;
      return handleCommand(this.deps, agencyProfileStream(actor.agency), agencyProfileDecider, codec, command, {
        eventId,
        expectedRevision,
        sameRequest: recording('AgencyProfileSet', { ...profile, ...reason }),
        ...(claims ? { beforeAppend: () => claims.claim(actor, body.agency, profile.name) } : {}),
      });
    });
  }

  /** Another agency whose profile holds `name` (as {@link nameKey} compares names), from the read model. */
  #nameHeldBy(name: string, agency: string): string | undefined {
    const key = nameKey(name);
    const docs = readAll<AgencyDoc>(this.deps.readModels, AGENCIES, {});
    return docs.find((doc) => doc.agency !== agency && nameKey(doc.name) === key)?.agency;
  }

  /** An agency's profile as it stands and every version recorded, oldest first: read from its signed stream. */
  async profile(agency: string) {
    const recorded = await this.deps.events.readStream(agencyProfileStream(agency));
    const history = recorded.map(({ event }, i) => {
      const data = event.data as unknown as AgencyProfileEvent['data'];
      return {
        version: i + 1,
        profile: profileOf(data as unknown as Record<string, unknown>),
        ...(data.reason === undefined ? {} : { reason: data.reason }),
        recordedAt: event.recordedAt,
        eventId: event.id,
        hash: event.hash,
      };
    });
    const current = history.at(-1);
    // the stream's revision of the latest version: what `If-Match` names to change it only as read
    const latest = current ? { profile: current.profile, revision: history.length - 1 } : {};
    return { agency, version: history.length, ...latest, history };
  }

  /** A page of the agencies that recorded a profile, by code: `GET /v1/agencies`. */
  async list(paging: Paging, consistentWith?: Position) {
    await caughtUp(this.deps.runner, consistentWith);
    const page = pageOf(() => this.deps.readModels.query<AgencyDoc>(AGENCIES, { ...paging }));
    return { items: page.items.map(viewOf), ...(page.next === undefined ? {} : { next: page.next }) };
  }

  /** Every agency's name, by code, of those that recorded a profile: what the pages show agencies by. */
  names(): Map<string, string> {
    return new Map(readAll<AgencyDoc>(this.deps.readModels, AGENCIES, {}).map((doc) => [doc.agency, doc.name]));
  }
}
