import type { ExpectedHead } from './command-handler.js';
import type { WorkingDayCalendar } from '../domain/calendar/working-days.js';
import type { ActData, ActType, MediaRef, RecordAct, RecordedCaseEvent } from '../domain/case/acts.js';
import { caseStream } from '../domain/case/acts.js';
import { caseEventOf } from '../domain/case/envelope.js';
import { caseDecider, type CaseCommand, type CaseContext } from '../domain/case/decider.js';
import { PUBLISHED_MEMBERS, type PersonalValues } from '../domain/case/published-text.js';
import { ERASED, UNAVAILABLE } from '../ledger/sealed-field.js';
import type { CaseState } from '../domain/case/state.js';
import type { Party } from '../domain/redaction.js';
import type { DeviceState } from '../domain/registry/devices.js';
import type { Actor } from '../domain/actor.js';
import { fold } from '../domain/decider.js';
import type { EventEnvelope, Signature } from '../ledger/envelope.js';
import {
  batchOf,
  handleCommand,
  type CommandDependencies,
  type CommandResult,
  type EventCodec,
} from './command-handler.js';
import { recordsActs } from './act-replay.js';
import { conflict, violation } from '../domain/errors.js';
import { applicationStream } from '../domain/application/application.js';
import { readHolding } from './media-holdings.js';
import { RegistryReader } from './registry-reader.js';
import type { ReadAhead } from './read-ahead.js';
import { checkStoredEvents } from './stored-events.js';
import type { PublicKeyResolver } from '../ledger/ed25519.js';
import { DataKeyDestroyed, DataKeyUnavailable, type DataKeyStore } from '../ports/data-keys.js';
import { needsSealing, openData, opensWith, sealDraft } from './personal-data.js';
import { actingOfficerKey, signedActCodec, type ActSignature } from './signed-acts.js';
import { documentNumberHolder } from '../../projections/document-numbers.js';
import { StreamLocks } from './stream-locks.js';
import type { Claims } from './claims.js';
import type { DocReader } from '../ports/read-models.js';
import { caughtUp, type ReadConsistency } from './read-consistency.js';
import type { KeyObject } from 'node:crypto';

/** Case events in envelopes: `data` is the act's data with what the rules derived, plus `officers` when the act named them. */
export const caseCodec: EventCodec<RecordedCaseEvent> = {
  toDraft: (event, id) => ({
    id,
    type: event.type,
    schemaVersion: 1,
    occurredAt: event.occurredAt,
    actor: event.actor,
    data: (event.officers && event.type !== 'CaseOpened'
      ? { ...event.data, officers: event.officers }
      : event.data) as Record<string, unknown>,
    media: event.media,
  }),
  fromEnvelope: caseEventOf,
};

/**
 * The case codec whose drafts hold their personal fields sealed under the case's data key (with the salts a signing
 * client chose, when it did).
 */
const sealingCodec = (key: Uint8Array, salts?: Readonly<Record<string, string>>): EventCodec<RecordedCaseEvent> => ({
  toDraft: (event, id) => sealDraft(caseCodec.toDraft(event, id), key, salts),
  fromEnvelope: caseEventOf,
});

export interface ActRequest<T extends ActType = ActType> {
  readonly type: T;
  readonly occurredAt: string;
  readonly officers?: readonly string[];
  readonly data: ActData[T];
  /** The SHA-256 of each medium the act names; each must be held by the case's agency. */
  readonly media: readonly string[];
}

export interface CaseServiceDependencies extends CommandDependencies {
  readonly calendar: WorkingDayCalendar;
  /** The service's event keys, current and retired: events served are checked against them too. */
  readonly serviceKeys?: PublicKeyResolver;
  /** The cases' data keys: personal fields are sealed under them. Without it, they are recorded in clear. */
  readonly dataKeys?: DataKeyStore;
  /** Minutes east of UTC of an agency's local time: the dates of its acts are its days. */
  readonly utcOffsetOf?: (agency: string) => number;
  /**
   * The read models and how far they have applied the log: which case's decision bears a document number is read
   * there, once they have applied the whole log. Without them, document numbers are not checked.
   */
  readonly documentNumbers?: { readonly readModels: DocReader; readonly runner: ReadConsistency };
  /**
   * Where replicas share the log: each number an act gives a decision is claimed for the case once the rules have
   * passed, before the act is appended (src/app/claims.ts, `DOCUMENT_NUMBER_CLAIMS`). Without it, the rule holds within
   * this process only.
   */
  readonly documentNumberClaims?: Pick<Claims, 'claim'>;
}

