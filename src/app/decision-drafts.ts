import { Readable } from 'node:stream';
import { caseStream, type DecisionType } from '../domain/case/acts.js';
import { refuseTakenDocumentNumber } from '../domain/case/decider.js';
import { renderDecision, type DraftCase, type ProposedDecision } from '../domain/drafting/render.js';
import type { DecisionTemplate } from '../domain/drafting/template.js';
import { conflict, notFound, RuleViolation } from '../domain/errors.js';
import { DRAFT_FREE_TEXT_FIELDS } from '../domain/personal-fields.js';
import { agencyStream } from '../domain/streams.js';
import { sealEvents, type MediaRef } from '../ledger/envelope.js';
import { isSealed, openSealed, type SealedValue } from '../ledger/sealed-field.js';
import { IntegrityFault, RevisionConflict } from '../errors.js';
import type { BlobInfo, BlobStore } from '../ports/blob-store.js';
import { DataKeyDestroyed, DataKeyUnavailable, type DataKeyStore } from '../ports/data-keys.js';
import type { DocumentWriters } from '../ports/documents.js';
import type { Position } from '../ports/event-store.js';
import type { Principal } from './auth.js';
import type { CaseFile, CaseFileReads, CaseFileRetrieval } from './case-file-reads.js';
import { openedInLog, type CaseReads } from './case-reads.js';
import type { CommandDependencies } from './command-handler.js';
import { namedEventId } from './idempotency.js';
import type { MediaHolding, MediaHoldings } from './media-holdings.js';
import { sealDraft } from './personal-data.js';

/** The event that records a draft: which case, which template, and the two files, held as the agency's media. */
export const DECISION_DRAFTED = 'DecisionDrafted';

export const PDF_TYPE = 'application/pdf';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const DRAFT_FORMATS = { pdf: PDF_TYPE, docx: DOCX_TYPE } as const;
export type DraftFormat = keyof typeof DRAFT_FORMATS;

/** The stream of one draft: `draft-<agency>:<draftId>`, one event. */
export const draftStream = (agency: string, draftId: string) => agencyStream('draft', agency, draftId);

/** Which template a draft used: the one shipped with the service, or a version of the agency's own. */
export type TemplateUsed =
  { readonly source: 'default' } | { readonly source: 'agency'; readonly agency: string; readonly version: number };

/** The template for an agency's decisions of one type: its own in force, else the default (`decision-templates.ts`). */
export type TemplateLookup = (
  agency: string,
  decisionType: DecisionType,
) => Promise<{ readonly template: DecisionTemplate; readonly used: TemplateUsed }>;

/** What a `DecisionDrafted` event records. */
export interface DraftRecord {
  readonly draftId: string;
  readonly caseId: string;
  readonly decisionType: DecisionType;
  readonly documentNo: string;
  /** The rest of the decision proposed, as drafted (absent from drafts recorded before it was kept). */
  readonly fineFen?: number;
  readonly legalBasis?: string;
  readonly decidedOn?: string;
  readonly template: TemplateUsed;
  readonly pdf: MediaHolding;
  readonly docx: MediaHolding;
  /**
   * The facts and the reasons the officer wrote, when given: sealed under the case's data key (docs/privacy.md),
   * never in clear; absent from drafts recorded before they were kept. {@link DecisionDrafts.view} opens them.
   */
  readonly facts?: SealedValue;
  readonly reasons?: SealedValue;
}

/**
 * The facts and reasons of a draft as its page reads them, opened with the case's data key: each text the draft
 * holds, or, when they cannot be opened, why (`erased`: the case was erased and its key destroyed; `unavailable`:
 * this service holds no key that opens them).
 */
export interface DraftText {
  readonly facts?: string;
  readonly reasons?: string;
  readonly unreadable?: 'erased' | 'unavailable';
}

/** A draft as its stream records it, with the id of its event (what its sealed values are bound to). */
interface FoundDraft {
  readonly eventId: string;
  readonly record: DraftRecord;
}

