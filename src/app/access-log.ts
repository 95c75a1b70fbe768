import { RevisionConflict } from '../errors.js';
import { sealEvents, type StreamHead } from '../ledger/envelope.js';
import type { CommandDependencies } from './command-handler.js';
import type { Principal } from './auth.js';
import { checkStoredEvents } from './stored-events.js';

export type AccessAction = 'read_case' | 'read_events' | 'read_bundle' | 'read_media' | 'read_similar';

export interface AccessEntry {
  readonly caseId: string;
  readonly principal: Pick<Principal, 'sub' | 'agency' | 'roles'>;
  readonly action: AccessAction;
  readonly outcome: 'granted' | 'denied';
  readonly requestId: string;
  /** Why the record was retrieved (a supervision check, a dispute), from the `x-purpose` header. */
  readonly purpose?: string;
  readonly media?: string;
}

export function accessStream(caseId: string): string {
  return `access-${caseId}`;
}

/**
 * Every retrieval of a case (调阅) is itself recorded, granted or denied, as a signed `CaseAccessed` event in the
 * case's access stream, before anything is sent. Concurrent retrievals share the store's group commits; the
 * head of each access stream is cached so that a read never replays the stream.
 */
export class AccessLog {
  private readonly heads = new Map<string, StreamHead | null>();

  constructor(
    private readonly deps: CommandDependencies,
    private readonly newId: () => string,
  ) {}

  record(entry: AccessEntry): Promise<void> {
    const stream = accessStream(entry.caseId);
    const append = () => this.append(stream, entry);
    return this.deps.locks ? this.deps.locks.run(stream, append) : append();
  }

  private async append(stream: string, entry: AccessEntry): Promise<void> {
    const now = this.deps.clock.now().toISOString();
    const { principal, ...rest } = entry;
    const draft = {
      id: this.newId(),
      type: 'CaseAccessed',
      schemaVersion: 1,
      occurredAt: now,
      actor: { sub: principal.sub, agency: principal.agency, roles: [...principal.roles] },
      data: { ...rest },
      media: [],
    };
    for (let attempt = 0; attempt < 5; attempt++) {
      const head = this.heads.has(stream) ? this.heads.get(stream)! : await this.readHead(stream);
      const sealed = sealEvents(stream, head, [draft], this.deps.signer, now);
      try {
        const result = await this.deps.events.append(stream, sealed, head ? head.revision : 'no_stream');
        this.heads.set(stream, { revision: result.revision, hash: result.hash });
        return;
      } catch (err) {
        if (!(err instanceof RevisionConflict)) throw err;
        this.heads.delete(stream); // another replica wrote: read the head again
      }
    }
    throw new RevisionConflict(stream, 'a free revision', null);
  }

  private async readHead(stream: string): Promise<StreamHead | null> {
    const [last] = await this.deps.events.readStream(stream, { direction: 'backward', limit: 1 });
    if (!last) return null;
    checkStoredEvents(stream, [last.event]); // the head chained onto is the stored last event as sealed
    return { revision: last.event.revision, hash: last.event.hash };
  }
}
