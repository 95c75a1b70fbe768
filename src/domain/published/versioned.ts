import { canonicalize } from '../../ledger/canonical-json.js';
import type { Actor } from '../actor.js';
import { requireAgency, requireRole } from '../actor.js';
import type { Decider } from '../decider.js';
import { conflict, notFound } from '../errors.js';

/**
 * A document the agency publishes before enforcement and keeps up to date (事前公开, 动态管理): each publication is
 * a whole new version, numbered from 1, recording which members changed since the version before and, optionally,
 * a note saying why; a withdrawal ends the document for good. The versions stay in the stream: the public sees the
 * current one and the history.
 */
export interface VersionedState<D> {
  readonly exists: boolean;
  readonly withdrawn: boolean;
  /** The current version's number; 0 before the first. */
  readonly version: number;
  readonly document?: D;
}

export type VersionedCommand<D, X = undefined> = { readonly actor: Actor; readonly agency: string } & (
  | {
      readonly type: 'Publish';
      readonly document: D;
      readonly note?: string;
      /** Registry facts the document's rules need, read by the service before deciding. */
      readonly context: X;
    }
  | { readonly type: 'Withdraw'; readonly reason: string }
);

export interface Published<D> {
  readonly version: number;
  readonly document: D;
  /** The members whose value differs from the version before, in name order; empty for the first version. */
  readonly changed: readonly string[];
  readonly note?: string;
}

export interface Withdrawn {
  readonly version: number;
  readonly reason: string;
}

export type VersionedEvent<K extends string, D> =
  | { readonly type: `${K}Published`; readonly data: Published<D> }
  | { readonly type: `${K}Withdrawn`; readonly data: Withdrawn };

export interface VersionedSpec<K extends string, D, X> {
  /** The event type prefix, such as `InspectionEntry`. */
  readonly kind: K;
  /** What the document is, in the messages of refusals. */
  readonly what: string;
  /** Refuses a document that breaks the kind's own rules (a RuleViolation), given the registry facts. */
  check(document: D, context: X): void;
}

/** The members of `next` whose canonical JSON differs from `previous`'s (or that either lacks), in name order. */
export function changedMembers(previous: object | undefined, next: object): string[] {
  if (previous === undefined) return [];
  const before = previous as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  const differs = (name: string) =>
    before[name] === undefined || after[name] === undefined
      ? before[name] !== after[name]
      : canonicalize(before[name]) !== canonicalize(after[name]);
  return [...names].filter(differs).sort();
}

/** The decider of one kind of versioned document: the agency's admin publishes and withdraws. */
export function versionedDecider<K extends string, D extends object, X>(
  spec: VersionedSpec<K, D, X>,
): Decider<VersionedCommand<D, X>, VersionedEvent<K, D>, VersionedState<D>> {
  const published = `${spec.kind}Published` as const;
  const withdrawn = `${spec.kind}Withdrawn` as const;
  return {
    initialState: () => ({ exists: false, withdrawn: false, version: 0 }),

    decide(command, state) {
      requireRole(command.actor, ['admin'], `publishing ${spec.what}`);
      requireAgency(command.actor, command.agency);
      if (state.withdrawn) throw conflict('document_withdrawn', `this ${spec.what} was withdrawn`);
      if (command.type === 'Withdraw') {
        if (!state.exists) throw notFound(`no such ${spec.what}`);
        return [{ type: withdrawn, data: { version: state.version, reason: command.reason } }];
      }
      spec.check(command.document, command.context);
      const changed = changedMembers(state.document, command.document);
      if (state.exists && changed.length === 0)
        throw conflict('version_unchanged', `the current version of this ${spec.what} already says this`);
      const data: Published<D> = {
        version: state.version + 1,
        document: command.document,
        changed,
        ...(command.note === undefined ? {} : { note: command.note }),
      };
      return [{ type: published, data }];
    },

    evolve(state, event) {
      if (event.type === published) {
        const data = event.data as Published<D>;
        return { exists: true, withdrawn: false, version: data.version, document: data.document };
      }
      return { ...state, withdrawn: true };
    },
  };
}

/** The current version's document, or undefined when there is none (never published, or withdrawn). */
export function currentDocument<D>(state: VersionedState<D>): D | undefined {
  return state.exists && !state.withdrawn ? state.document : undefined;
}