export interface DecisionDraftsDependencies extends Pick<CommandDependencies, 'events' | 'signer' | 'clock'> {
  readonly files: Pick<CaseFileReads, 'file'>;
  /** Scope and the access trail of reads of a draft's files. */
  readonly reads: Pick<CaseReads, 'retrieve'>;
  readonly blobs: BlobStore;
  readonly holdings: Pick<MediaHoldings, 'receive'>;
  readonly templates: TemplateLookup;
  readonly writers: DocumentWriters;
  /** The cases' data keys: a draft's facts and reasons are sealed under its case's, and opened with it. */
  readonly dataKeys: Pick<DataKeyStore, 'ensure' | 'get' | 'destroyed'>;
  readonly maxBytes: number;
  readonly newId: () => string;
  /** The agencies' names by code, as their profiles record them: a document's issuer where its template names none. */
  readonly agencyNames?: () => ReadonlyMap<string, string>;
  /**
   * The case of the agency whose decision bears a document number, as the read models have it: a draft under a
   * number another case's decision bears is refused, before its document is printed and signed.
   */
  readonly documentNumberHolder?: (agency: string, documentNo: string) => string | undefined;
}

/** What the case file gives a draft: parties, the inspections' findings, the evidence described. */
export function draftCaseOf(file: CaseFile, agencyName?: string): DraftCase {
  const findings = file.timeline
    .filter((act) => act.type === 'OnSiteInspectionRecorded' && typeof act.data.findings === 'string')
    .map((act) => String(act.data.findings));
  return {
    agency: file.agency,
    ...(agencyName === undefined ? {} : { agencyName }),
    caseId: file.caseId,
    title: file.title,
    ...(file.itemName === undefined ? {} : { itemName: file.itemName }),
    parties: file.parties,
    findings,
    evidence: file.evidence.map((e) => e.description),
  };
}

/**
 * The draft a submission key made, when the form sent again proposed the same decision, with the same facts and
 * reasons (`text`, the made draft's opened); another decision under the key is refused (`422
 * idempotency_key_reused`) rather than answered with a draft of something else. When the made draft's facts and
 * reasons cannot be opened here, whether the form is the same cannot be told (`503 data_key_unavailable`).
 */
function sameDraft(made: DraftRecord, scope: string, text: DraftText, proposed: ProposedDecision): DraftRecord {
  if (text.unreadable === 'unavailable') throw new DataKeyUnavailable(scope);
  const same =
    sameDecision(made, proposed) &&
    text.unreadable === undefined &&
    text.facts === proposed.facts &&
    text.reasons === proposed.reasons;
  if (!same)
    throw new RuleViolation(
      'idempotency_key_reused',
      422,
      'this form made a draft of another decision already; nothing was drafted',
    );
  return made;
}

/** Whether a draft made proposes the decision `proposed` does (its members a draft recorded before lacks aside). */
function sameDecision(made: DraftRecord, proposed: ProposedDecision): boolean {
  return (
    made.decisionType === proposed.decisionType &&
    made.documentNo === proposed.documentNo &&
    made.fineFen === proposed.fineFen &&
    (made.legalBasis === undefined || made.legalBasis === proposed.legalBasis) &&
    (made.decidedOn === undefined || made.decidedOn === proposed.decidedOn)
  );
}

/** The facts and reasons the officer wrote, the members of a draft sealed under the case's key. */
function writtenOf(proposed: ProposedDecision): Record<string, string> {
  const written: Record<string, string> = {};
  for (const member of DRAFT_FREE_TEXT_FIELDS) {
    const text = proposed[member];
    if (text !== undefined) written[member] = text;
  }
  return written;
}

/**
 * Drafts of decision documents (文书制作). A handling officer of the case asks for one with the decision it
 * proposes: the template for the decision type is filled from the case file, written as PDF and DOCX, both stored
 * as the agency's media, and the draft recorded in its own stream (`DecisionDrafted`). A draft is no act of the
 * case: nothing is decided until an officer records `DecisionIssued`, naming the issued file among its media.
 */
export class DecisionDrafts {
  constructor(private readonly deps: DecisionDraftsDependencies) {}

