import type { Actor } from '../../../src/domain/actor.js';
import type { ItemState } from '../../../src/domain/registry/items.js';
import type { OfficerState } from '../../../src/domain/registry/officers.js';
import {
  checkFlowChart,
  flowChartDecider,
  type FlowChart,
  type FlowChartCommand,
} from '../../../src/domain/published/flow-chart.js';
import { postBoardDecider, type PostBoardCommand } from '../../../src/domain/published/post-board.js';
import { reviewChartDecider, type ReviewChartCommand } from '../../../src/domain/published/review-chart.js';
import { serviceGuideDecider, type ServiceGuideCommand } from '../../../src/domain/published/service-guide.js';
import { RuleViolation } from '../../../src/domain/errors.js';
import { specification } from '../../support/decider-spec.js';
import { actors, items, officers } from '../../support/domain.js';
import { FLOW_CHART, POST_BOARD, REVIEW_CHART, SERVICE_GUIDE } from '../../support/published.js';

const AGENCY = 'county-justice';
const admin = actors.head;
const licensing = items['L-002']!;
const retired: ItemState = { ...licensing, retired: true };

/** The code and details a chart is refused with, or undefined when it is accepted. */
function refusal(chart: FlowChart): { code: string; details: unknown } | undefined {
  try {
    checkFlowChart(chart);
    return undefined;
  } catch (err) {
    if (!(err instanceof RuleViolation)) throw err;
    return { code: err.code, details: err.details };
  }
}
const edit = (change: (c: { nodes: any[]; edges: any[] }) => void): FlowChart => {
  const copy = structuredClone(FLOW_CHART) as unknown as { title: string; nodes: any[]; edges: any[] };
  change(copy);
  return copy as unknown as FlowChart;
};

describe('flow charts (行政执法事项流程图)', () => {
  const spec = specification(flowChartDecider);
  const publish = (chart: FlowChart = FLOW_CHART, item: ItemState | null = licensing): FlowChartCommand => ({
    actor: admin,
    agency: AGENCY,
    type: 'Publish',
    document: chart,
    context: item ? { item } : {},
  });

  it('when an admin publishes a well-formed chart of a current item, then version 1 is recorded', () => {
    spec
      .given()
      .when(publish())
      .then([{ type: 'FlowChartPublished', data: { version: 1, document: FLOW_CHART, changed: [] } }]);
  });

  it('when the item is unknown or retired, then the chart is refused', () => {
    spec.given().when(publish(FLOW_CHART, null)).thenFails('item_unknown', 422);
    spec.given().when(publish(FLOW_CHART, retired)).thenFails('item_unknown', 422);
  });

  it.each<[string, (c: { nodes: any[]; edges: any[] }) => void, unknown]>([
    ['a node id is given twice', (c) => c.nodes.push({ id: 'grant', kind: 'end', label: 'x' }), { node: 'grant' }],
    ['there is no start', (c) => (c.nodes[0].kind = 'step'), { starts: 0 }],
    ['there are two starts', (c) => (c.nodes[2].kind = 'start'), { starts: 2 }],
    ['there is no end', (c) => c.nodes.forEach((n) => n.kind === 'end' && (n.kind = 'step')), {}],
    ['an edge names a missing node', (c) => c.edges.push({ from: 'accept', to: 'nowhere' }), { node: 'nowhere' }],
    ['an edge is given twice', (c) => c.edges.push({ from: 'apply', to: 'check' }), { from: 'apply' }],
    ['an end leads on', (c) => c.edges.push({ from: 'deny', to: 'accept' }), { node: 'deny' }],
    ['the start is entered', (c) => c.edges.push({ from: 'correct', to: 'apply' }), { node: 'apply' }],
    ['a step leads nowhere', (c) => (c.edges = c.edges.filter((e) => e.from !== 'accept')), { node: 'accept' }],
    ['a decision has one way out', (c) => (c.edges = c.edges.filter((e) => e.to !== 'deny')), { node: 'decide' }],
    ['a way out of a decision has no condition', (c) => delete c.edges[1].label, { node: 'check' }],
    [
      'a node cannot be reached from the start',
      (c) => {
        c.nodes.push({ id: 'orphan', kind: 'step', label: '孤立' });
        c.edges.push({ from: 'orphan', to: 'grant' });
      },
      { node: 'orphan' },
    ],
    [
      'a loop never leads to an end',
      (c) => {
        c.nodes.push({ id: 'spin', kind: 'step', label: '反复' }, { id: 'spin2', kind: 'step', label: '再反复' });
        c.edges.push({ from: 'accept', to: 'spin' }, { from: 'spin', to: 'spin2' }, { from: 'spin2', to: 'spin' });
      },
      { node: 'spin' },
    ],
  ])('when %s, then the chart is refused as flow_chart_invalid, naming where', (_name, change, details) => {
    expect(refusal(edit(change))).toEqual({ code: 'flow_chart_invalid', details });
  });

  it('when a chart loops back for correction and leads on, then it is accepted', () => {
    expect(refusal(FLOW_CHART)).toBeUndefined();
  });
});

