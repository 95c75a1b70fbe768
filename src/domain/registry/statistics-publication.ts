import type { Actor } from '../actor.js';
import { requireAgency, requireRole } from '../actor.js';
import type { Decider } from '../decider.js';
import { conflict, violation } from '../errors.js';
import { publicationDeadline } from '../statistics.js';
import { agencyStream } from '../streams.js';

/**
 * The publication of an agency's yearly enforcement statistics (公示制度: 每年1月20日前公开本机关上年度行政执法总体
 * 情况有关数据): the day its head records they were published, and where, so that the supervisors' view of the
 * year says on time or late rather than overdue for ever. One stream per agency and year; recorded once.
 */
export interface StatisticsPublicationState {
  readonly publishedOn?: string;
}

export interface StatisticsPublicationCommand {
  readonly type: 'RecordStatisticsPublication';
  readonly actor: Actor;
  readonly agency: string;
  readonly year: number;
  readonly publishedOn: string;
  readonly url?: string;
  /** Today in the agency's time (the command's clock): a publication is not recorded before it happens. */
  readonly today: string;
}

export interface StatisticsPublicationEvent {
  readonly type: 'StatisticsPublished';
  readonly data: { readonly year: number; readonly publishedOn: string; readonly url?: string };
}

export const statisticsPublicationStream = (agency: string, year: number): string =>
  agencyStream('statspub', agency, String(year));

export const statisticsPublicationDecider: Decider<
  StatisticsPublicationCommand,
  StatisticsPublicationEvent,
  StatisticsPublicationState
> = {
  initialState: () => ({}),
  decide(command, state) {
    requireRole(command.actor, ['admin'], "recording the publication of the agency's yearly statistics");
    requireAgency(command.actor, command.agency);
    const { year, publishedOn, today } = command;
    // the figures of a year can be published once it is over, and not on a day still to come
    if (publishedOn <= `${year}-12-31` || publishedOn > today) {
      throw violation(
        'statistics_publication_invalid',
        `the statistics of ${year} are published after the year ends and by today (${today}), not on ${publishedOn}`,
        { year, publishedOn, today, deadline: publicationDeadline(year) },
      );
    }
    if (state.publishedOn !== undefined) {
      throw conflict(
        'statistics_published',
        `the publication of the statistics of ${year} is recorded already (${state.publishedOn})`,
        { year, publishedOn: state.publishedOn },
      );
    }
    const data = { year, publishedOn, ...(command.url === undefined ? {} : { url: command.url }) };
    return [{ type: 'StatisticsPublished', data }];
  },
  evolve: (_state, event) => ({ publishedOn: event.data.publishedOn }),
};
