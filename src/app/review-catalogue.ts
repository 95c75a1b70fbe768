import type { ExpectedHead } from './command-handler.js';
import type { Actor } from '../domain/actor.js';
import {
  DEFAULT_AGENCY_LEVEL,
  reviewCatalogueDecider,
  reviewCatalogueStream,
  type AgencyLevel,
  type CatalogueEntry,
  type ReviewCatalogueEvent,
} from '../domain/registry/review-catalogue.js';
import { handleCommand, type CommandDependencies, type CommandResult } from './command-handler.js';
import { canonicalEqual } from './idempotency.js';
import { registryCodec } from './registry-codec.js';

/** A new version of the catalogue, as `PUT /v1/agencies/{agency}/review-catalogue` asks it. */
export interface CatalogueAdjustment {
  readonly agency: string;
  readonly level: AgencyLevel;
  readonly entries: readonly CatalogueEntry[];
  readonly reason: string;
}

/**
 * The agency's catalogue of major decisions needing legal review (重大执法决定法制审核目录清单, 二(三)4): each
 * adjustment a signed `ReviewCatalogueAdjusted`, decided by `registry/review-catalogue.ts`; read from its stream.
 */
export class ReviewCatalogueService {
  constructor(private readonly deps: CommandDependencies) {}

  /** A new version of the whole catalogue of the actor's agency, in force from now (the rules refuse another's). */
  adjust(
    actor: Actor,
    body: CatalogueAdjustment,
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    const codec = registryCodec<ReviewCatalogueEvent>(this.deps.clock, actor);
    const asked = { level: body.level, entries: body.entries, reason: body.reason };
    return handleCommand(
      this.deps,
      reviewCatalogueStream(actor.agency),
      reviewCatalogueDecider,
      codec,
      () => ({ type: 'AdjustReviewCatalogue' as const, actor, ...body, at: this.deps.clock.now().toISOString() }),
      {
        eventId,
        expectedRevision,
        // a retry is the same request when it asked the same version; the time it came into force is the first's
        sameRequest: (recorded) => {
          if (recorded.length !== 1 || recorded[0]!.type !== 'ReviewCatalogueAdjusted') return false;
          const { inForceFrom: _at, ...data } = recorded[0]!.data as Record<string, unknown>;
          return canonicalEqual(data, asked);
        },
      },
    );
  }

  /**
   * The agency's catalogue as it stands (version 0, no entries and the default level until it adopts one), with
   * every version in full, oldest first, each with its signed event's id and hash: read from its stream.
   */
  async catalogue(agency: string) {
    const recorded = await this.deps.events.readStream(reviewCatalogueStream(agency));
    const history = recorded.map(({ event }, i) => {
      const data = event.data as ReviewCatalogueEvent['data'];
      const { level, entries, reason, inForceFrom } = data;
      return { version: i + 1, level, entries, reason, inForceFrom, eventId: event.id, hash: event.hash };
    });
    const current = history.at(-1);
    return {
      agency,
      version: history.length,
      level: current?.level ?? DEFAULT_AGENCY_LEVEL,
      entries: current?.entries ?? [],
      ...(current ? { inForceFrom: current.inForceFrom, reason: current.reason } : {}),
      history,
    };
  }
}
