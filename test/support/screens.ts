import type { Clock } from '../../src/ports/clock.js';
import { seedAgency, startTestService, type TestService } from './service.js';

/**
 * The fixture's day: the tests' clock starts at 18:00 on it in Beijing (10:00 UTC) and runs on from there, after the
 * times its acts are stated at (an act is not recorded before its time).
 */
export const DAY = '2026-03-02';

/** A clock that starts at the fixture's day and advances with real time (live feeds and waits need time to pass). */
export function fixtureClock(): Clock {
  const started = Date.now();
  const at = Date.parse(`${DAY}T10:00:00Z`);
  return { now: () => new Date(at + (Date.now() - started)) };
}

export const AGENCY = 'county-justice';
export const OTHER = 'city-market';

/** An act's time on the fixture's day, in the agency's local time. */
export const at = (hhmm: string) => `${DAY}T${hhmm}:00+08:00`;

export interface ScreensFixture {
  readonly t: TestService;
  readonly admin: string;
  readonly alice: string;
  readonly rita: string;
  readonly olga: string;
  /** A supervisor of the city who supervises the county's justice bureau. */
  readonly sam: string;
}

/**
 * The service with two agencies registered through the API: the county's (officers alice and bob, reviewer rita,
 * a penalty item whose fines of 10 000 yuan or more are major) and the city market's (officers olga and oscar).
 */
export async function startScreensService(): Promise<ScreensFixture> {
  const t = await startTestService({}, { clock: fixtureClock() });
  const { admin } = await seedAgency(t, AGENCY, {
    reviewers: ['rita'],
    item: { major: { fineFenAtLeast: 1_000_000 } },
  });
  await seedAgency(t, OTHER, { officers: ['olga', 'oscar'] });
  return {
    t,
    admin,
    alice: t.token('alice', AGENCY, ['officer']),
    rita: t.token('rita', AGENCY, ['reviewer']),
    olga: t.token('olga', OTHER, ['officer']),
    sam: t.token('sam', 'city-justice', ['supervisor'], [AGENCY]),
  };
}

/** Opens a case of the county through the API, as alice. */
export async function openCase(f: ScreensFixture, caseId: string): Promise<number> {
  const res = await f.t.call('POST', '/v1/cases', {
    token: f.alice,
    body: {
      caseId,
      itemCode: 'P-001',
      title: '某律所未公示执业信息案',
      openedOn: DAY,
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某某律师事务所' }],
    },
  });
  if (res.status !== 201) throw new Error(`opening ${caseId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.position as number;
}

/** Uploads bytes through the API as `token`; returns the sha256. */
export async function uploadMedium(f: ScreensFixture, token: string, bytes: Uint8Array, type: string): Promise<string> {
  const res = await fetch(`${f.t.url}/v1/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: new Uint8Array(bytes),
  });
  const body = (await res.json()) as { sha256: string };
  if (res.status !== 201 && res.status !== 200) throw new Error(`upload: ${res.status} ${JSON.stringify(body)}`);
  return body.sha256;
}

/** Records an act through the API as `token`; returns the write's position. */
export async function recordAct(f: ScreensFixture, token: string, caseId: string, act: object): Promise<number> {
  const res = await f.t.call('POST', `/v1/cases/${caseId}/acts`, { token, body: act });
  if (res.status !== 201) throw new Error(`act on ${caseId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.position as number;
}

/** A portal page as a browser asks for it (HTML), with the API token a script or a test uses instead of a session. */
export async function page(
  f: ScreensFixture,
  path: string,
  token?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; text: string }> {
  const res = await fetch(f.t.url + path, {
    redirect: 'manual',
    headers: { accept: 'text/html', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/**
 * Warnings decided on successive January days (`${prefix}-01`, `${prefix}-02`, … from 2026-01-06) and never
 * published: overdue for publication on the fixture's day, the earliest due first.
 */
export async function seedOverdueDecisions(f: ScreensFixture, prefix: string, count: number): Promise<void> {
  for (let i = 1; i <= count; i++) {
    const caseId = `${prefix}-${String(i).padStart(2, '0')}`;
    const opened = await f.t.call('POST', '/v1/cases', {
      token: f.alice,
      body: {
        caseId,
        itemCode: 'P-001',
        title: '逾期未公示案',
        openedOn: '2026-01-05',
        officers: ['alice', 'bob'],
        parties: [{ kind: 'organization', name: '某某律师事务所' }],
      },
    });
    if (opened.status !== 201) throw new Error(`opening ${caseId}: ${opened.status}`);
    const day = `2026-01-${String(5 + i).padStart(2, '0')}`;
    await recordAct(f, f.alice, caseId, {
      type: 'DecisionIssued',
      occurredAt: `${day}T10:00:00+08:00`,
      data: {
        decisionType: 'warning',
        legalBasis: '《律师法》第五十条',
        documentNo: `县司告〔2026〕${i}号`,
        decidedOn: day,
      },
    });
  }
  await f.t.service.readModelsCaughtUp();
}
