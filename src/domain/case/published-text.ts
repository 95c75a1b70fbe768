import type { ActType } from './acts.js';

/**
 * The members of a case's acts that the public disclosure prints as the officer wrote them (after `scrubText`,
 * which removes identity, telephone numbers and email addresses but cannot know a name): the decision's legal basis
 * and document number, and the reason a publication was updated or withdrawn. The parties are published apart,
 * a person's name masked (张三 → 张*).
 */
export const PUBLISHED_MEMBERS: Readonly<Partial<Record<ActType, readonly string[]>>> = {
  DecisionIssued: ['legalBasis', 'documentNo'],
  DisclosureUpdated: ['reason'],
  DisclosureWithdrawn: ['reason'],
};

/** A name this short (one character) is a word as often as a name: it is not looked for. */
const SHORTEST_NAME = 2;

/**
 * The published members of an act that name one of `names` (the case's natural persons, as recorded): a name
 * written in one of them would stand in clear beside the masked party, and in the public search. Names are
 * compared trimmed, ignoring the case of Latin letters; a masked name (张*) names no one.
 */
export function membersNamingPersons(
  act: { readonly type: ActType; readonly data: unknown },
  names: readonly string[],
): string[] {
  const members = PUBLISHED_MEMBERS[act.type];
  if (!members || names.length === 0) return [];
  const sought = names
    .map((name) => name.trim().toLowerCase())
    .filter((name) => Array.from(name).length >= SHORTEST_NAME);
  const data = act.data as Readonly<Record<string, unknown>>;
  return members.filter((member) => {
    const text = data[member];
    if (typeof text !== 'string') return false;
    const lower = text.toLowerCase();
    return sought.some((name) => lower.includes(name));
  });
}