  async draft(
    principal: Principal,
    request: {
      readonly caseId: string;
      readonly requestId: string;
      readonly consistentWith?: Position;
      /**
       * A form's submission key, or a request's `Idempotency-Key`: it names the draft, so the form or request sent
       * again gets the draft it made (marked `replayed`).
       */
      readonly submission?: string;
    },
    proposed: ProposedDecision,
  ): Promise<DraftRecord & { readonly replayed?: true }> {
    const { deps } = this;
    // a draft is made of every act recorded so far: the case file is read once the read models have them all
    const consistentWith = request.consistentWith ?? (await deps.events.headPosition());
    const { caseId, requestId, submission } = request;
    const file = await deps.files.file({ principal, caseId, action: 'read_case', requestId, consistentWith });
    if (file.agency !== principal.agency || !file.officers.includes(principal.sub))
      throw new RuleViolation('forbidden', 403, 'only a handling officer of the case drafts its decision');
    const scope = caseStream(file.agency, file.caseId);
    // an erased case is said to be erased first (whatever its status), as the draft of one was refused before
    await this.refuseErased(scope);
    // a decision is drafted before it is made: once the case is decided, a draft is of nothing anyone can issue
    if (file.status !== 'open') {
      throw conflict('act_out_of_order', `a decision is drafted while the case is open; it is ${file.status}`, {
        caseStatus: file.status,
      });
    }
    const written = writtenOf(proposed);
    // the facts and reasons are sealed under the case's key: none is kept for an erased case (refused above, as one
    // without them is, whose document would name its party as [erased])
    const key = Object.keys(written).length === 0 ? undefined : await this.keyToSeal(scope);
    const draftId =
      submission === undefined
        ? deps.newId()
        : namedEventId(['draft', principal.agency, principal.sub, file.caseId, submission]);
    const replay = async (made: FoundDraft) => ({
      ...sameDraft(made.record, scope, await this.textOf(file.agency, made), proposed),
      replayed: true as const,
    });
    const made = submission === undefined ? undefined : await this.found(principal.agency, draftId);
    if (made) return replay(made);
    // the read models were read at the log's head with the case file: a decision issued a moment ago counts
    refuseTakenDocumentNumber(
      proposed.documentNo,
      file.caseId,
      deps.documentNumberHolder?.(file.agency, proposed.documentNo),
    );
    const { template, used } = await deps.templates(file.agency, proposed.decisionType);
    const model = renderDecision(template, draftCaseOf(file, deps.agencyNames?.().get(file.agency)), proposed);
    const now = deps.clock.now();
    const [pdf, docx] = await Promise.all([
      deps.writers.pdf(model, now),
      Promise.resolve(deps.writers.docx(model, now)),
    ]);
    const actor = { sub: principal.sub, agency: principal.agency, roles: [...principal.roles] };
    const store = async (bytes: Buffer, contentType: string): Promise<MediaHolding> => {
      const stored = await deps.blobs.put(Readable.from([bytes]), { contentType, maxBytes: deps.maxBytes });
      await deps.holdings.receive(actor, stored);
      const { sha256, size } = stored;
      return {
        sha256,
        size,
        contentType: stored.contentType,
        ...(stored.version ? { blobVersion: stored.version } : {}),
      };
    };
    const decided = {
      draftId,
      caseId: file.caseId,
      decisionType: proposed.decisionType,
      documentNo: proposed.documentNo,
      ...(proposed.fineFen === undefined ? {} : { fineFen: proposed.fineFen }),
      legalBasis: proposed.legalBasis,
      decidedOn: proposed.decidedOn,
      template: used,
      pdf: await store(pdf, PDF_TYPE),
      docx: await store(docx, DOCX_TYPE),
    };
    const ref = (h: MediaHolding): MediaRef => ({ sha256: h.sha256, size: h.size, contentType: h.contentType });
    const stream = draftStream(file.agency, draftId);
    const clear = {
      id: deps.newId(),
      type: DECISION_DRAFTED,
      schemaVersion: 1,
      occurredAt: now.toISOString(),
      actor,
      data: { ...decided, ...written } as Record<string, unknown>,
      media: [ref(decided.pdf), ref(decided.docx)],
    };
    const event = key === undefined ? clear : sealDraft(clear, key);
    try {
      await deps.events.append(stream, sealEvents(stream, null, [event], deps.signer, now.toISOString()), 'no_stream');
    } catch (err) {
      // the same form sent twice at once: the other sending recorded the draft first
      const other = err instanceof RevisionConflict ? await this.found(principal.agency, draftId) : undefined;
      if (other) return replay(other);
      throw err;
    }
    return event.data as unknown as DraftRecord;
  }

  /** The draft `draftId` of the agency, or undefined when it has none. */
  async find(agency: string, draftId: string): Promise<DraftRecord | undefined> {
    return (await this.found(agency, draftId))?.record;
  }

