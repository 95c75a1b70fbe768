import type { FlowChart, FlowNodeKind } from '../domain/published/flow-chart.js';

/**
 * Where the boxes and arrows of a flow chart go: a layered layout, top to bottom, computed from the chart alone, so
 * the same chart always gives the same picture. Nodes are ranked by their longest path from the start over the
 * edges that go forward (an edge back to a node still being walked, depth first from the start in the chart's
 * order, is a loop); a layer's nodes are ordered by where their predecessors stand, then by when a breadth-first
 * walk reaches them. Forward arrows run down between the layers; loops run up a channel on the right.
 */
export interface PlacedNode {
  readonly id: string;
  readonly kind: FlowNodeKind;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The label, wrapped to the box. */
  readonly lines: readonly string[];
}

export interface PlacedEdge {
  readonly from: string;
  readonly to: string;
  readonly points: readonly (readonly [number, number])[];
  readonly label?: string;
  readonly labelAt?: readonly [number, number];
  readonly loop: boolean;
}

export interface FlowLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
  /** The node ids in the order a reader meets them (breadth first from the start). */
  readonly order: readonly string[];
}

export const NODE_WIDTH = 176;
const GAP_X = 40;
const GAP_Y = 56;
const MARGIN = 24;
const LINE_HEIGHT = 18;
const CHANNEL = 16;
/** The widths of characters at the chart's 14 px font, in pixels: wide for CJK and full-width, narrow otherwise. */
const WIDE = 14;
const NARROW = 8;
const TEXT_WIDTH = NODE_WIDTH - 28;

const charWidth = (c: string) => (c.codePointAt(0)! >= 0x2e80 ? WIDE : NARROW);

/** The label cut into lines that fit the box (by the characters' widths; a long word is cut too). */
export function wrap(label: string, width = TEXT_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const c of Array.from(label)) {
    const w = charWidth(c);
    if (used + w > width && line) {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += c;
    used += w;
  }
  if (line) lines.push(line);
  return lines;
}

/** The approximate width of a text at the chart's font, for the background of an edge's label. */
export const textWidth = (text: string) => Array.from(text).reduce((sum, c) => sum + charWidth(c), 0);

