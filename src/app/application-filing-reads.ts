import { applicationStream, type Applicant, type Attachment } from '../domain/application/application.js';
import { conflict, notFound } from '../domain/errors.js';
import type { BlobStore, ByteRange } from '../ports/blob-store.js';
import type { DataKeyStore } from '../ports/data-keys.js';
import type { EventStore } from '../ports/event-store.js';
import type { AccessAction, AccessLog } from './access-log.js';
import { loadApplication, type LoadedApplication } from './application-filing.js';
import type { Principal } from './auth.js';
import { foundInAgencies, readableAgencies } from './case-reads.js';
import type { MediaHoldings } from './media-holdings.js';
import { heldBytes, openHolding, type OpenedMedium } from './media-reads.js';
import { holdsSealed, openData, type CaseKey } from './personal-data.js';

export interface ApplicationFilingReadsDependencies {
  readonly events: Pick<EventStore, 'readStream'>;
  /** The applications' data keys, to open what the applicant filed (sealed since sealing). */
  readonly dataKeys?: DataKeyStore;
  readonly access: AccessLog;
  readonly holdings: Pick<MediaHoldings, 'holding'>;
  /** The media store, read at the version the log recorded. */
  readonly blobs: Pick<BlobStore, 'head' | 'get'>;
}

/** One read of an application of an agency the reader may read, as a route asks for it. */
export interface FilingRetrieval {
  readonly principal: Principal;
  readonly applicationId: string;
  readonly requestId: string;
  /** Why, as the reader said (`x-purpose`). */
  readonly purpose?: string;
}

/** What the officer deciding an application reads of it: everything the applicant filed, opened. */
export interface FilingView {
  readonly applicationId: string;
  readonly agency: string;
  readonly itemCode: string;
  readonly status: 'filed' | 'accepted' | 'rejected';
  readonly filedOn: string;
  readonly acceptBy: string;
  /** The case the acceptance opened (its id is the application's). */
  readonly caseId?: string;
  /** Whether the applicant's personal data was erased: its fields then read `[erased]`. */
  readonly erased: boolean;
  /** The applicant's fields, each opened (`[erased]` once the key is destroyed, `[sealed]` without it). */
  readonly applicant: Applicant;
  /** What is applied for (申请事项及内容), opened. */
  readonly request: string;
  readonly attachments: readonly Attachment[];
  /** The `ApplicationFiled` event. */
  readonly eventId: string;
  readonly eventHash: string;
}

/**
 * Reads of an application as filed, for the officers of its agency who accept or refuse it and for the supervisors
 * of that agency or of one supervising it (who read its case files too): its filing opened and its attachments. The
 * application is looked up among the agencies the reader may read, as a case is. Each read is recorded before anything is sent, on the access trail of the application's id
 * (`access-<agency>:<applicationId>`, which is the trail of the case an acceptance opens, whose id is the
 * application's): `read_application` for the filing, `read_media` with the digest for an attachment. An application
 * none of those agencies has, or an attachment it does not carry, is recorded on the reader's own trail as
 * refused and is `404 not_found`. An erased applicant's attachments are not served (`409 case_erased`).
 */
export class ApplicationFilingReads {
  constructor(private readonly deps: ApplicationFilingReadsDependencies) {}

  async filing(r: FilingRetrieval): Promise<FilingView> {
    const { agency, filed, state } = await this.found(r, 'read_application');
    await this.deps.access.record(this.entry(r, agency, 'read_application'));
    const key = await this.keyOf(agency, r.applicationId, filed);
    const status = state.status === 'accepted' || state.status === 'rejected' ? state.status : 'filed';
    return {
      applicationId: r.applicationId,
      agency,
      itemCode: filed.itemCode,
      status,
      filedOn: filed.filedOn,
      acceptBy: filed.acceptBy,
      ...(state.caseId === undefined ? {} : { caseId: state.caseId }),
      erased: state.erased === true || key?.erased === true,
      applicant: openData(filed.applicant, filed.eventId, key, '/applicant'),
      request: openData(filed.request, filed.eventId, key, '/request'),
      attachments: filed.attachments.map(({ sha256, size, contentType, name }) => ({
        sha256,
        size,
        contentType,
        name,
      })),
      eventId: filed.eventId,
      eventHash: filed.eventHash,
    };
  }

  /** An attachment of the application (`sha256`), checked against the stored version the log recorded. */
  async attachment(r: FilingRetrieval & { readonly sha256: string }): Promise<OpenedMedium> {
    const { agency, filed, state } = await this.found(r, 'read_media');
    const holding = filed.attachments.some((a) => a.sha256 === r.sha256)
      ? await this.deps.holdings.holding(agency, r.sha256)
      : undefined;
    if (!holding) {
      await this.deps.access.denied({ ...this.denial(r, 'read_media'), media: r.sha256 });
      throw notFound('the application has no such attachment');
    }
    const destroyed = await this.deps.dataKeys?.destroyed(applicationStream(agency, r.applicationId));
    if (state.erased || destroyed)
      throw conflict('case_erased', "the applicant's personal data was erased: its attachments are not served");
    await this.deps.access.record({ ...this.entry(r, agency, 'read_media'), media: r.sha256 });
    return openHolding(this.deps.blobs, holding);
  }

  /** The bytes of an opened attachment, whole or a range. */
  bytes(opened: OpenedMedium, range?: ByteRange) {
    return heldBytes(this.deps.blobs, opened, range);
  }

  /**
   * The application, of the agencies the reader may read (its own; a supervisor's, those it supervises too);
   * refused (recorded on the reader's trail) and `404` when none has it, `409 case_ambiguous` when several do.
   */
  private async found(
    r: FilingRetrieval,
    action: AccessAction,
  ): Promise<LoadedApplication & { readonly agency: string }> {
    const hit = await foundInAgencies(
      readableAgencies(r.principal),
      async (agency) => {
        try {
          return await loadApplication(this.deps.events, agency, r.applicationId);
        } catch (err) {
          if ((err as { code?: unknown }).code !== 'not_found') throw err;
          return undefined;
        }
      },
      `an application ${r.applicationId}`,
    );
    if (!hit) {
      await this.deps.access.denied(this.denial(r, action));
      throw notFound('no such application');
    }
    return { agency: hit.agency, ...hit.found };
  }

  private entry(r: FilingRetrieval, agency: string, action: AccessAction) {
    return { agency, ...this.denial(r, action) };
  }

  private denial(r: FilingRetrieval, action: AccessAction) {
    return {
      principal: r.principal,
      action,
      requestId: r.requestId,
      caseId: r.applicationId,
      ...(r.purpose === undefined ? {} : { purpose: r.purpose }),
    };
  }

  /** The application's data key, for a filing with sealed fields; none for one recorded in clear. */
  private async keyOf(
    agency: string,
    applicationId: string,
    filed: LoadedApplication['filed'],
  ): Promise<CaseKey | undefined> {
    const { dataKeys } = this.deps;
    if (!dataKeys || !(holdsSealed(filed.applicant) || holdsSealed(filed.request))) return undefined;
    const scope = applicationStream(agency, applicationId);
    const key = await dataKeys.get(scope);
    return { key, erased: key === undefined && (await dataKeys.destroyed(scope)) };
  }
}