  /**
   * A draft with the case file it drafts from and its facts and reasons opened, to whoever may read the case: the
   * case is read as any read of it is (scope, `404`, a `read_case` retrieval on its access trail:
   * {@link CaseFileReads.file}), and that retrieval is the one the opening is recorded by, as the case file's
   * opened text is; a draft id the case's agency does not have, or a draft of another case, is `404` as well. The
   * draft is as recorded (its facts and reasons sealed); `text` holds them opened, or says why they cannot be read
   * (the case erased).
   */
  async view(
    retrieval: Omit<CaseFileRetrieval, 'action'> & { readonly draftId: string },
  ): Promise<{ readonly file: CaseFile; readonly draft: DraftRecord; readonly text: DraftText }> {
    const { draftId, ...read } = retrieval;
    const file = await this.deps.files.file({ ...read, action: 'read_case' });
    const found = await this.found(file.agency, draftId);
    if (found?.record.caseId !== file.caseId) throw notFound(`no draft ${draftId} of case ${file.caseId}`);
    return { file, draft: found.record, text: await this.textOf(file.agency, found) };
  }

  /** The draft `draftId` of the agency as its stream records it, or undefined when it has none. */
  private async found(agency: string, draftId: string): Promise<FoundDraft | undefined> {
    const [first] = await this.deps.events.readStream(draftStream(agency, draftId), { limit: 1 });
    if (!first || first.event.type !== DECISION_DRAFTED) return undefined;
    return { eventId: first.event.id, record: first.event.data as unknown as DraftRecord };
  }

  /** `409 case_erased` when the case's key was destroyed: its document would print `[erased]` for the party. */
  private async refuseErased(scope: string): Promise<undefined> {
    if (await this.deps.dataKeys.destroyed(scope))
      throw conflict('case_erased', 'the personal data of this case was erased: no decision document is drafted of it');
    return undefined;
  }

  /** The case's data key to seal a draft's facts and reasons under; `409 case_erased` once it was destroyed. */
  private async keyToSeal(scope: string): Promise<Uint8Array> {
    try {
      return await this.deps.dataKeys.ensure(scope);
    } catch (err) {
      if (err instanceof DataKeyDestroyed)
        throw conflict('case_erased', 'the personal data of this case was erased: no facts or reasons can be kept');
      throw err;
    }
  }

  /** A draft's facts and reasons, opened with the key of its case (of the agency `agency`). */
  private async textOf(agency: string, { eventId, record }: FoundDraft): Promise<DraftText> {
    const sealed = DRAFT_FREE_TEXT_FIELDS.filter((member) => record[member] !== undefined);
    if (sealed.length === 0) return {};
    const scope = caseStream(agency, record.caseId);
    const key = await this.deps.dataKeys.get(scope);
    if (!key) return { unreadable: (await this.deps.dataKeys.destroyed(scope)) ? 'erased' : 'unavailable' };
    const text: Record<string, string> = {};
    for (const member of sealed) {
      const value = record[member];
      try {
        const opened = isSealed(value) ? openSealed(key, value, { eventId, path: `/${member}` }).value : undefined;
        if (typeof opened !== 'string') return { unreadable: 'unavailable' };
        text[member] = opened;
      } catch {
        return { unreadable: 'unavailable' };
      }
    }
    return text;
  }

  /**
   * One file of a draft, to whoever may read its case (scope, `404`, the access trail: {@link CaseReads}); the
   * retrieval is recorded as a read of the medium. The stored object must be the one the draft recorded.
   */
  async open(
    principal: Principal,
    request: {
      readonly caseId: string;
      readonly draftId: string;
      readonly requestId: string;
      readonly purpose?: string;
    },
    format: DraftFormat,
  ): Promise<{ readonly info: BlobInfo; readonly body: NodeJS.ReadableStream }> {
    const { caseId, draftId, requestId, purpose } = request;
    const { found } = await this.deps.reads.retrieve(
      { principal, caseId, action: 'read_media', requestId, ...(purpose === undefined ? {} : { purpose }) },
      // the case is looked for in the log; a draft it does not have is then 404 of the draft, nothing recorded
      async (agency) =>
        (await openedInLog(this.deps.events, caseId)(agency))
          ? { record: await this.find(agency, draftId) }
          : undefined,
      {
        refuse: ({ record }) =>
          record?.caseId === caseId ? undefined : notFound(`no draft ${draftId} of case ${caseId}`),
        // the record names the file read, as a medium's read does
        mediumOf: ({ record }) => record![format].sha256,
      },
    );
    const holding = found.record![format];
    const opened = await this.deps.blobs.get(holding.sha256, undefined, holding.blobVersion);
    if (!opened || opened.info.size !== holding.size) {
      (opened?.body as { destroy?: () => void } | undefined)?.destroy?.(); // let go of the open file
      throw new IntegrityFault(`the stored ${format} of draft ${draftId} is missing or of another size`);
    }
    return opened;
  }
}
