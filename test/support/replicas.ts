import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Clock } from '../../src/ports/clock.js';
import { EventStoreDbStandIn } from './eventstoredb-standin.js';
import { startTestService, type TestService } from './service.js';

export interface Replicas {
  /** The TEST DOUBLE of the EventStoreDB node both replicas use. */
  readonly standIn: EventStoreDbStandIn;
  readonly a: TestService;
  readonly b: TestService;
  /** The keys folder the replicas share (undefined when each has its own). */
  readonly keysDir: string | undefined;
  /** Subscriptions the first replica opened before the second started: those with a lower index are its. */
  readonly subscriptionsOfA: number;
  stop(): Promise<void>;
}

export interface ReplicaOptions {
  /** Environment of both replicas, added to `EVENTSTORE_URL` (and `LEDGER_KEYS_DIR` when shared). */
  readonly env?: Record<string, string>;
  /** Environment of each replica, added to `env`. */
  readonly envOf?: readonly [Record<string, string>, Record<string, string>];
  /** Give both replicas one keys folder, as a deployment shares its keys (default true). */
  readonly shareKeys?: boolean;
  /** Each replica's clock (default the system's for both). */
  readonly clocks?: readonly [Clock, Clock];
  readonly logs?: readonly [Logger | undefined, Logger | undefined];
}

/**
 * Two service replicas in this process on one EventStoreDB (its TEST DOUBLE), each with its own data folder and
 * read models, as a deployment that outgrew one machine runs them. The first is started (and caught up) before
 * the second.
 */
export async function startReplicas(options: ReplicaOptions = {}): Promise<Replicas> {
  const standIn = await EventStoreDbStandIn.start();
  const keysDir = options.shareKeys === false ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-keys-'));
  const env = {
    EVENTSTORE_URL: standIn.url,
    ...(keysDir ? { LEDGER_KEYS_DIR: keysDir } : {}),
    ...options.env,
  };
  const start = (i: 0 | 1) =>
    startTestService(
      { ...env, ...options.envOf?.[i] },
      {
        ...(options.clocks ? { clock: options.clocks[i] } : {}),
        ...(options.logs?.[i] ? { log: options.logs[i] } : {}),
      },
    );
  const started: TestService[] = [];
  try {
    started.push(await start(0));
    const subscriptionsOfA = standIn.calls.subscriptions;
    started.push(await start(1));
    const [a, b] = started as [TestService, TestService];
    return {
      standIn,
      a,
      b,
      keysDir,
      subscriptionsOfA,
      async stop() {
        await Promise.all([a.stop(), b.stop()]);
        await standIn.stop();
        if (keysDir) fs.rmSync(keysDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await Promise.all(started.map((t) => t.stop()));
    await standIn.stop();
    if (keysDir) fs.rmSync(keysDir, { recursive: true, force: true });
    throw err;
  }
}

/** A clock `offsetMs` ahead of the system's, so that two replicas never seal the same instant. */
export function clockAhead(offsetMs: number): Clock {
  return { now: () => new Date(Date.now() + offsetMs) };
}
