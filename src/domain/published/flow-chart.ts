import { violation } from '../errors.js';
import type { ItemState } from '../registry/items.js';
import { agencyStream } from '../streams.js';
import { versionedDecider, type VersionedCommand, type VersionedEvent, type VersionedState } from './versioned.js';

/**
 * An enforcement item's flow chart (行政执法事项流程图, plan 二(一)2(1): 明确各类行政执法行为具体操作流程): a small
 * directed graph of steps. One `start`; `step`s; `decision`s, whose every way out carries its condition; at least
 * one `end`. Every node is reachable from the start, and an end is reachable from every node (loops, such as
 * returning incomplete materials for correction, are allowed as long as they lead on).
 */
export type FlowNodeKind = 'start' | 'step' | 'decision' | 'end';

export interface FlowNode {
  readonly id: string;
  readonly kind: FlowNodeKind;
  readonly label: string;
  /** Who does it, the time limit, the documents: shown beside the step in the text version. */
  readonly note?: string;
}

export interface FlowEdge {
  readonly from: string;
  readonly to: string;
  /** The condition of a way out of a decision (required there), or a remark on a step's way out. */
  readonly label?: string;
}

export interface FlowChart {
  readonly title: string;
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
}

/** The most nodes and edges a chart may have: a chart is read by people, on one screen. */
export const MAX_FLOW_NODES = 60;
export const MAX_FLOW_EDGES = 120;

export type FlowChartState = VersionedState<FlowChart>;
export type FlowChartCommand = VersionedCommand<FlowChart, { readonly item?: ItemState }>;
export type FlowChartEvent = VersionedEvent<'FlowChart', FlowChart>;

/** An item's flow chart's stream: one chart per item, named by the item's code. */
export function flowChartStream(agency: string, itemCode: string): string {
  return agencyStream('flowchart', agency, itemCode);
}

const invalid = (message: string, details: Record<string, unknown> = {}) =>
  violation('flow_chart_invalid', message, details);

/** Refuses a chart that is not a well-formed flow (`422 flow_chart_invalid`, `details` naming the node or edge). */
export function checkFlowChart(chart: FlowChart): void {
  const { nodes, edges } = chart;
  if (nodes.length > MAX_FLOW_NODES || edges.length > MAX_FLOW_EDGES)
    throw invalid(`a flow chart has at most ${MAX_FLOW_NODES} nodes and ${MAX_FLOW_EDGES} edges`);
  const byId = new Map<string, FlowNode>();
  for (const node of nodes) {
    if (byId.has(node.id)) throw invalid(`node ${node.id} is defined twice`, { node: node.id });
    byId.set(node.id, node);
  }
  const starts = nodes.filter((n) => n.kind === 'start');
  if (starts.length !== 1) throw invalid('a flow chart has exactly one start node', { starts: starts.length });
  if (!nodes.some((n) => n.kind === 'end')) throw invalid('a flow chart has at least one end node');
  const out = new Map<string, FlowEdge[]>(nodes.map((n) => [n.id, []]));
  const into = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  const seen = new Set<string>();
  for (const edge of edges) {
    for (const end of [edge.from, edge.to])
      if (!byId.has(end)) throw invalid(`an edge names node ${end}, which the chart lacks`, { node: end });
    const key = `${edge.from}\u0000${edge.to}`;
    if (seen.has(key)) throw invalid(`the edge ${edge.from} → ${edge.to} is given twice`, { from: edge.from });
    seen.add(key);
    out.get(edge.from)!.push(edge);
    into.get(edge.to)!.push(edge.from);
  }
  for (const node of nodes) {
    const ways = out.get(node.id)!;
    if (node.kind === 'end' && ways.length > 0) throw invalid(`end node ${node.id} leads on`, { node: node.id });
    if (node.kind === 'start' && into.get(node.id)!.length > 0)
      throw invalid(`the start node ${node.id} is entered from another node`, { node: node.id });
    if (node.kind !== 'end' && ways.length === 0) throw invalid(`node ${node.id} leads nowhere`, { node: node.id });
    if (node.kind === 'decision' && (ways.length < 2 || ways.some((e) => !e.label)))
      throw invalid(`decision ${node.id} needs two or more ways out, each with its condition`, { node: node.id });
  }
  const reached = walk(starts[0]!.id, (id) => out.get(id)!.map((e) => e.to));
  const unreached = nodes.find((n) => !reached.has(n.id));
  if (unreached) throw invalid(`node ${unreached.id} cannot be reached from the start`, { node: unreached.id });
  const ends = nodes.filter((n) => n.kind === 'end').map((n) => n.id);
  const leadToEnd = walkAll(ends, (id) => into.get(id)!);
  const stuck = nodes.find((n) => !leadToEnd.has(n.id));
  if (stuck) throw invalid(`no end can be reached from node ${stuck.id}`, { node: stuck.id });
}

function walk(from: string, next: (id: string) => readonly string[]): Set<string> {
  return walkAll([from], next);
}

function walkAll(from: readonly string[], next: (id: string) => readonly string[]): Set<string> {
  const seen = new Set<string>(from);
  const queue = [...from];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const to of next(id)) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

export const flowChartDecider = versionedDecider<'FlowChart', FlowChart, { readonly item?: ItemState }>({
  kind: 'FlowChart',
  what: 'flow chart',
  check(chart, { item }) {
    if (!item?.exists || item.retired)
      throw violation('item_unknown', 'a flow chart belongs to a current enforcement item of the agency');
    checkFlowChart(chart);
  },
});