describe('legal review flow charts (重大执法决定法制审核流程图)', () => {
  const spec = specification(reviewChartDecider);
  const publish = (chart: FlowChart = REVIEW_CHART, actor = admin): ReviewChartCommand => ({
    actor,
    agency: AGENCY,
    type: 'Publish',
    document: chart,
    context: undefined,
  });

  it('when an admin publishes a well-formed chart of the review procedure, then version 1 is recorded, with no item', () => {
    spec
      .given()
      .when(publish())
      .then([{ type: 'ReviewChartPublished', data: { version: 1, document: REVIEW_CHART, changed: [] } }]);
  });

  it('when the chart is not a well-formed flow, then it is refused by the rule of every flow chart', () => {
    const stuck = structuredClone(REVIEW_CHART) as unknown as { edges: { from: string; to: string }[] };
    stuck.edges = stuck.edges.filter((e) => e.from !== 'coordinate');
    spec
      .given()
      .when(publish(stuck as unknown as FlowChart))
      .thenFails('flow_chart_invalid', 422);
  });

  it('when an officer, or an admin of another agency, publishes it, then it is refused', () => {
    spec.given().when(publish(REVIEW_CHART, actors.alice)).thenFails('forbidden', 403);
    const otherHead: Actor = { sub: 'head', agency: 'city-market', roles: ['admin'] };
    spec.given().when(publish(REVIEW_CHART, otherHead)).thenFails('forbidden', 403);
  });
});

describe('service guides (行政执法服务指南)', () => {
  const spec = specification(serviceGuideDecider);
  const publish = (item: ItemState | undefined): ServiceGuideCommand => ({
    actor: admin,
    agency: AGENCY,
    type: 'Publish',
    document: SERVICE_GUIDE,
    context: item ? { item } : {},
  });

  it('when an admin publishes the guide of a licensing item, then version 1 holds the fourteen fields', () => {
    const [event] = spec
      .given()
      .when(publish(licensing))
      .then([{ type: 'ServiceGuidePublished', data: { version: 1 } }]);
    expect(Object.keys(event!.data.version === 1 ? (event!.data as any).document : {})).toHaveLength(14);
  });

  it.each<[string, ItemState | undefined, string]>([
    ['the item is a penalty item', items['P-001'], 'item_not_licensing'],
    ['the item is unknown', undefined, 'item_unknown'],
    ['the item is retired', retired, 'item_unknown'],
  ])('when %s, then the guide is refused (%s)', (_name, item, code) => {
    spec.given().when(publish(item)).thenFails(code, 422);
  });
});

describe('post information boards (岗位信息公示牌)', () => {
  const spec = specification(postBoardDecider);
  const publish = (officer: OfficerState | null = officers.alice!, board = POST_BOARD): PostBoardCommand => ({
    actor: admin,
    agency: AGENCY,
    type: 'Publish',
    document: board,
    context: officer ? { officer } : {},
  });

  it('when an admin publishes a board naming a registered officer, or none, then it is recorded', () => {
    spec
      .given()
      .when(publish())
      .then([{ type: 'PostBoardPublished', data: { version: 1 } }]);
    const { officerId: _id, ...anonymous } = POST_BOARD;
    spec
      .given()
      .when(publish(null, anonymous))
      .then([{ data: { document: anonymous } }]);
  });

  it('when the board names an officer the agency has not registered, or has retired, then it is refused', () => {
    spec.given().when(publish(null)).thenFails('officer_unknown', 422);
    spec
      .given()
      .when(publish({ ...officers.alice!, status: 'retired' }))
      .thenFails('officer_unknown', 422);
  });
});
