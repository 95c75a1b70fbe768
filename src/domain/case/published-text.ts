import type { ActType } from './acts.js';

/**
 * The members of a case's acts that the public disclosure prints as the officer wrote them (after `scrubText`,
 * which removes identity, telephone numbers and email addresses but cannot know a name, a passport's number or an
 * address): the decision's legal basis
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
 * An identity document number, phone number or address this short (three characters: 'A12', '某村') is a word or a
 * number as often as it is the party's: it is not looked for.
 */
const SHORTEST_IDENTIFIER = 4;

/** What the case records of a party who is a natural person, opened: what the disclosure may never print. */
export interface PersonalValues {
  readonly name?: string;
  /** The identity document's number: a resident identity number, or a passport's, which `scrubText` cannot know. */
  readonly idNumber?: string;
  readonly phone?: string;
  readonly address?: string;
}

/**
 * A text as the values are compared in it: without spaces and dashes (a name typed 李 四, a number typed in groups),
 * full-width letters and digits as ASCII (NFKC), Latin letters in lower case.
 */
const compared = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{Pd}]+/gu, '');

/** Where an address turns from the divisions (province, city, district, county, town…) to the street and number. */
const LAST_DIVISION = /^.*(?:省|自治区|市|区|县|旗|镇|乡|街道)/u;

/**
 * What of a recorded address identifies where a person lives: none when it holds no number (a district or a village
 * names a place, not a home, and is named by laws and regulations); else the whole address, and its street and number
 * after the last division, which a text may write without the divisions before it.
 */
function addressValues(address: string | undefined): string[] {
  if (address === undefined || !/\p{Nd}/u.test(address.normalize('NFKC'))) return [];
  const whole = compared(address);
  const street = whole.replace(LAST_DIVISION, '');
  return street !== whole && /\d/.test(street) ? [whole, street] : [whole];
}

/**
 * The published members of an act that hold one of the personal values of `persons` (the case's natural persons,
 * as recorded): a name, identity document number, phone number or address written in one of them would stand in
 * clear beside the masked party, and in the public search. Values are compared as {@link compared} (spaces, dashes,
 * width and the case of Latin letters aside); an address only where it holds a number, also by its street and number
 * alone; a masked name (张*) names no one.
 */
export function membersNamingPersons(
  act: { readonly type: ActType; readonly data: unknown },
  persons: readonly PersonalValues[],
): string[] {
  const members = PUBLISHED_MEMBERS[act.type];
  if (!members || persons.length === 0) return [];
  const values = (shortest: number, texts: readonly (string | undefined)[]) =>
    texts
      .filter((text): text is string => typeof text === 'string')
      .map(compared)
      .filter((text) => Array.from(text).length >= shortest);
  const sought = [
    ...values(
      SHORTEST_NAME,
      persons.map((p) => p.name),
    ),
    ...values(
      SHORTEST_IDENTIFIER,
      persons.flatMap((p) => [p.idNumber, p.phone, ...addressValues(p.address)]),
    ),
  ];
  if (sought.length === 0) return [];
  const data = act.data as Readonly<Record<string, unknown>>;
  return members.filter((member) => {
    const text = data[member];
    if (typeof text !== 'string') return false;
    const within = compared(text);
    return sought.some((value) => within.includes(value));
  });
}
