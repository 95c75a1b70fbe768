import type { Actor } from '../actor.js';
import { requireAgency, requireRole } from '../actor.js';
import type { WorkingDayCalendar, CalendarBasis } from '../calendar/working-days.js';
import type { Decider } from '../decider.js';
import { conflict, notFound, violation } from '../errors.js';
import type { ItemState } from '../registry/items.js';
import { agencyStream } from '../streams.js';
import type { ErasureData } from '../case/erasure.js';

/**
 * Online applications (三(一) 网上受理): a person or organisation files an application for a licensing item of an
 * agency; an officer accepts it (受理, which opens a case) or refuses to accept it (不予受理, with the reason and the
 * legal basis) within {@link ACCEPTANCE_WORKING_DAYS} working days.
 */

/**
 * Working days the agency has to accept or refuse an application after the day it is filed (《行政许可法》第三十二条:
 * within five days, else it counts as accepted). Every licensing item uses it.
 */
export const ACCEPTANCE_WORKING_DAYS = 5;
/** The most attachments one application carries. */
export const MAX_ATTACHMENTS = 5;
/** The largest attachment, in bytes (5 MiB). */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** What an attachment may be: scanned documents and photos. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export interface Applicant {
  readonly kind: 'person' | 'organization';
  readonly name: string;
  readonly idNumber?: string;
  readonly phone: string;
  readonly email?: string;
  readonly address?: string;
}

/** A file filed with the application: stored content-addressed, named here by its digest. */
export interface Attachment {
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
  /** The file's name as the applicant's device gave it. */
  readonly name: string;
}

/** What the applicant files. */
export interface ApplicationRequest {
  readonly itemCode: string;
  readonly applicant: Applicant;
  /** What is applied for (申请事项及内容). */
  readonly request: string;
  readonly attachments: readonly Attachment[];
}

export type ApplicationStatus = 'none' | 'filed' | 'accepted' | 'rejected';

export interface ApplicationState {
  readonly status: ApplicationStatus;
  readonly applicationId?: string;
  readonly agency?: string;
  readonly itemCode?: string;
  readonly filedOn?: string;
  readonly acceptBy?: string;
  readonly caseId?: string;
  /** Whether the applicant's personal data was erased (`ApplicationDataErased`). */
  readonly erased?: boolean;
}

export type ApplicationCommand =
  | {
      readonly type: 'FileApplication';
      readonly applicationId: string;
      readonly agency: string;
      readonly application: ApplicationRequest;
      /** The agency's local day of filing. */
      readonly filedOn: string;
      /** SHA-256 (hex) of the applicant's lookup code: the code itself is never recorded. */
      readonly lookupHash: string;
      readonly item: ItemState | undefined;
      readonly calendar: WorkingDayCalendar;
    }
  | {
      readonly type: 'AcceptApplication';
      readonly actor: Actor;
      readonly caseId: string;
      readonly acceptedOn: string;
    }
  | {
      readonly type: 'RejectApplication';
      readonly actor: Actor;
      readonly reason: string;
      readonly legalBasis: string;
      readonly rejectedOn: string;
      /** Whether a case was opened from the application by an acceptance not recorded yet: then it is not refused. */
      readonly caseOpened?: boolean;
    }
  | ({
      readonly type: 'EraseApplication';
      readonly actor: Actor;
      /** Whether a case was opened from the application (its id is the application's), acceptance recorded or not. */
      readonly caseOpened: boolean;
    } & ErasureData);

export interface FiledData extends ApplicationRequest {
  readonly applicationId: string;
  readonly agency: string;
  readonly filedOn: string;
  readonly acceptanceWorkingDays: number;
  readonly acceptBy: string;
  readonly calendarBasis: CalendarBasis;
  readonly lookupHash: string;
}

export type ApplicationEvent =
  | { readonly type: 'ApplicationFiled'; readonly data: FiledData }
  | {
      readonly type: 'ApplicationAccepted';
      readonly data: { readonly caseId: string; readonly acceptedOn: string; readonly onTime: boolean };
    }
  | {
      readonly type: 'ApplicationRejected';
      readonly data: {
        readonly reason: string;
        readonly legalBasis: string;
        readonly rejectedOn: string;
        readonly onTime: boolean;
      };
    }
  | { readonly type: 'ApplicationDataErased'; readonly data: ErasureData };

/** An application's stream: ids are unique within their agency. */
export function applicationStream(agency: string, applicationId: string): string {
  return agencyStream('application', agency, applicationId);
}

/** Whether an application still waiting on `asOf` is past its acceptance deadline. */
export const acceptanceOverdue = (acceptBy: string, asOf: string): boolean => asOf > acceptBy;