/** Acts whose fine the item's discretion benchmark grades: its stream is read for them only. */
const needsBenchmark = (acts: readonly RecordAct[]): boolean =>
  acts.some((a) => a.type === 'LegalReviewRequested' || a.type === 'DecisionIssued');

/**
 * The registry entries of the actor's agency that deciding `requests` on `state` reads: the case's item, and the
 * officers the acts name, the case's own, any counsel named (looked up in the same registry) and the actor.
 */
function registryEntries(
  state: CaseState,
  requests: readonly ActRequest[],
  actor: Actor,
): { itemCode: string | undefined; officers: string[] } {
  const opening = requests.find((r): r is ActRequest<'CaseOpened'> => r.type === 'CaseOpened');
  const named = requests.flatMap((r) =>
    r.type === 'CaseOpened' ? (r as ActRequest<'CaseOpened'>).data.officers : (r.officers ?? []),
  );
  const counsel = requests.flatMap((r) =>
    r.type === 'CounselOpinionRecorded' ? [(r as ActRequest<'CounselOpinionRecorded'>).data.counsel] : [],
  );
  return {
    itemCode: state.itemCode ?? opening?.data.itemCode,
    officers: [...new Set([...named, ...counsel, ...state.officers, actor.sub])],
  };
}

/** Whether an event's officer signature is `expected`: the same algorithm, key and value. */
function sameSignature(recorded: Signature | undefined, expected: Signature): boolean {
  return recorded?.alg === expected.alg && recorded.keyId === expected.keyId && recorded.value === expected.value;
}

/** The document numbers the acts give a decision: issuing it, or correcting its number. */
function documentNumbersOf(requests: readonly ActRequest[]): string[] {
  return requests.flatMap((r) => {
    const data = r.data as { documentNo?: unknown; data?: { documentNo?: unknown } };
    const documentNo =
      r.type === 'DecisionIssued' ? data.documentNo : r.type === 'RecordCorrected' ? data.data?.documentNo : undefined;
    return typeof documentNo === 'string' ? [documentNo] : [];
  });
}

/** The members of a party that {@link PersonalValues} takes. */
const PERSONAL_VALUES = ['name', 'idNumber', 'phone', 'address'] as const satisfies readonly (keyof PersonalValues)[];

/** Recording acts on cases: the registry facts each decision needs are read first, then the decider rules. */
export class CaseService {
  private readonly registry: RegistryReader;
  /**
   * Acts giving a decision a document number, one agency's one at a time: each reads the numbers the read models
   * hold once they have applied the whole log, which then includes the decision recorded just before it.
   */
  private readonly numbering = new StreamLocks();

  constructor(private readonly deps: CaseServiceDependencies) {
    this.registry = new RegistryReader(deps.events);
  }

  /** Records an act on the case `caseId` of the actor's agency. */
  async record(
    caseId: string,
    actor: Actor,
    request: ActRequest,
    options: { eventId: string; expectedRevision?: ExpectedHead; signed?: ActSignature },
  ): Promise<CommandResult> {
    return this.recordAll(caseId, actor, [request], options);
  }

