// Part (c) of the webhooks bench (scripts/bench-webhooks.ts): outbox lag flatness. A log already holding N events
// (10^6; 10^5 with --quick) of one agency over 500 streams, with a subscription made before them, is routed into the
// outbox (the router alone), then delivered (the worker alone). Reported: the router's cost per event over the
// first and the last 10^4 events it routes (the outbox holding nothing, then nearly N pending deliveries), and the
// delivery cost over the first and the last 10^4 deliveries (nearly N pending, then nearly none), each as wall time
// and as CPU time of this process per event (the CPU figure means the same on a busy machine). Flat means the last
// figure of each pair is about the first.
import type { setUp } from './bench-webhooks.js';

type Harness = Awaited<ReturnType<typeof setUp>>;

export interface LagResult {
  readonly events: number;
  /** Events in each of the first and the last windows. */
  readonly window: number;
  /** Router, over the first and the last window: wall µs and CPU µs (this process, every thread) per event. */
  readonly routing: Costs;
  /** Worker (and the receiver, in this process), over the first and the last window. */
  readonly delivery: Costs;
}

interface Costs {
  readonly first: { readonly wallUs: number; readonly cpuUs: number };
  readonly last: { readonly wallUs: number; readonly cpuUs: number };
  readonly seconds: number;
}

/** How far a phase had gone (events routed or delivered) at a moment: wall ms and CPU µs. */
interface Sample {
  readonly done: number;
  readonly wall: number;
  readonly cpu: number;
}

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/** Samples `done()` every 10 ms until it reaches `total`; the first sample is the phase's start. */
async function follow(done: () => number, total: number): Promise<Sample[]> {
  const samples: Sample[] = [{ done: 0, wall: performance.now(), cpu: cpuNow() }];
  const end = Date.now() + 3_600_000;
  for (;;) {
    const n = done();
    if (n > samples[samples.length - 1]!.done) samples.push({ done: n, wall: performance.now(), cpu: cpuNow() });
    if (n >= total || Date.now() > end) return samples;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Cost per event over the first and the last `window` events of a phase, from its samples. */
function costs(samples: readonly Sample[], window: number): Costs {
  const start = samples[0]!;
  const end = samples[samples.length - 1]!;
  const firstEnd = samples.find((s) => s.done >= window) ?? end;
  const lastStart = [...samples].reverse().find((s) => s.done <= end.done - window) ?? start;
  const per = (a: Sample, b: Sample) => {
    const n = Math.max(1, b.done - a.done);
    return { wallUs: ((b.wall - a.wall) * 1000) / n, cpuUs: (b.cpu - a.cpu) / n };
  };
  return { first: per(start, firstEnd), last: per(lastStart, end), seconds: (end.wall - start.wall) / 1000 };
}

export async function lagBench(
  h: Harness,
  options: { readonly events: number; readonly streams: number; readonly progress: (text: string) => void },
): Promise<LagResult> {
  const { events, streams, progress } = options;
  const window = Math.min(10_000, Math.floor(events / 4));
  progress(`webhooks: a log of ${events} events to route and deliver`);
  // every stream appends a run of events at once, the store's group commit taking them together
  for (let n = 0; n < events;) {
    const round: Promise<unknown>[] = [];
    for (let s = 0; s < streams && n < events; s++) {
      const count = Math.min(20, events - n);
      round.push(h.append(`case-bench:lag-${s}`, count));
      n += count;
    }
    await Promise.all(round);
  }
  h.countOnly();
  const head = await h.headPosition();
  const from = h.store.position();

  progress(`webhooks: routing ${events} events into the outbox`);
  // the router routes batch after batch without yielding to timers: sampled after each batch it routes
  const routed: Sample[] = [{ done: 0, wall: performance.now(), cpu: cpuNow() }];
  const route = h.router.route.bind(h.router);
  h.router.route = async (batch) => {
    await route(batch);
    routed.push({ done: h.store.position() - from, wall: performance.now(), cpu: cpuNow() });
  };
  h.startRouting();
  await follow(() => h.store.position() - from, head - from);
  const routing = costs(routed, window);

  progress(`webhooks: delivering ${events} events`);
  const running = h.startDelivering();
  const delivery = costs(await follow(() => h.arrivals.length, events), window);
  await h.close(running);
  return { events, window, routing, delivery };
}

export function reportLag(r: LagResult): void {
  const n = r.events.toLocaleString('en');
  const w = r.window.toLocaleString('en');
  const line = (c: Costs['first']) => `${c.wallUs.toFixed(1)} µs/event (CPU ${c.cpuUs.toFixed(1)} µs)`;
  console.log(`  outbox lag over a log of ${n} events (routed by the router alone, then delivered by the worker):`);
  console.log(
    `    routing: first ${w} ${line(r.routing.first)}, last ${w} ${line(r.routing.last)} ` +
      `(the outbox then holding ~${n} pending); all in ${r.routing.seconds.toFixed(1)} s`,
  );
  console.log(
    `    delivery: first ${w} ${line(r.delivery.first)} (~${n} pending), last ${w} ${line(r.delivery.last)}; ` +
      `all in ${r.delivery.seconds.toFixed(1)} s (target: flat)`,
  );
}
