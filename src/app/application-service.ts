import type { ExpectedHead } from './command-handler.js';
import { createHash, randomBytes } from 'node:crypto';
import { dateAtOffset, type Actor } from '../domain/actor.js';
import {
  applicationDecider,
  applicationStream,
  type Applicant,
  type ApplicationCommand,
  type ApplicationEvent,
  type ApplicationRequest,
  type FiledData,
} from '../domain/application/application.js';
import type { WorkingDayCalendar } from '../domain/calendar/working-days.js';
import { conflict, RuleViolation } from '../domain/errors.js';
import type { BlobInfo } from '../ports/blob-store.js';
import type { DataKeyStore } from '../ports/data-keys.js';
import type { CaseService } from './case-service.js';
import {
  handleCommand,
  recordedEvent,
  type CommandDependencies,
  type CommandOptions,
  type CommandResult,
} from './command-handler.js';
import { derivedId, namedEventId } from './idempotency.js';
import { canonicalize } from '../ledger/canonical-json.js';
import { UNAVAILABLE } from '../ledger/sealed-field.js';
import { holdsSealed, openData, sealDraft } from './personal-data.js';
import { APPLICANT, type MediaHoldings } from './media-holdings.js';
import { registryCodec } from './registry-codec.js';
import { RegistryReader } from './registry-reader.js';
import { loadApplication, type LoadedApplication } from './application-filing.js';
import { StreamLocks } from './stream-locks.js';
import type { EventStore } from '../ports/event-store.js';
import { caseStream } from '../domain/case/acts.js';

export interface ApplicationServiceDependencies extends CommandDependencies {
  readonly calendar: WorkingDayCalendar;
  readonly cases: Pick<CaseService, 'record'>;
  readonly holdings: Pick<MediaHoldings, 'receive'>;
  /** Minutes east of UTC of an agency's local time: the day an application is filed or decided there. */
  readonly utcOffsetOf: (agency: string) => number;
  readonly newId: () => string;
  /**
   * The data keys: the applicant's personal fields are sealed under the application's own key (its stream's), as a
   * case's under the case's. Without it, they are recorded in clear.
   */
  readonly dataKeys?: DataKeyStore;
}

/** What the applicant keeps: the application's id, the lookup code (shown once, never stored) and the filing event. */
export interface Receipt {
  readonly applicationId: string;
  readonly agency: string;
  /**
   * The lookup code. Absent only when a form sent again under its submission key finds the application filed
   * already and this service no longer holds the code it gave then (it keeps it a few minutes, in memory only).
   */
  readonly lookupCode?: string;
  /** True when the filing was found recorded already under the form's submission key: nothing new was filed. */
  readonly replayed?: boolean;
  readonly filedOn: string;
  readonly acceptBy: string;
  readonly eventId: string;
  readonly hash: string;
  readonly position: number;
}

/** How long a filing's lookup code is kept in memory for the same form sent again. */
const RECENT_CODE_MS = 10 * 60_000;
/** The most codes kept so (the oldest go first). */
const RECENT_CODES = 10_000;

