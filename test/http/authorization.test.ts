import { seedAgency, startTestService, type TestService } from '../support/service.js';

/**
 * Object-level authorisation (OWASP API1) for every route that takes a case id: each principal, against a case
 * of its own agency and one of another agency. Expected outcomes follow from the rules, stated once below.
 */
const OWN = 'county-justice';
const OTHER = 'city-market';
type Who = 'officer' | 'reviewer' | 'admin' | 'integration' | 'supervisor' | 'supervisorOf';

let t: TestService;
const tokens: Record<string, Record<Who, string>> = {};
const media: Record<string, string> = {};
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestService();
  for (const agency of [OWN, OTHER]) {
    const { officer } = await seedAgency(t, agency, {
      officers: [`a-${agency}`, `b-${agency}`],
      item: { code: 'P-1' },
    });
    const medium = await fetch(`${t.url}/v1/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}`, 'content-type': 'image/jpeg' },
      body: `photo of ${agency}`,
    });
    media[agency] = ((await medium.json()) as { sha256: string }).sha256;
    const open = {
      caseId: `case-of-${agency}`,
      itemCode: 'P-1',
      title: 't',
      openedOn: today,
      officers: [`a-${agency}`, `b-${agency}`],
      parties: [{ kind: 'organization', name: 'o' }],
    };
    expect((await t.call('POST', '/v1/cases', { token: officer, body: open })).status).toBe(201);
    const referencing = {
      type: 'EvidenceCollected',
      occurredAt: `${today}T00:08:00+08:00`,
      data: { description: 'p' },
      media: [media[agency]],
    };
    expect(
      (await t.call('POST', `/v1/cases/case-of-${agency}/acts`, { token: officer, body: referencing })).status,
    ).toBe(201);
  }
  expect(await t.service.readModelsCaughtUp()).toBe(true);
  // the principals all belong to OWN; "supervisorOf" is a supervisor elsewhere who supervises both agencies
  tokens[OWN] = {
    officer: t.token(`a-${OWN}`, OWN, ['officer']),
    reviewer: t.token('r', OWN, ['reviewer']),
    admin: t.token(`head-${OWN}`, OWN, ['admin']),
    integration: t.token('sys', OWN, ['integration']),
    supervisor: t.token('s', OWN, ['supervisor']),
    supervisorOf: t.token('s2', 'province', ['supervisor'], [OWN, OTHER]),
  };
});
afterAll(() => t.stop());

const WHO: Who[] = ['officer', 'reviewer', 'admin', 'integration', 'supervisor', 'supervisorOf'];
const act = () => ({ type: 'EvidenceCollected', occurredAt: `${today}T00:09:00+08:00`, data: { description: 'd' } });

/**
 * The rules: reads need the case's agency or supervision of it. Writes need a writing role and the act's role
 * (both checked before any case is looked up, so they reveal nothing), then the case's agency.
 */
function expected(route: string, who: Who, own: boolean): number {
  if (route.startsWith('GET')) {
    if (who === 'supervisorOf') return 200;
    return own ? 200 : 404;
  }
  if (!['officer', 'reviewer', 'admin'].includes(who)) return 403; // the route's roles
  if (who !== 'officer') return 403; // EvidenceCollected is an officer's act: refused before any case is looked up
  return own ? 201 : 404; // another agency's case is not revealed
}

const ROUTES = [
  'GET /v1/cases/:id',
  'GET /v1/cases/:id/events',
  'GET /v1/media/:sha256',
  'POST /v1/cases/:id/acts',
  'POST /v1/cases/:id/acts:batch',
];

describe('object-level authorisation matrix', () => {
  const cases = ROUTES.flatMap((route) => WHO.flatMap((who) => [true, false].map((own) => [route, who, own] as const)));
  it.each(cases)('%s by %s, own agency %s', async (route, who, own) => {
    const caseId = `case-of-${own ? OWN : OTHER}`;
    const [method, template] = route.split(' ') as [string, string];
    const path = template.replace(':id', caseId).replace(':sha256', media[own ? OWN : OTHER]!);
    const body = route.endsWith(':batch') ? { acts: [act()] } : route.startsWith('POST') ? act() : undefined;
    const res = await t.call(method, path, { token: tokens[OWN]![who], ...(body ? { body } : {}) });
    expect(res.status).toBe(expected(route, who, own));
    if (res.status >= 400) expect(res.body.code).toEqual(expect.any(String));
  });

  it('when a case of another agency is requested, then the answer is the same as for a case that does not exist', async () => {
    const missing = await t.call('GET', '/v1/cases/no-such-case', { token: tokens[OWN]!.officer });
    const foreign = await t.call('GET', `/v1/cases/case-of-${OTHER}`, { token: tokens[OWN]!.officer });
    expect(foreign.status).toBe(missing.status);
    // the instance is the path the client asked for: its own, revealing nothing
    const same = { detail: '', requestId: '', instance: '' };
    expect({ ...foreign.body, ...same }).toEqual({ ...missing.body, ...same });
  });
});
