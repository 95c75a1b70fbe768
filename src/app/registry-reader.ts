import { fold } from '../domain/decider.js';
import { itemDecider, itemStream, type ItemEvent, type ItemState } from '../domain/registry/items.js';
import { officerDecider, officerStream, type OfficerEvent, type OfficerState } from '../domain/registry/officers.js';
import type { EventStore } from '../ports/event-store.js';

/** The current state of registry entries, folded from their streams. */
export class RegistryReader {
  constructor(private readonly events: EventStore) {}

  async officer(officerId: string): Promise<OfficerState> {
    const recorded = await this.events.readStream(officerStream(officerId));
    return fold(
      officerDecider,
      recorded.map((r) => ({ type: r.event.type, data: r.event.data }) as OfficerEvent),
    );
  }

  async item(agency: string, code: string): Promise<ItemState> {
    const recorded = await this.events.readStream(itemStream(agency, code));
    return fold(
      itemDecider,
      recorded.map((r) => ({ type: r.event.type, data: r.event.data }) as ItemEvent),
    );
  }

  /** Officers by id, for a decision that needs several. */
  async officers(ids: Iterable<string>): Promise<Map<string, OfficerState>> {
    const unique = [...new Set(ids)];
    const states = await Promise.all(unique.map((id) => this.officer(id)));
    return new Map(unique.map((id, i) => [id, states[i]!]));
  }
}