/** Bits of randomness in a lookup code. */
export const LOOKUP_CODE_BITS = 128;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A fresh lookup code: {@link LOOKUP_CODE_BITS} random bits in RFC 4648 base32 (26 characters, no padding). */
export function newLookupCode(): string {
  const bytes = randomBytes(LOOKUP_CODE_BITS / 8);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** The code as typed (any case, spaces or dashes between groups) in its canonical form. */
export const normalLookupCode = (typed: string): string => typed.replace(/[\s-]/g, '').toUpperCase();

/** SHA-256 (hex) of a lookup code's canonical form: all that is recorded of it. */
export const lookupHash = (code: string): string =>
  createHash('sha256').update(normalLookupCode(code), 'utf8').digest('hex');

/**
 * Whether a case was opened from application `applicationId` of `agency`: the case of the application's id, opened
 * naming it, whether its acceptance was recorded or not yet.
 */
export async function caseOpenedFrom(
  events: Pick<EventStore, 'readStream'>,
  agency: string,
  applicationId: string,
): Promise<boolean> {
  const [first] = await events.readStream(caseStream(agency, applicationId), { limit: 1 });
  const data = first?.event.type === 'CaseOpened' ? (first.event.data as { application?: unknown }) : undefined;
  return data?.application === applicationId;
}

/** The applicant's identity in the log: the public files applications, in the agency's name, with no role. */
const applicantActor = (agency: string): Actor => ({ sub: APPLICANT, agency, roles: [] });

/**
 * Online applications (网上受理): filing (the public), accepting it, which opens its case, or refusing to accept it
 * (an officer of the agency). Each step is a signed event of the application's stream.
 */
export class ApplicationService {
  private readonly registry: RegistryReader;
  /**
   * Acceptances and refusals of one application, one after another in this process, each from its reading of the
   * application to its last append: an acceptance opens the case before it records itself, so a refusal that
   * slipped in between would leave a refused application with a case.
   */
  readonly #decisions = new StreamLocks();
  /** The codes given to filings under a submission key, for a few minutes: a form sent twice shows the same code. */
  readonly #recentCodes = new Map<
    string,
    { readonly code: string; readonly fingerprint: string; readonly until: number }
  >();

  constructor(private readonly deps: ApplicationServiceDependencies) {
    this.registry = new RegistryReader(deps.events);
  }

  private today(agency: string): string {
    return dateAtOffset(this.deps.clock.now(), this.deps.utcOffsetOf(agency));
  }

  /**
   * Files an application whose attachments are stored already (`stored`, by digest); records that the agency
   * holds them (so that its case may name them) once the filing is recorded.
   */
  async file(
    agency: string,
    application: ApplicationRequest,
    stored: ReadonlyMap<string, BlobInfo & { readonly version?: string }>,
    submission?: string,
    options: { readonly refuseOther?: boolean } = {},
  ): Promise<Receipt> {
    // a form's submission key names the application and its filing event, so the form sent again finds them
    const applicationId =
      submission === undefined ? this.deps.newId() : namedEventId(['application', agency, submission]);
    const eventId = submission === undefined ? this.deps.newId() : derivedId(applicationId, 0);
    const given =
      submission === undefined
        ? { code: newLookupCode(), other: false, kept: false }
        : this.#codeFor(`${agency}/${applicationId}`, application);
    if (given.other && options.refuseOther)
      throw new RuleViolation(
        'idempotency_key_reused',
        422,
        'this Idempotency-Key was used for another application; nothing was filed',
      );
    const lookupCode = given.code;
    const filedOn = this.today(agency);
    const item = await this.registry.item(agency, application.itemCode);
    const command: ApplicationCommand = {
      type: 'FileApplication',
      applicationId,
      agency,
      application,
      filedOn,
      lookupHash: lookupHash(lookupCode),
      item,
      calendar: this.deps.calendar,
    };
    // the key is durable before the event sealed under it is appended (docs/privacy.md)
    const key = await this.deps.dataKeys?.ensure(applicationStream(agency, applicationId));
    let result: CommandResult;
    try {
      result = await this.command(agency, applicationId, applicantActor(agency), command, { eventId }, key);
    } catch (err) {
      // nothing was filed under the key: a corrected form sent under it is a first filing, not another application
      if (given.kept) this.#recentCodes.delete(`${agency}/${applicationId}`);
      throw err;
    }
    for (const attachment of application.attachments) {
      const info = stored.get(attachment.sha256);
      if (info) await this.deps.holdings.receive(applicantActor(agency), info);
    }
    const filed = recordedEvent(result, 'FileApplication');
    const data = filed.data as unknown as FiledData;
    // sent again: the code is shown only if it is the one the filing recorded (same form, within the few minutes)
    const code = result.created || data.lookupHash === lookupHash(lookupCode) ? { lookupCode } : {};
    return {
      applicationId,
      agency,
      ...code,
      ...(result.created ? {} : { replayed: true }),
      filedOn: data.filedOn,
      acceptBy: data.acceptBy,
      eventId: filed.id,
      hash: filed.hash,
      position: result.position,
    };
  }

  /**
   * The lookup code of a filing under a submission key: the one given for the same key and the same application in
   * the last {@link RECENT_CODE_MS}, else a fresh one. A different application under the key never gets the code.
   */
  #codeFor(
    id: string,
    application: ApplicationRequest,
  ): { readonly code: string; readonly other: boolean; readonly kept: boolean } {
    const now = this.deps.clock.now().getTime();
    for (const [key, entry] of this.#recentCodes) {
      if (entry.until > now && this.#recentCodes.size <= RECENT_CODES) break;
      this.#recentCodes.delete(key);
    }
    const fingerprint = createHash('sha256').update(canonicalize(application), 'utf8').digest('hex');
    const known = this.#recentCodes.get(id);
    if (known && known.until > now)
      return known.fingerprint === fingerprint
        ? { code: known.code, other: false, kept: false }
        : { code: newLookupCode(), other: true, kept: false };
    const code = newLookupCode();
    this.#recentCodes.set(id, { code, fingerprint, until: now + RECENT_CODE_MS });
    return { code, other: false, kept: true };
  }

  /**
   * Accepts (受理) an application of the officer's agency: opens its case (the case id is the application's id;
   * the applicant its party; the attachments its media; `application` links it back), then records the
   * acceptance naming the case. Both events' ids derive from the filing, so a retry after a failure in between
   * finds the case it opened and completes.
   */
  accept(
    actor: Actor,
    applicationId: string,
    body: { readonly officers: readonly string[]; readonly title?: string },
  ): Promise<CommandResult & { caseId: string }> {
    const stream = applicationStream(actor.agency, applicationId);
    return this.#decisions.run(stream, () => this.#accept(actor, applicationId, body));
  }

  async #accept(
    actor: Actor,
    applicationId: string,
    body: { readonly officers: readonly string[]; readonly title?: string },
  ): Promise<CommandResult & { caseId: string }> {
    const { filed, state } = await this.load(actor.agency, applicationId);
    const acceptedOn = this.today(actor.agency);
    const command: ApplicationCommand = { type: 'AcceptApplication', actor, caseId: applicationId, acceptedOn };
    applicationDecider.decide(command, state); // refused before the case is opened
    // a case opened from the application by an acceptance that did not get to record itself (a crash in between):
    // completed with the case as it was opened
    if (!(await this.caseOpened(actor.agency, applicationId))) {
      const item = await this.registry.item(actor.agency, filed.itemCode);
      const applicant = await this.openApplicant(actor.agency, applicationId, filed);
      try {
        await this.deps.cases.record(
          applicationId,
          actor,
          {
            type: 'CaseOpened',
            occurredAt: this.deps.clock.now().toISOString(),
            data: {
              caseId: applicationId,
              itemCode: filed.itemCode,
              title: body.title ?? `${item.name ?? filed.itemCode}（网上申请）`,
              openedOn: acceptedOn,
              officers: [...body.officers],
              parties: [
                {
                  kind: applicant.kind,
                  name: applicant.name,
                  ...(applicant.idNumber === undefined ? {} : { idNumber: applicant.idNumber }),
                  phone: applicant.phone,
                  ...(applicant.address === undefined ? {} : { address: applicant.address }),
                },
              ],
              application: applicationId,
            },
            media: filed.attachments.map((a) => a.sha256),
          },
          { eventId: derivedId(filed.eventId, 1) },
        );
      } catch (err) {
        // another replica opened the case from the application meanwhile (its opening's id is the same, its request
        // another): that acceptance records itself
        if (err instanceof RuleViolation && err.code === 'idempotency_key_reused') {
          throw conflict('application_decided', 'the application is being accepted already', { status: 'accepted' });
        }
        throw err;
      }
    }
    const result = await this.command(actor.agency, applicationId, actor, command, {
      eventId: derivedId(filed.eventId, 2),
    });
    return { ...result, caseId: applicationId };
  }

  private caseOpened(agency: string, applicationId: string): Promise<boolean> {
    return caseOpenedFrom(this.deps.events, agency, applicationId);
  }

  /** Refuses to accept (不予受理) an application of the officer's agency, with the reason and its legal basis. */
  async reject(
    actor: Actor,
    applicationId: string,
    body: { readonly reason: string; readonly legalBasis: string },
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    return this.#decisions.run(applicationStream(actor.agency, applicationId), async () => {
      const command: ApplicationCommand = {
        type: 'RejectApplication',
        actor,
        reason: body.reason,
        legalBasis: body.legalBasis,
        rejectedOn: this.today(actor.agency),
        // an acceptance that opened the case and has yet to record itself (on another replica, or cut short) is
        // completed by accepting again, never undone by a refusal
        caseOpened: await this.caseOpened(actor.agency, applicationId),
      };
      // a retry under the same Idempotency-Key must be this refusal: the same reason and legal basis (the date the
      // service gives it may have moved on)
      const sameRequest = (recorded: readonly { readonly type: string; readonly data: Record<string, unknown> }[]) =>
        recorded.length === 1 &&
        recorded[0]!.type === 'ApplicationRejected' &&
        recorded[0]!.data.reason === body.reason &&
        recorded[0]!.data.legalBasis === body.legalBasis;
      return this.command(actor.agency, applicationId, actor, command, { eventId, expectedRevision, sameRequest });
    });
  }

  private command(
    agency: string,
    applicationId: string,
    actor: Actor,
    command: ApplicationCommand,
    write: {
      readonly eventId: string;
      readonly expectedRevision?: ExpectedHead | undefined;
      readonly sameRequest?: CommandOptions['sameRequest'];
    },
    key?: Uint8Array,
  ): Promise<CommandResult> {
    const plain = registryCodec<ApplicationEvent>(this.deps.clock, actor);
    const codec = key
      ? { ...plain, toDraft: (e: ApplicationEvent, id: string) => sealDraft(plain.toDraft(e, id), key) }
      : plain;
    return handleCommand(
      this.deps,
      applicationStream(agency, applicationId),
      applicationDecider,
      codec,
      command,
      write,
    );
  }

  /**
   * The applicant as filed, its sealed fields opened with the application's key (clear in filings recorded before
   * sealing); `409 case_erased` when they cannot be opened any more, so that no case is opened with `[erased]`.
   */
  private async openApplicant(
    agency: string,
    applicationId: string,
    filed: FiledData & { eventId: string },
  ): Promise<Applicant> {
    if (!holdsSealed(filed.applicant)) return filed.applicant;
    const scope = applicationStream(agency, applicationId);
    const key = await this.deps.dataKeys?.get(scope);
    if (!key) throw conflict('case_erased', "the applicant's personal data was erased or is not readable here");
    const opened = openData(filed.applicant, filed.eventId, key, '/applicant');
    if (Object.values(opened).includes(UNAVAILABLE))
      throw conflict('case_erased', "the applicant's personal data does not open with this service's key");
    return opened;
  }

  /** The application's filing and current state ({@link loadApplication}). */
  private load(agency: string, applicationId: string): Promise<LoadedApplication> {
    return loadApplication(this.deps.events, agency, applicationId);
  }
}
