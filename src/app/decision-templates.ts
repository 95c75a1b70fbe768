import type { ExpectedHead } from './command-handler.js';
import type { Actor } from '../domain/actor.js';
import { DECISION_TYPES, type DecisionType } from '../domain/case/acts.js';
import {
  agencyTemplateDecider,
  decisionTemplateStream,
  type AgencyTemplateEvent,
} from '../domain/drafting/agency-templates.js';
import { DEFAULT_TEMPLATES } from '../domain/drafting/default-templates.js';
import type { DecisionTemplate } from '../domain/drafting/template.js';
import { handleCommand, type CommandDependencies, type CommandResult } from './command-handler.js';
import type { TemplateLookup } from './decision-drafts.js';
import { canonicalEqual } from './idempotency.js';
import { registryCodec } from './registry-codec.js';
import type { RegistryReader } from './registry-reader.js';

/** A template in force for one decision type: the agency's own (with its version), or the shipped default. */
export interface TemplateInForce {
  readonly decisionType: DecisionType;
  readonly source: 'agency' | 'default';
  /** Changes the agency recorded for this type (0: none). */
  readonly version: number;
  readonly template: DecisionTemplate;
}

const inForce = (decisionType: DecisionType, version: number, own?: DecisionTemplate): TemplateInForce => ({
  decisionType,
  source: own === undefined ? 'default' : 'agency',
  version,
  template: own ?? DEFAULT_TEMPLATES[decisionType],
});

/**
 * The agencies' own decision templates (本机关文书模板): the admin records a template of a decision type, or the
 * return to the shipped one, each a signed registry event with its reason; drafting looks up the template in force
 * ({@link DecisionTemplates.lookup}), read as sealed from its stream.
 */
export class DecisionTemplates {
  constructor(
    private readonly deps: CommandDependencies,
    private readonly registry: Pick<RegistryReader, 'decisionTemplate'>,
  ) {}

  /** Records the agency's template of `decisionType`, or with `null` the return to the shipped one. */
  async set(
    actor: Actor,
    target: {
      readonly agency: string;
      readonly decisionType: DecisionType;
      readonly eventId: string;
      /** `If-Match`: the stream revision the admin last saw; another is `409 revision_conflict`. */
      readonly expectedRevision?: ExpectedHead | undefined;
    },
    template: DecisionTemplate | null,
    reason: string,
  ): Promise<CommandResult & { readonly version: number }> {
    const { agency, decisionType, eventId, expectedRevision } = target;
    const codec = registryCodec<AgencyTemplateEvent>(this.deps.clock, actor);
    const command = { type: 'SetDecisionTemplate' as const, actor, agency, decisionType, template, reason };
    const asked = { decisionType, reason, ...(template === null ? {} : { template }) };
    const result = await handleCommand(
      this.deps,
      decisionTemplateStream(agency, decisionType),
      agencyTemplateDecider,
      codec,
      command,
      {
        eventId,
        expectedRevision,
        // a retry is the same request when its one event recorded the same template (or reset) and reason
        sameRequest: (recorded) => {
          const data = recorded[0]?.data as Record<string, unknown> | undefined;
          if (recorded.length !== 1 || !data) return false;
          const { version: _version, ...rest } = data;
          return canonicalEqual(rest, asked);
        },
      },
    );
    return { ...result, version: result.revision + 1 };
  }

  /** The template in force for each decision type of the agency, its own or the default. */
  async list(agency: string): Promise<{ agency: string; items: TemplateInForce[] }> {
    const states = await Promise.all(DECISION_TYPES.map((type) => this.registry.decisionTemplate(agency, type)));
    return { agency, items: DECISION_TYPES.map((type, i) => inForce(type, states[i]!.version, states[i]!.template)) };
  }

  /** The template in force for one decision type, with every change the agency recorded, oldest first. */
  async one(agency: string, decisionType: DecisionType) {
    const recorded = await this.deps.events.readStream(decisionTemplateStream(agency, decisionType));
    const history = recorded.map(({ event }) => {
      const e = { type: event.type, data: event.data } as AgencyTemplateEvent;
      return {
        version: e.data.version,
        change: e.type === 'DecisionTemplateSet' ? ('set' as const) : ('reset' as const),
        ...(e.type === 'DecisionTemplateSet' ? { template: e.data.template } : {}),
        reason: e.data.reason,
        recordedAt: event.recordedAt,
        eventId: event.id,
        hash: event.hash,
      };
    });
    const last = history.at(-1);
    return { agency, ...inForce(decisionType, last?.version ?? 0, last?.template), history };
  }

  /** The template drafting uses: the agency's own in force now, else the shipped one; and which it was. */
  readonly lookup: TemplateLookup = async (agency, decisionType) => {
    const state = await this.registry.decisionTemplate(agency, decisionType);
    return state.template === undefined
      ? { template: DEFAULT_TEMPLATES[decisionType], used: { source: 'default' } }
      : { template: state.template, used: { source: 'agency', agency, version: state.version } };
  };
}
