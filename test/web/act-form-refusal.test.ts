import type { Server } from 'node:http';
import express from 'express';
import type { Principal } from '../../src/app/auth.js';
import type { CaseFileReads } from '../../src/app/case-file-reads.js';
import type { CaseService } from '../../src/app/case-service.js';
import { notFound, RuleViolation } from '../../src/domain/errors.js';
import { NotCaughtUp } from '../../src/errors.js';
import { PortalAssets } from '../../src/web/assets.js';
import { workScreens, type WorkDependencies } from '../../src/web/work.js';

/*
 * An act form refused by the rules comes back beside the case, read from the read models. The refusal is what the
 * officer must see: a case the read side cannot show yet (opened a moment ago through the API, or on another replica
 * that has not read it) leaves the form alone, and the page still says why nothing was recorded.
 */

const principal: Principal = { sub: 'alice', agency: 'county', roles: ['officer'], supervises: [] };

async function serve(caseRead: () => Promise<never>) {
  let recorded = 0;
  const deps = {
    cases: {
      record: async () => {
        recorded += 1;
        throw new RuleViolation('legal_review_required', 409, 'a major decision needs an approved legal review');
      },
    } as unknown as CaseService,
    files: { file: caseRead } as unknown as CaseFileReads,
    validate: () => undefined,
    newId: () => '01JDQ0000000000000000000AA',
    clock: { now: () => new Date('2026-03-02T10:00:00Z') },
    utcOffsetOf: () => 480,
    upload: {} as WorkDependencies['upload'],
  } satisfies WorkDependencies;
  const app = express();
  app.use((_req, res, next) => {
    res.locals.principal = principal;
    res.locals.bearer = true; // as a script with a token posts: no session, no CSRF token
    next();
  });
  app.use(workScreens(deps, new PortalAssets()));
  app.use((err: { status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(err.status ?? 500).send(`error page ${err.status ?? 500}`);
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as { port: number };
  const post = async () => {
    const res = await fetch(`http://127.0.0.1:${port}/cases/county/c-1/acts/DecisionIssued`, {
      method: 'POST',
      headers: { accept: 'text/html', 'accept-language': 'zh-CN' },
      body: new URLSearchParams({
        occurredAt: '2026-03-02T15:00',
        'data.decisionType': 'fine',
        'data.fineFen': '20000',
        'data.legalBasis': '《律师法》第五十条',
        'data.documentNo': '县司罚决字〔2026〕2号',
        'data.decidedOn': '2026-03-02',
      }),
    });
    return { status: res.status, text: await res.text() };
  };
  return { post, recorded: () => recorded, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('an act form refused while the read side has not read the case', () => {
  it.each([
    ['not found there yet', () => Promise.reject(notFound('no such case'))],
    ['not caught up in time', () => Promise.reject(new NotCaughtUp(12, 10))],
  ])('when the case is %s, then the refusal is still shown with the form', async (_how, caseRead) => {
    const s = await serve(caseRead as () => Promise<never>);
    try {
      const res = await s.post();
      expect(s.recorded()).toBe(1);
      expect(res.status).toBe(409);
      expect(res.text).toContain('本案属重大执法决定');
      expect(res.text).toContain('县司罚决字〔2026〕2号'); // what was typed comes back
    } finally {
      await s.close();
    }
  });

  it('when reading the case fails otherwise, then that failure goes on to the error pages', async () => {
    const s = await serve(() => Promise.reject(new Error('disk gone')));
    try {
      const res = await s.post();
      expect(res.status).toBe(500);
      expect(res.text).toBe('error page 500');
    } finally {
      await s.close();
    }
  });
});
