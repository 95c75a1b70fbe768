import type { Actor } from '../actor.js';
import { requireAgency, requireRole } from '../actor.js';
import type { DecisionType } from '../case/acts.js';
import type { Decider } from '../decider.js';
import { conflict } from '../errors.js';
import { agencyStream } from '../streams.js';
import { canonicalize } from '../../ledger/canonical-json.js';
import { DEFAULT_TEMPLATES } from './default-templates.js';
import { checkTemplate, type DecisionTemplate } from './template.js';

/**
 * An agency's own template of one decision type (本机关文书模板): registry data, versioned. Each change is a signed
 * event with its reason: a new template (`DecisionTemplateSet`), or the return to the template shipped with the
 * service (`DecisionTemplateReset`). The history is the stream; the version counts every change.
 */
export interface AgencyTemplateState {
  /** Changes recorded so far; 0 until the agency records one (the shipped template applies). */
  readonly version: number;
  /** The agency's template in force; absent when the shipped one applies. */
  readonly template?: DecisionTemplate;
}

export interface SetDecisionTemplate {
  readonly type: 'SetDecisionTemplate';
  readonly actor: Actor;
  readonly agency: string;
  readonly decisionType: DecisionType;
  /** The agency's template, or null to return to the shipped one. */
  readonly template: DecisionTemplate | null;
  readonly reason: string;
}

export type AgencyTemplateEvent =
  | {
      readonly type: 'DecisionTemplateSet';
      readonly data: {
        readonly decisionType: DecisionType;
        readonly version: number;
        readonly template: DecisionTemplate;
        readonly reason: string;
      };
    }
  | {
      readonly type: 'DecisionTemplateReset';
      readonly data: { readonly decisionType: DecisionType; readonly version: number; readonly reason: string };
    };

/** One stream per agency and decision type: `decisiontemplate-<agency>:<decisionType>`. */
export const decisionTemplateStream = (agency: string, decisionType: DecisionType): string =>
  agencyStream('decisiontemplate', agency, decisionType);

export const agencyTemplateDecider: Decider<SetDecisionTemplate, AgencyTemplateEvent, AgencyTemplateState> = {
  initialState: () => ({ version: 0 }),

  decide(command, state) {
    requireRole(command.actor, ['admin'], "setting the agency's decision templates");
    requireAgency(command.actor, command.agency);
    const { decisionType, reason } = command;
    const version = state.version + 1;
    if (command.template === null) {
      if (state.template === undefined)
        throw conflict('version_unchanged', `the shipped template of ${decisionType} already applies`);
      return [{ type: 'DecisionTemplateReset', data: { decisionType, version, reason } }];
    }
    checkTemplate(command.template);
    // the template in force: the agency's own, else the shipped one (a form saved as shown records nothing)
    const inForce = state.template ?? DEFAULT_TEMPLATES[decisionType];
    if (canonicalize(inForce) === canonicalize(command.template))
      throw conflict(
        'version_unchanged',
        state.template === undefined
          ? `the shipped template of ${decisionType} already says this`
          : `the agency's template of ${decisionType} already says this`,
      );
    return [{ type: 'DecisionTemplateSet', data: { decisionType, version, template: command.template, reason } }];
  },

  evolve(state, event) {
    if (event.type === 'DecisionTemplateSet') return { version: event.data.version, template: event.data.template };
    return { version: event.data.version };
  },
};
