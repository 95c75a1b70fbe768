import { caseStream } from '../domain/case/acts.js';
import { conflict, notFound } from '../domain/errors.js';
import type { CaseFileDoc } from '../../projections/case-files.js';
import type { DisclosureDoc } from '../../projections/disclosures.js';
import { hiddenOnErasure } from '../domain/personal-fields.js';
import { maskPersonName, redactPublic, type PublicParty } from '../domain/redaction.js';
import {
  atPointer,
  ERASED,
  isSealed,
  openSealed,
  UNAVAILABLE,
  type Opening,
  type SealedValue,
} from '../ledger/sealed-field.js';
import type { DataKeyStore } from '../ports/data-keys.js';
import type { EventStore, RecordedEvent } from '../ports/event-store.js';
import type { CaseReads, Retrieval } from './case-reads.js';
import { holdsSealed, openData, sealedFieldsOf, type CaseKey } from './personal-data.js';

/** A redacted field of a public entry: where its sealed original is, and the commitment that binds it. */
export interface PublicRedaction {
  readonly eventId: string;
  readonly path: string;
  readonly commitment: string;
}

/** The opening of one sealed field, as an authorised reader obtains it for a party or a court. */
export interface FieldOpening extends Opening {
  readonly caseId: string;
  readonly agency: string;
  readonly eventId: string;
  readonly eventHash: string;
  readonly path: string;
  readonly commitment: string;
}

export interface PersonalReadsDependencies {
  readonly dataKeys: DataKeyStore;
  readonly events: EventStore;
  readonly reads: CaseReads;
}

/**
 * Reads of sealed personal fields (docs/privacy.md): every read that shows a case's personal data opens it here,
 * with the case's data key; once the key is destroyed they read `[erased]`.
 */
export class PersonalReads {
  constructor(private readonly deps: PersonalReadsDependencies) {}

  /** The case's data key, or none and whether it was destroyed. */
  async keyOf(agency: string, caseId: string): Promise<CaseKey> {
    const scope = caseStream(agency, caseId);
    const key = await this.deps.dataKeys.get(scope);
    return { key, erased: key === undefined && (await this.deps.dataKeys.destroyed(scope)) };
  }

  /**
   * The case file with its parties and its acts' data opened, the parties as the latest correction of the opening
   * that names them has them. Once the case is erased, the parties' personal fields
   * read `[erased]` even where its `CaseOpened` was recorded before sealing, in clear: the file hides them, though
   * the log still holds them (docs/privacy.md).
   */
  async openCaseFile<
    F extends Pick<CaseFileDoc, 'agency' | 'caseId' | 'parties' | 'timeline' | 'erased'> & {
      evidence?: CaseFileDoc['evidence'];
    },
  >(file: F): Promise<F> {
    const sealed = file.timeline.some((t) => holdsSealed(t.data)) || holdsSealed(file.parties);
    // a correction of the opening recorded in clear (before sealing) still names the parties the file shows
    const partiesCorrected = file.timeline.some((t) => t.type === 'CaseOpened' && (t.corrections?.length ?? 0) > 0);
    if (!sealed && !file.erased && !partiesCorrected) return file;
    const key = await this.keyOf(file.agency, file.caseId);
    const erased = file.erased !== undefined;
    const timeline = file.timeline.map((t) => {
      const corrections = t.corrections?.map((c) => ({
        ...c,
        reason: hiddenText(openData(c.reason, c.eventId, key, '/reason'), erased),
        data: erased ? (ERASED as unknown as Record<string, unknown>) : openData(c.data, c.eventId, key, '/data'),
      }));
      let data = holdsSealed(t.data) || erased ? hidden(t.type, openData(t.data, t.eventId, key), erased) : t.data;
      // once erased, an opening whose parties may have been corrected into persons shows none of their names
      if (erased && t.type === 'CaseOpened' && corrections && Array.isArray(data.parties)) {
        data = { ...data, parties: (data.parties as object[]).map((p) => ({ ...p, name: ERASED })) };
      }
      return { ...t, data, ...(corrections ? { corrections } : {}) };
    });
    const opening = file.timeline.find((t) => t.type === 'CaseOpened');
    const opened = opening ? openData({ parties: file.parties }, opening.eventId, key) : { parties: file.parties };
    const evidence = file.evidence?.map((e) => ({
      ...e,
      description: hiddenText(openData<unknown>(e.description, e.eventId, key, '/description'), erased),
    }));
    // the parties as last corrected (a correction of the opening that names them), else as opened
    const corrected = timeline
      .find((t) => t.type === 'CaseOpened')
      ?.corrections?.map((c) => (c.data as { parties?: unknown } | null)?.parties)
      .filter((parties): parties is CaseFileDoc['parties'] => Array.isArray(parties))
      .at(-1);
    // once erased, the opening's parties hide their names too when a correction may have made one a person (an
    // organization's name is in clear: the correction named who it is)
    const hiddenParties = hidden('CaseOpened', opened, erased).parties;
    const correctedOpening = (opening?.corrections?.length ?? 0) > 0;
    return {
      ...file,
      parties:
        corrected ?? (erased && correctedOpening ? hiddenParties.map((p) => ({ ...p, name: ERASED })) : hiddenParties),
      timeline,
      ...(evidence ? { evidence } : {}),
    };
  }