  /**
   * Records several acts on one case atomically: each is decided on the state the ones before it leave, and
   * all are appended together or, if any rule refuses one, none is.
   */
  async recordAll(
    caseId: string,
    actor: Actor,
    requests: readonly ActRequest[],
    options: { eventId: string; expectedRevision?: ExpectedHead; signed?: ActSignature },
  ): Promise<CommandResult> {
    const { signed, ...commandOptions } = options;
    if (signed && (requests.length !== 1 || requests[0]!.type === 'CaseOpened')) {
      throw violation('actor_signature_unsupported', 'an officer signs one act recorded alone, not an opening');
    }
    const stream = caseStream(actor.agency, caseId);
    // the key is durable before any event sealed under it is appended (SqliteDataKeyStore.ensure)
    const key = await this.dataKeyFor(stream, requests);
    // a retry compares the request with the recorded events opened: one that does not open cannot be compared
    const opened = (recorded: readonly EventEnvelope[]) =>
      key
        ? recorded.map((e) => {
            if (!opensWith(e.data, e.id, key)) throw new DataKeyUnavailable(stream);
            return { ...e, data: openData(e.data, e.id, key) };
          })
        : recorded;
    let officerKey: KeyObject | undefined;
    const codec = signed
      ? signedActCodec(
          (salts) => (key ? sealingCodec(key, salts) : caseCodec),
          stream,
          signed,
          () => officerKey!,
          key !== undefined,
        )
      : key
        ? sealingCodec(key)
        : caseCodec;
    // a signed act is recorded at the very instant its key was checked at, so that the verifier, which checks the
    // key's revocation against the event's recordedAt, reaches the service's verdict; that instant is read before
    // the officer's stream is (`alongside`, on every attempt), so that a revocation the read does not see, recorded
    // after it from its own instant on, starts after the act's recordedAt for the verifier too
    let checkedAt: Date | undefined;
    const deps = signed ? { ...this.deps, clock: { now: () => checkedAt ?? this.deps.clock.now() } } : this.deps;
    const numbers = documentNumbersOf(requests);
    const claimer = this.deps.documentNumbers ? this.deps.documentNumberClaims : undefined;
    // each number the acts give, claimed once their rules have passed (again on a retry after a conflict)
    const claims =
      claimer && numbers.length > 0
        ? async () => {
            for (const documentNo of new Set(numbers)) await claimer.claim(actor, caseId, documentNo);
          }
        : undefined;
    const run = (): Promise<CommandResult> =>
      handleCommand(
        deps,
        stream,
        batchOf(caseDecider),
        codec,
        async (state: CaseState, ahead: ReadAhead): Promise<CaseCommand[]> => {
          const opening = requests.find((r) => r.type === 'CaseOpened')?.data as { application?: unknown } | undefined;
          const application =
            state.application ?? (typeof opening?.application === 'string' ? opening.application : undefined);
          const media = await this.mediaOf(state.agency ?? actor.agency, requests, application);
          const acts = requests.map(
            (request, i) => ({ ...request, media: media[i], id: i === 0 ? options.eventId : '', actor }) as RecordAct,
          );
          const { itemCode, officers: officerIds } = registryEntries(state, requests, actor);
          const [item, benchmark, officers, list, devices, settings, catalogue, persons] = await Promise.all([
            itemCode ? this.registry.item(actor.agency, itemCode, ahead) : undefined,
            itemCode && needsBenchmark(acts) ? this.registry.benchmark(actor.agency, itemCode) : undefined,
            // the officers of the actor's agency: the case's own (another agency's case is not found by the rules)
            this.registry.officers(actor.agency, officerIds, ahead),
            // the recording list fixes a case's recording duties when it is opened
            acts.some((a) => a.type === 'CaseOpened') ? this.registry.recordingList(actor.agency) : undefined,
            this.devicesNamed(actor.agency, acts),
            // the agency's review time limit fixes a request's last day
            acts.some((a) => a.type === 'LegalReviewRequested')
              ? this.registry.reviewSettings(actor.agency)
              : undefined,
            // the review catalogue decides, with the item's own criteria, whether a decision is major
            acts.some((a) => a.type === 'DecisionIssued') ? this.registry.reviewCatalogue(actor.agency) : undefined,
            // what the disclosure publishes as written must not name the persons it shows masked
            this.persons(stream, state, requests),
          ]);
          const holders = await this.documentNumberHolders(actor.agency, requests);
          if (!signed) checkedAt = this.deps.clock.now();
          const recordedAt = checkedAt!.toISOString();
          const context: CaseContext = {
            item: (code: string) => (code === itemCode ? item : undefined),
            officer: (id: string) => officers.get(id),
            calendar: this.deps.calendar,
            ...(list?.entries ? { recordingList: list.entries } : {}),
            device: (id: string) => devices.get(id),
            benchmark: (code: string) => (code === itemCode ? benchmark : undefined),
            ...(settings?.reviewWorkingDays === undefined ? {} : { reviewWorkingDays: settings.reviewWorkingDays }),
            ...(catalogue ? { reviewCatalogue: catalogue.versions } : {}),
            recordedAt,
            ...(this.deps.utcOffsetOf ? { utcOffsetMinutes: this.deps.utcOffsetOf(actor.agency) } : {}),
            ...(persons ? { persons } : {}),
            ...(holders ? { documentNumberHolder: (documentNo: string) => holders.get(documentNo) } : {}),
          };
          if (signed) {
            const { keyId } = signed.actorSig;
            officerKey = actingOfficerKey(
              officers.get(actor.sub),
              keyId,
              requests[0]!.occurredAt,
              recordedAt,
              context.utcOffsetMinutes,
            );
          }
          return acts.map((act) => ({ act, context }));
        },
        {
          ...commandOptions,
          ...(claims ? { beforeAppend: claims } : {}),
          // a signed act sent again is the same request only with the signature it was recorded with, and only by
          // the officer who sent it (its id is the act's own, not one of the sender's keys: another officer
          // holding the same signed act would otherwise be answered as though they had recorded it)
          sameRequest: (recorded) =>
            recordsActs(requests, opened(recorded)) &&
            (signed === undefined ||
              (sameSignature(recorded[0]?.actorSig, signed.actorSig) && recorded[0]?.actor.sub === actor.sub)),
          // the item and officers the case's state as last folded here names, read with the case in one store call
          alongside: (known) => {
            if (signed) checkedAt = this.deps.clock.now();
            return this.registry.readsFor(
              actor.agency,
              registryEntries(known ?? caseDecider.initialState(), requests, actor),
            );
          },
        },
      );
    // acts giving a decision a document number wait for the agency's acts before them that do (`numbering`)
    return numbers.length > 0 && this.deps.documentNumbers ? this.numbering.run(actor.agency, run) : run();
  }