export function layoutFlow(chart: FlowChart): FlowLayout {
  const ids = chart.nodes.map((n) => n.id);
  const out = new Map(ids.map((id) => [id, chart.edges.filter((e) => e.from === id).map((e) => e.to)]));
  const start = chart.nodes.find((n) => n.kind === 'start')?.id ?? ids[0]!;
  const order = breadthFirst(start, ids, out);
  const back = loopEdges(start, ids, out);
  const isBack = (from: string, to: string) => back.has(`${from}\u0000${to}`);
  const rank = ranks(order, out, isBack);
  const layers: string[][] = [];
  for (const id of order) (layers[rank.get(id)!] ??= []).push(id);
  const column = new Map<string, number>();
  const preds = new Map(ids.map((id) => [id, [] as string[]]));
  for (const e of chart.edges) if (!isBack(e.from, e.to)) preds.get(e.to)!.push(e.from);
  const seen = new Map(order.map((id, i) => [id, i]));
  for (const layer of layers) {
    const centre = (id: string) => {
      const placed = preds.get(id)!.filter((p) => column.has(p));
      return placed.length ? placed.reduce((s, p) => s + column.get(p)!, 0) / placed.length : Infinity;
    };
    layer.sort((a, b) => centre(a) - centre(b) || seen.get(a)! - seen.get(b)!);
    layer.forEach((id, i) => column.set(id, i - (layer.length - 1) / 2));
  }
  const byId = new Map(chart.nodes.map((n) => [n.id, n]));
  const widest = Math.max(...layers.map((l) => l.length));
  const backEdges = chart.edges.filter((e) => isBack(e.from, e.to));
  const body = widest * NODE_WIDTH + (widest - 1) * GAP_X;
  const width = MARGIN * 2 + body + (backEdges.length ? CHANNEL * (backEdges.length + 1) : 0);
  const placed = new Map<string, PlacedNode>();
  let y = MARGIN;
  for (const layer of layers) {
    const heights = layer.map((id) => nodeHeight(wrap(byId.get(id)!.label).length, byId.get(id)!.kind));
    const tallest = Math.max(...heights);
    layer.forEach((id, i) => {
      const node = byId.get(id)!;
      const x = MARGIN + body / 2 + column.get(id)! * (NODE_WIDTH + GAP_X) - NODE_WIDTH / 2;
      const h = heights[i]!;
      placed.set(id, {
        id,
        kind: node.kind,
        x,
        y: y + (tallest - h) / 2,
        width: NODE_WIDTH,
        height: h,
        lines: wrap(node.label),
      });
    });
    y += tallest + GAP_Y;
  }
  const height = y - GAP_Y + MARGIN;
  let channel = 0;
  const edges = chart.edges.map((e): PlacedEdge => {
    const s = placed.get(e.from)!;
    const t = placed.get(e.to)!;
    const label = e.label === undefined ? {} : { label: e.label };
    if (isBack(e.from, e.to)) {
      channel += 1;
      const cx = MARGIN + body + CHANNEL * channel;
      const sy = s.y + s.height / 2;
      const ty = t.y + t.height / 2;
      const points: [number, number][] = [
        [s.x + s.width, sy],
        [cx, sy],
        [cx, ty],
        [t.x + t.width, ty],
      ];
      return { from: e.from, to: e.to, points, ...label, labelAt: [cx + 4, (sy + ty) / 2], loop: true };
    }
    const sx = s.x + s.width / 2;
    const tx = t.x + t.width / 2;
    const mid = s.y + s.height + GAP_Y / 2;
    const points: [number, number][] =
      sx === tx
        ? [
            [sx, s.y + s.height],
            [tx, t.y],
          ]
        : [
            [sx, s.y + s.height],
            [sx, mid],
            [tx, mid],
            [tx, t.y],
          ];
    const labelAt: [number, number] = sx === tx ? [sx + 6, mid] : [(sx + tx) / 2, mid - 4];
    return { from: e.from, to: e.to, points, ...label, labelAt, loop: false };
  });
  return { width, height, nodes: order.map((id) => placed.get(id)!), edges, order };
}

function nodeHeight(lines: number, kind: FlowNodeKind): number {
  return lines * LINE_HEIGHT + (kind === 'decision' ? 30 : 22);
}

function breadthFirst(start: string, ids: readonly string[], out: Map<string, string[]>): string[] {
  const seen = new Set([start]);
  const order = [start];
  for (let i = 0; i < order.length; i++) {
    for (const to of out.get(order[i]!) ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        order.push(to);
      }
    }
  }
  // a chart the rules refused would never be drawn; keep any node the walk missed, in the chart's order
  for (const id of ids) if (!seen.has(id)) order.push(id);
  return order;
}

/** Edges to a node still on the depth-first path from the start: the loops. */
function loopEdges(start: string, ids: readonly string[], out: Map<string, string[]>): Set<string> {
  const back = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const to of out.get(id) ?? []) {
      if (state.get(to) === 'open') back.add(`${id}\u0000${to}`);
      else if (!state.has(to)) visit(to);
    }
    state.set(id, 'done');
  };
  visit(start);
  for (const id of ids) if (!state.has(id)) visit(id);
  return back;
}

/** The longest path from the start to each node over the forward edges (Kahn's order, ties by `order`). */
function ranks(
  order: readonly string[],
  out: Map<string, string[]>,
  isBack: (from: string, to: string) => boolean,
): Map<string, number> {
  const indegree = new Map(order.map((id) => [id, 0]));
  for (const id of order) for (const to of out.get(id)!) if (!isBack(id, to)) indegree.set(to, indegree.get(to)! + 1);
  const rank = new Map(order.map((id) => [id, 0]));
  const ready = order.filter((id) => indegree.get(id) === 0);
  while (ready.length) {
    const id = ready.shift()!;
    for (const to of out.get(id)!) {
      if (isBack(id, to)) continue;
      rank.set(to, Math.max(rank.get(to)!, rank.get(id)! + 1));
      indegree.set(to, indegree.get(to)! - 1);
      if (indegree.get(to) === 0) ready.push(to);
    }
  }
  return rank;
}
