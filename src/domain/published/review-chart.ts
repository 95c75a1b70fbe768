import { agencyStream } from '../streams.js';
import { checkFlowChart, type FlowChart } from './flow-chart.js';
import { versionedDecider, type VersionedCommand, type VersionedEvent, type VersionedState } from './versioned.js';

/**
 * The flow chart of the agency's legal review of major decisions (重大执法决定法制审核流程图, plan 二（三）6): the
 * steps from the request with its submission materials to the review opinion, the coordination where opinion and
 * proposal disagree, and the decision. It is a graph of the same form as an item's flow chart, checked by the same
 * rule (`checkFlowChart`), but of the agency's review procedure rather than of an item: its id is one the agency
 * chooses (an agency with one procedure publishes one chart; one that reviews some categories differently, several).
 */
export type ReviewChartState = VersionedState<FlowChart>;
export type ReviewChartCommand = VersionedCommand<FlowChart, undefined>;
export type ReviewChartEvent = VersionedEvent<'ReviewChart', FlowChart>;

/** A review flow chart's stream: a stable id within its agency. */
export function reviewChartStream(agency: string, chartId: string): string {
  return agencyStream('reviewchart', agency, chartId);
}

export const reviewChartDecider = versionedDecider<'ReviewChart', FlowChart, undefined>({
  kind: 'ReviewChart',
  what: 'review flow chart',
  check(chart) {
    checkFlowChart(chart);
  },
});
