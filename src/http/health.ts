import { Router } from 'express';
import type { EventStore } from '../ports/event-store.js';
import { problem, sendProblem } from './problem.js';

export interface HealthDependencies {
  readonly events: EventStore;
  /** The media store: not ready while it does not answer. */
  readonly blobs?: { ping(): Promise<void> };
  /**
   * The projection runner: not ready until it has caught up with the log; `failure` names why it cannot apply the
   * log now (a full disk), when it is stuck rather than behind.
   */
  readonly projections?: { live(): boolean; position(): number; failure?(): string | undefined };
  /** The read models' store: not ready once a read found it damaged (a restart rebuilds it). */
  readonly readModels?: { damaged?(): boolean };
}

/** Liveness (the process answers) and readiness (the stores answer, the read models have caught up). */
export function healthApi({ events, blobs, projections, readModels }: HealthDependencies): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await events.ping();
    } catch (err) {
      sendProblem(res, problem(503, 'not_ready', `event store: ${(err as Error).message}`));
      return;
    }
    try {
      await blobs?.ping();
    } catch (err) {
      sendProblem(res, problem(503, 'not_ready', `media store: ${(err as Error).name}`));
      return;
    }
    if (readModels?.damaged?.()) {
      sendProblem(
        res,
        problem(503, 'not_ready', 'read models damaged: restart the service, which rebuilds them from the log'),
      );
      return;
    }
    if (projections && !projections.live()) {
      const failure = projections.failure?.();
      const detail = failure
        ? `read models cannot be written at position ${projections.position()}: ${failure}`
        : `read models catching up (at position ${projections.position()})`;
      sendProblem(res, problem(503, 'not_ready', detail));
      return;
    }
    res.json({
      status: 'ready',
      checks: {
        eventStore: 'ok',
        ...(blobs ? { mediaStore: 'ok' } : {}),
        ...(projections ? { readModels: 'ok' } : {}),
      },
    });
  });
  return router;
}
