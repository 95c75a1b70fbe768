import fs from 'node:fs';
import path from 'node:path';
import { parseSchedule, workingDayCalendar } from '../../src/domain/calendar/working-days.js';
import type { MediaRef, RecordAct, RecordedCaseEvent } from '../../src/domain/case/acts.js';
import { caseDecider, type CaseContext } from '../../src/domain/case/decider.js';
import { fold } from '../../src/domain/decider.js';
import type { ItemState } from '../../src/domain/registry/items.js';
import type { OfficerState } from '../../src/domain/registry/officers.js';
import type { Actor } from '../../src/domain/actor.js';
import type { EventDraft } from '../../src/ledger/envelope.js';

export const calendar = workingDayCalendar(
  parseSchedule(
    JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../src/domain/calendar/cn-official-schedule.json'), 'utf8')),
  ),
);

const AGENCY = 'county-justice';
const officer = (officerId: string, extra: Partial<OfficerState> = {}): OfficerState => ({
  exists: true,
  status: 'active',
  officerId,
  name: `name of ${officerId}`,
  agency: AGENCY,
  certificateNo: `CERT-${officerId}`,
  validFrom: '2018-01-01',
  validTo: '2030-12-31',
  roles: ['officer'],
  ...extra,
});

/** The agency's registry as the tests know it. */
export const officers: Record<string, OfficerState> = {
  alice: officer('alice'),
  bob: officer('bob'),
  chen: officer('chen'),
  rita: officer('rita', { roles: ['reviewer'] }),
  ruth: officer('ruth', { roles: ['reviewer', 'officer'] }),
  olga: officer('olga', { agency: 'city-market' }),
  dave: officer('dave', { validTo: '2019-06-30' }),
  eve: officer('eve', { status: 'suspended' }),
  // the agency's public-sector lawyer (公职律师), who gives opinions on major, complex or difficult cases
  liu: officer('liu', { counsel: 'public_lawyer' }),
};

export const items: Record<string, ItemState> = {
  // administrative penalty: major from 10,000 yuan (1,000,000 fen), or any business suspension / licence revocation
  'P-001': {
    exists: true,
    retired: false,
    code: 'P-001',
    agency: AGENCY,
    name: '未按规定公示执业信息',
    category: 'penalty',
    legalBasis: '《律师法》第五十条',
    major: { fineFenAtLeast: 1_000_000, decisionTypes: ['business_suspension', 'license_revocation'] },
  },
  'I-001': {
    exists: true,
    retired: false,
    code: 'I-001',
    agency: AGENCY,
    name: '日常检查',
    category: 'inspection',
    legalBasis: '《条例》第十条',
  },
  'L-002': {
    exists: true,
    retired: false,
    code: 'L-002',
    agency: AGENCY,
    name: '许可（法定十日公示）',
    category: 'licensing',
    legalBasis: '《办法》第八条',
    disclosureWorkingDays: 10,
  },
};

export const context: CaseContext = { item: (code) => items[code], officer: (id) => officers[id], calendar };

export const actors = {
  alice: { sub: 'alice', agency: AGENCY, roles: ['officer'] } as Actor,
  rita: { sub: 'rita', agency: AGENCY, roles: ['reviewer'] } as Actor,
  ruth: { sub: 'ruth', agency: AGENCY, roles: ['reviewer', 'officer'] } as Actor,
  head: { sub: 'head', agency: AGENCY, roles: ['admin'] } as Actor,
  olga: { sub: 'olga', agency: 'city-market', roles: ['officer'] } as Actor,
};

export const video: MediaRef = { sha256: 'a'.repeat(64), size: 1_000_000, contentType: 'video/mp4' };
export const audio: MediaRef = { sha256: 'c'.repeat(64), size: 400_000, contentType: 'audio/mpeg' };
export const photo: MediaRef = { sha256: 'b'.repeat(64), size: 20_000, contentType: 'image/jpeg' };

let counter = 0;
/**
 * A command to record an act, with defaults: by alice, on 2019-09-20 at 09:30 China time (an act whose data names
 * the day it was done, a decision's `decidedOn` or a hearing's `heldOn`, say: at 09:30 on that day; a change of a
 * publication: on 2019-12-20, after the publications the tests make), no media.
 */
export function act<T extends RecordAct['type']>(
  type: T,
  data: Extract<RecordAct, { type: T }>['data'],
  extra: Partial<Omit<RecordAct, 'type' | 'data'>> = {},
): { act: RecordAct; context: CaseContext } {
  counter += 1;
  const id = `00000000-0000-7000-8000-${String(counter).padStart(12, '0')}`;
  // an act states what was done by its time: one whose data names a later day than its own is refused
  const dated = data as Partial<Record<'decidedOn' | 'publishedOn' | 'closedOn' | 'heldOn', string>>;
  const changesPublication = type === 'DisclosureWithdrawn' || type === 'DisclosureUpdated';
  const doneOn =
    dated.decidedOn ??
    dated.publishedOn ??
    dated.closedOn ??
    dated.heldOn ??
    (changesPublication ? '2019-12-20' : undefined);
  return {
    act: {
      id,
      actor: actors.alice,
      occurredAt: doneOn ? `${doneOn}T09:30:00+08:00` : '2019-09-20T09:30:00+08:00',
      media: [],
      ...extra,
      type,
      data,
    } as RecordAct,
    context,
  };
}

export const opened = (itemCode = 'P-001') =>
  act('CaseOpened', {
    caseId: '2019-042',
    itemCode,
    title: '某律师事务所未公示执业信息案',
    openedOn: '2019-09-02',
    officers: ['alice', 'bob'],
    parties: [{ kind: 'organization', name: '某某律师事务所' }],
  });

export const CHECKS_PASSED = {
  subjectLawful: true,
  officersQualified: true,
  procedureLawful: true,
  factsClear: true,
  evidenceSufficient: true,
  lawAppliedCorrectly: true,
  discretionAppropriate: true,
  withinAuthority: true,
  documentsComplete: true,
  criminalReferralNeeded: false,
};

/** Records a sequence of commands, each through decide then evolve, and returns the events. */
export function record(...commands: { act: RecordAct; context: CaseContext }[]): RecordedCaseEvent[] {
  const events: RecordedCaseEvent[] = [];
  for (const command of commands) events.push(...caseDecider.decide(command, fold(caseDecider, events)));
  return events;
}

let drafts = 0;

/** The draft of an event done by alice, with the next of a run of ids (unique in a test file), for sealing tests. */
export function aliceDraft(type: string, data: Record<string, unknown>): EventDraft {
  drafts += 1;
  return {
    id: `00000000-0000-7000-8000-${String(drafts).padStart(12, '0')}`,
    type,
    schemaVersion: 1,
    occurredAt: '2019-09-20T09:00:00+08:00',
    actor: actors.alice,
    data,
    media: [],
  };
}