  /**
   * A public entry with its sealed persons' names opened and masked by the redaction rules (`[erased]` once the
   * key is destroyed), and for each of them the event, the JSON Pointer and the commitment a disclosure statement
   * is checked against (`ledger verify-disclosure`).
   */
  async openDisclosure(doc: DisclosureDoc): Promise<DisclosureDoc & { redactions?: PublicRedaction[] }> {
    const sealed = doc.sealedNames;
    const correction = doc.partiesCorrection;
    if (!sealed && !correction) return doc;
    const { sealedNames: _sealed, partiesCorrection: _correction, ...rest } = doc;
    const key = await this.keyOf(doc.agency, doc.caseId);
    if (correction) {
      // the parties as corrected since the opening, redacted as the opening's are; when the correction cannot be
      // opened (the case erased, no key here), no name is shown: it may have made a named organization a person
      // once erased, none is shown, even of a correction recorded in clear (before sealing)
      const opened = key.erased ? ERASED : openData<unknown>(correction.data, correction.eventId, key, '/data');
      const listed =
        opened !== null && typeof opened === 'object' ? (opened as { parties?: unknown }).parties : undefined;
      if (Array.isArray(listed)) {
        return { ...rest, parties: (redactPublic({ parties: listed }) as { parties: PublicParty[] }).parties };
      }
      if (typeof opened === 'string') {
        return { ...rest, parties: (doc.parties ?? []).map((p) => ({ ...p, name: opened })) };
      }
    }
    if (!sealed) return rest;
    const parties = [...(doc.parties ?? [])];
    for (const { party, path, sealed: value } of sealed.fields) {
      const name: unknown = openData<unknown>(value, sealed.eventId, key, path);
      const current = parties[party];
      const shown = name === ERASED || name === UNAVAILABLE ? name : maskPersonName(String(name));
      if (current) parties[party] = { ...current, name: shown };
    }
    const redactions = sealed.fields.map(({ path, sealed: value }) => ({
      eventId: sealed.eventId,
      path,
      commitment: value.commitment,
    }));
    return { ...rest, parties, redactions };
  }

  /** For each event with sealed fields, its personal fields opened (or `[erased]`), by JSON Pointer. */
  async personalOf(
    agency: string,
    caseId: string,
    events: readonly { readonly id: string; readonly data: Record<string, unknown> }[],
  ): Promise<Map<string, Record<string, unknown>>> {
    const found = new Map<string, Record<string, unknown>>();
    const sealed = events.filter((e) => holdsSealed(e.data));
    if (sealed.length === 0) return found;
    const key = await this.keyOf(agency, caseId);
    for (const e of sealed) {
      const opened = openData(e.data, e.id, key);
      found.set(e.id, Object.fromEntries(sealedFieldsOf(e.data).map((f) => [f.path, atPointer(opened, f.path)])));
    }
    return found;
  }

  /**
   * The opening (salt and value) of the sealed field at `path` of event `eventId` of the case, its retrieval
   * recorded (`read_opening`): 404 when the event has no sealed field there, 409 `case_erased` once the key is gone.
   */
  async opening(retrieval: Retrieval, eventId: string, path: string): Promise<FieldOpening> {
    const { events } = this.deps;
    // a field the case's event does not seal is 404 before anything is recorded: nothing is opened
    const { agency, found } = await this.deps.reads.retrieve(
      retrieval,
      async (agency) => {
        const stream = await events.readStream(caseStream(agency, retrieval.caseId));
        if (stream.length === 0) return undefined;
        const recorded = stream.find((r) => r.event.id === eventId);
        return { recorded, sealed: recorded ? atPointer(recorded.event.data, path) : undefined };
      },
      {
        refuse: ({ recorded, sealed }) =>
          recorded && isSealed(sealed)
            ? undefined
            : notFound(`event ${eventId} of the case has no sealed field at ${path}`),
      },
    );
    const { recorded, sealed } = found as { recorded: RecordedEvent; sealed: SealedValue };
    const stream = caseStream(agency, retrieval.caseId);
    const key = await this.deps.dataKeys.get(stream);
    if (!key && (await this.deps.dataKeys.destroyed(stream)))
      throw conflict('case_erased', 'the personal data of this case was erased: no field can be opened');
    if (!key) throw notFound(`this service holds no data key for the case, so ${path} cannot be opened here`);
    const { salt, value } = openSealed(key, sealed, { eventId, path });
    return {
      caseId: retrieval.caseId,
      agency,
      eventId,
      eventHash: recorded.event.hash,
      path,
      commitment: sealed.commitment,
      salt,
      value,
    };
  }
}

/**
 * `data` of an act with every personal field still in clear (recorded before sealing) replaced by `[erased]`, when
 * `erased`: the case file hides them once the case is erased, though the log still holds them.
 */
function hidden<T extends Record<string, unknown>>(type: string, data: T, erased: boolean): T {
  if (!erased) return data;
  const paths = hiddenOnErasure(type, data);
  if (paths.length === 0) return data;
  const copy = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  for (const path of paths) {
    const tokens = path.split('/').slice(1);
    const member = tokens.pop()!;
    let parent: unknown = copy;
    for (const t of tokens) parent = (parent as Record<string, unknown>)[t];
    (parent as Record<string, unknown>)[member] = ERASED;
  }
  return copy as T;
}

/** A free text as the case file shows it: opened, or `[erased]` once the case is erased, in clear or not. */
const hiddenText = (text: unknown, erased: boolean): string => (erased ? ERASED : String(text));