  /**
   * The cases of the agency whose decisions bear the document numbers `requests` give a decision (issuing it, or
   * correcting its number), read once the read models have applied the whole log (`503 not_caught_up` when they do
   * not within the read wait), so that a decision issued a moment ago counts; undefined when none is given.
   */
  private async documentNumberHolders(
    agency: string,
    requests: readonly ActRequest[],
  ): Promise<Map<string, string> | undefined> {
    const numbers = documentNumbersOf(requests);
    const source = this.deps.documentNumbers;
    if (numbers.length === 0 || !source) return undefined;
    await caughtUp(source.runner, await this.deps.events.headPosition());
    return new Map(
      numbers.flatMap((documentNo) => {
        const heldBy = documentNumberHolder(source.readModels, agency, documentNo);
        return heldBy === undefined ? [] : [[documentNo, heldBy] as const];
      }),
    );
  }

  /**
   * What the case records of its natural-person parties (name, identity document number, phone, address), opened
   * with the case's data key where it is sealed, when an act has members the disclosure publishes as written;
   * undefined otherwise. A value that cannot be opened (no key here) is left out; once the case is erased, a
   * decision or an update of its publication is `409 case_erased`.
   */
  private async persons(
    stream: string,
    state: CaseState,
    requests: readonly ActRequest[],
  ): Promise<readonly PersonalValues[] | undefined> {
    if (!requests.some((r) => PUBLISHED_MEMBERS[r.type])) return undefined;
    const corrections = state.openingCorrections ?? [];
    const sealed =
      corrections.length > 0 ||
      state.parties.some(
        (p) =>
          p.kind !== 'organization' && Object.values(p).some((value) => value !== null && typeof value === 'object'),
      );
    const key = sealed && state.openingEventId ? await this.deps.dataKeys?.get(stream) : undefined;
    // erased, the parties' data cannot be compared with what would be published: a decision or an update of its
    // publication is refused rather than published unchecked (a withdrawal, which takes the entry down, is not)
    if (
      sealed &&
      key === undefined &&
      requests.some((r) => r.type === 'DecisionIssued' || r.type === 'DisclosureUpdated') &&
      (await this.deps.dataKeys?.destroyed(stream))
    ) {
      throw conflict(
        'case_erased',
        "the personal data of this case was erased: what a decision or an update publishes can no longer be checked against its parties' names, so none is recorded",
      );
    }
    // the whole list is opened: each sealed value's path names its party's index
    const parties = key ? openData(state.parties, state.openingEventId!, key, '/parties') : state.parties;
    // the parties as corrected since (a correction's members are sealed whole, at /data)
    const corrected = corrections.flatMap(({ eventId, data }) => {
      const members = key ? openData(data, eventId, key, '/data') : data;
      const listed = (members as { parties?: unknown } | null)?.parties;
      return Array.isArray(listed) ? (listed as Party[]) : [];
    });
    // a case opened, or its parties corrected, in the same batch names them in the request, in clear
    const opening = requests.flatMap((r) =>
      r.type === 'CaseOpened'
        ? (r.data as { parties: Party[] }).parties
        : r.type === 'RecordCorrected' && (r.data as { corrects?: string }).corrects === state.openingEventId
          ? ((r.data as { data?: { parties?: Party[] } }).data?.parties ?? [])
          : [],
    );
    // a value that could not be opened stands as a marker, or as its sealed form: it is left out
    const opened = (party: object): PersonalValues =>
      Object.fromEntries(
        PERSONAL_VALUES.flatMap((member) => {
          const value = (party as Record<string, unknown>)[member];
          return typeof value === 'string' && value !== ERASED && value !== UNAVAILABLE ? [[member, value]] : [];
        }),
      );
    return [...parties, ...corrected, ...opening]
      .filter((p) => typeof p === 'object' && p !== null && p.kind !== 'organization')
      .map(opened);
  }