function checkFiling(command: Extract<ApplicationCommand, { type: 'FileApplication' }>): void {
  const { item, agency, application } = command;
  if (!item?.exists || item.agency !== agency || item.retired || item.category !== 'licensing') {
    throw violation(
      'item_not_licensing',
      `${application.itemCode} is not a current licensing item of agency ${agency}`,
      { itemCode: application.itemCode },
    );
  }
  if (application.attachments.length > MAX_ATTACHMENTS)
    throw violation('attachments_invalid', `at most ${MAX_ATTACHMENTS} attachments`);
  for (const a of application.attachments) {
    if (!(ATTACHMENT_TYPES as readonly string[]).includes(a.contentType) || a.size > MAX_ATTACHMENT_BYTES) {
      throw violation(
        'attachments_invalid',
        `an attachment is a PDF, JPEG or PNG file of at most ${MAX_ATTACHMENT_BYTES} bytes`,
        { sha256: a.sha256 },
      );
    }
  }
}

function checkDecision(actor: Actor, state: ApplicationState, on: string): void {
  requireRole(actor, ['officer'], 'accepting or refusing an application');
  if (state.status === 'none') throw notFound('no such application');
  requireAgency(actor, state.agency!);
  if (state.status !== 'filed')
    throw conflict('application_decided', `the application is ${state.status} already`, { status: state.status });
  if (on < state.filedOn!) throw violation('date_invalid', 'an application is decided on or after the day it is filed');
}

/**
 * Erasure of an applicant's personal data (个人信息保护法 第四十七条, docs/privacy.md), for an application that opened
 * no case: refused, or not decided yet (it can then still be refused, never accepted). One that opened a case is
 * erased with its case, whose erasure destroys the application's key too.
 */
function checkErasure(command: Extract<ApplicationCommand, { type: 'EraseApplication' }>, state: ApplicationState) {
  requireRole(command.actor, ['admin'], "erasing an applicant's personal data");
  if (state.status === 'none') throw notFound('no such application');
  requireAgency(command.actor, state.agency!);
  if (state.erased) throw conflict('application_erased', "the applicant's personal data was erased already");
  if (state.status === 'accepted' || command.caseOpened)
    throw conflict('application_became_case', 'the application opened a case: erase the case instead', {
      caseId: state.caseId ?? state.applicationId,
    });
  return { ground: command.ground, reason: command.reason };
}

export const applicationDecider: Decider<ApplicationCommand, ApplicationEvent, ApplicationState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'FileApplication': {
        if (state.status !== 'none') throw conflict('application_exists', 'the application is filed already');
        checkFiling(command);
        const due = command.calendar.addWorkingDays(command.filedOn, ACCEPTANCE_WORKING_DAYS);
        const data: FiledData = {
          applicationId: command.applicationId,
          agency: command.agency,
          ...command.application,
          filedOn: command.filedOn,
          acceptanceWorkingDays: ACCEPTANCE_WORKING_DAYS,
          acceptBy: due.date,
          calendarBasis: due.basis,
          lookupHash: command.lookupHash,
        };
        return [{ type: 'ApplicationFiled', data }];
      }
      case 'AcceptApplication': {
        checkDecision(command.actor, state, command.acceptedOn);
        if (state.erased) throw conflict('application_erased', "the applicant's personal data was erased");
        const onTime = !acceptanceOverdue(state.acceptBy!, command.acceptedOn);
        return [
          { type: 'ApplicationAccepted', data: { caseId: command.caseId, acceptedOn: command.acceptedOn, onTime } },
        ];
      }
      case 'RejectApplication': {
        // an application whose applicant was erased can still be refused, never accepted (it would open a case)
        checkDecision(command.actor, state, command.rejectedOn);
        if (command.caseOpened) {
          throw conflict('application_decided', 'a case was opened from the application: it is being accepted', {
            status: 'accepted',
          });
        }
        const { reason, legalBasis, rejectedOn } = command;
        const onTime = !acceptanceOverdue(state.acceptBy!, rejectedOn);
        return [{ type: 'ApplicationRejected', data: { reason, legalBasis, rejectedOn, onTime } }];
      }
      case 'EraseApplication':
        return [{ type: 'ApplicationDataErased', data: checkErasure(command, state) }];
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ApplicationFiled': {
        const { applicationId, agency, itemCode, filedOn, acceptBy } = event.data;
        return { status: 'filed', applicationId, agency, itemCode, filedOn, acceptBy };
      }
      case 'ApplicationAccepted':
        return { ...state, status: 'accepted', caseId: event.data.caseId };
      case 'ApplicationRejected':
        return { ...state, status: 'rejected' };
      case 'ApplicationDataErased':
        return { ...state, erased: true };
    }
  },
};
