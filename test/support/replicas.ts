import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Clock } from '../../src/ports/clock.js';
import { EventStoreDbStandIn } from './eventstoredb-standin.js';
import { startTestService, type TestService } from './service.js';

export { openCase } from './service.js';

export interface Replicas {
  /** The TEST DOUBLE of the EventStoreDB node both replicas use. */
  readonly standIn: EventStoreDbStandIn;
  readonly a: TestService;
  readonly b: TestService;
  /** Each replica's keys folder (the same folder when shared). */
  readonly keysDirs: readonly [string, string];
  /** Subscriptions the first replica opened before the second started: those with a lower index are its. */
  readonly subscriptionsOfA: number;
  stop(): Promise<void>;
}

export interface ReplicaOptions {
  /** Environment of both replicas, added to `EVENTSTORE_URL` (and `LEDGER_KEYS_DIR` when shared). */
  readonly env?: Record<string, string>;
  /** Environment of each replica, added to `env`. */
  readonly envOf?: readonly [Record<string, string>, Record<string, string>];
  /**
   * The replicas' keys folders: `shared` (default), one folder for both, as a shared volume; `copied`, the second
   * starts with a copy of the first's; `own`, each makes its own.
   */
  readonly keys?: 'shared' | 'copied' | 'own';
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
  // Appends one call each, not over the batch-append stream: the EventStoreDB client keeps its batch appends'
  // pending answers in one map shared by every client of the process, and a client whose append stream ends
  // rejects and forgets all of them, so the other replica's answer then arrives for nothing it knows (a TypeError
  // in the client). Replicas in service are processes of their own, each with one client; the adapter's own tests
  // and the one-replica service test use the batch-append stream.
  const standIn = await EventStoreDbStandIn.start({ batchAppend: false });
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-keys-'));
  const mode = options.keys ?? 'shared';
  const keysDirs = [path.join(root, 'a'), path.join(root, mode === 'shared' ? 'a' : 'b')] as const;
  const start = (i: 0 | 1) =>
    startTestService(
      { EVENTSTORE_URL: standIn.url, LEDGER_KEYS_DIR: keysDirs[i], ...options.env, ...options.envOf?.[i] },
      {
        ...(options.clocks ? { clock: options.clocks[i] } : {}),
        ...(options.logs?.[i] ? { log: options.logs[i] } : {}),
      },
    );
  const started: TestService[] = [];
  const cleanUp = async () => {
    await Promise.all(started.map((t) => t.stop()));
    await standIn.stop();
    fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    started.push(await start(0));
    const subscriptionsOfA = standIn.calls.subscriptions;
    if (mode === 'copied') fs.cpSync(keysDirs[0], keysDirs[1], { recursive: true });
    started.push(await start(1));
    const [a, b] = started as [TestService, TestService];
    return { standIn, a, b, keysDirs, subscriptionsOfA, stop: cleanUp };
  } catch (err) {
    await cleanUp();
    throw err;
  }
}

/** Polls `done` (bounded: 2,400 tries 25 ms apart), failing with `what` when it never holds. */
export async function until(what: string, done: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 2_400; i++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never happened: ${what}`);
}

/** A clock `offsetMs` ahead of the system's, so that two replicas never seal the same instant. */
export function clockAhead(offsetMs: number): Clock {
  return { now: () => new Date(Date.now() + offsetMs) };
}