  /** The case's data key when an act holds personal fields; 409 `case_erased` once the key was destroyed. */
  private async dataKeyFor(stream: string, requests: readonly ActRequest[]): Promise<Uint8Array | undefined> {
    const { dataKeys } = this.deps;
    if (!dataKeys || !requests.some((r) => needsSealing({ type: r.type, data: r.data as Record<string, unknown> })))
      return undefined;
    try {
      return await dataKeys.ensure(stream);
    } catch (err) {
      if (err instanceof DataKeyDestroyed)
        throw conflict('case_erased', 'the personal data of this case was erased: none can be recorded on it');
      throw err;
    }
  }

  /** The recording devices of the actor's agency that the acts name (`RecordingAttached.deviceId`). */
  private async devicesNamed(agency: string, acts: readonly RecordAct[]): Promise<Map<string, DeviceState>> {
    const ids = [
      ...new Set(acts.flatMap((a) => (a.type === 'RecordingAttached' && a.data.deviceId ? [a.data.deviceId] : []))),
    ];
    const states = await Promise.all(ids.map((id) => this.registry.device(agency, id)));
    return new Map(ids.map((id, i) => [id, states[i]!]));
  }

  /**
   * The media each act names, as the agency's `MediaReceived` events record them; 422 `media_unknown` for a
   * medium the agency does not hold, whoever else holds it. An online application's attachment (received from the
   * applicant) is evidence of the case that application opened (`application`) and of no other:
   * `422 media_of_application` elsewhere, so that an applicant's files are not drawn into other cases, nor served
   * through them once the application is erased. Read from the log on every decision, before signing.
   */
  private async mediaOf(
    agency: string,
    requests: readonly ActRequest[],
    application: string | undefined,
  ): Promise<MediaRef[][]> {
    const hashes = [...new Set(requests.flatMap((r) => r.media))];
    const held = new Map<string, MediaRef>();
    const applicants = new Set<string>();
    // read only when an act names an applicant's file
    let filed: Promise<Set<string>> | undefined;
    const filedWith = (sha256: string) =>
      application === undefined
        ? false
        : (filed ??= this.attachmentsOf(agency, application)).then((attachments) => attachments.has(sha256));
    await Promise.all(
      hashes.map(async (sha256) => {
        const holding = await readHolding(this.deps.events, agency, sha256);
        if (!holding) return;
        if (holding.throughApplication && !(await filedWith(sha256))) applicants.add(sha256);
        held.set(sha256, { sha256, size: holding.size, contentType: holding.contentType });
      }),
    );
    return requests.map((r) =>
      r.media.map((sha256) => {
        const ref = held.get(sha256);
        if (!ref) throw violation('media_unknown', `no medium ${sha256} has been uploaded`, { sha256 });
        if (applicants.has(sha256)) {
          throw violation(
            'media_of_application',
            `medium ${sha256} was filed with an online application: it is evidence of the case that application opened, not of this one`,
            { sha256 },
          );
        }
        return ref;
      }),
    );
  }

  /** The digests of the files an online application was filed with (`ApplicationFiled.data.attachments`). */
  private async attachmentsOf(agency: string, application: string): Promise<Set<string>> {
    const [filing] = await this.deps.events.readStream(applicationStream(agency, application), { limit: 1 });
    const attachments = (filing?.event.data as { attachments?: unknown } | undefined)?.attachments;
    return new Set(
      Array.isArray(attachments)
        ? attachments.flatMap((a) =>
            typeof (a as { sha256?: unknown }).sha256 === 'string' ? [(a as { sha256: string }).sha256] : [],
          )
        : [],
    );
  }

  /**
   * The events of agency's case `caseId` and the state the rules see, or undefined when there is no such case. The
   * events are checked as read back (hash, chain and, with `serviceKeys`, signature): an altered event is an
   * {@link IntegrityFault}.
   */
  async load(
    agency: string,
    caseId: string,
  ): Promise<{ events: EventEnvelope[]; positions: number[]; state: CaseState } | undefined> {
    const stream = caseStream(agency, caseId);
    const recorded = await this.deps.events.readStream(stream);
    if (recorded.length === 0) return undefined;
    checkStoredEvents(
      stream,
      recorded.map((r) => r.event),
      { after: null, ...(this.deps.serviceKeys ? { keys: this.deps.serviceKeys } : {}) },
    );
    const state = fold(
      caseDecider,
      recorded.map((r) => caseCodec.fromEnvelope(r.event)),
    );
    return { events: recorded.map((r) => r.event), positions: recorded.map((r) => r.position), state };
  }
}
