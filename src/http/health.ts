import { Router } from 'express';
import type { EventStore } from '../ports/event-store.js';
import { problem, sendProblem } from './problem.js';

/** Liveness (the process answers) and readiness (the stores answer). */
export function healthApi({ events }: { events: EventStore }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await events.ping();
      res.json({ status: 'ready', checks: { eventStore: 'ok' } });
    } catch (err) {
      sendProblem(res, problem(503, 'not_ready', `event store: ${(err as Error).message}`));
    }
  });
  return router;
}
