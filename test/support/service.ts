import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import { systemClock } from '../../src/adapters/clock/system-clock.js';
import { issueToken, type Role } from '../../src/app/tokens.js';
import { loadConfig } from '../../src/config.js';
import { startService, type Service } from '../../src/compose.js';
import type { Clock } from '../../src/ports/clock.js';

export interface TestService {
  readonly service: Service;
  readonly url: string;
  /** The service's `LEDGER_DATA_DIR`, for the CLI or to tamper with what it stored. */
  readonly dataDir: string;
  token(sub: string, agency: string, roles: Role[], supervises?: string[]): string;
  /** fetch with JSON in and out and an optional bearer token. */
  call(
    method: string,
    route: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Headers; body: any }>;
  stop(): Promise<void>;
}

export { testSuite } from './suite.js';

/**
 * Starts the whole service in-process on a free port, with its data in a fresh temporary folder; `clock` (default
 * the system's) is the service's and dates the tokens it issues.
 */
export async function startTestService(
  env: Record<string, string> = {},
  options: { log?: Logger; clock?: Clock } = {},
): Promise<TestService> {
  const clock = options.clock ?? systemClock;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-http-'));
  // LEDGER_CRYPTO_SUITE in the test run's environment runs the service in that suite (`LEDGER_CRYPTO_SUITE=sm2 npx
  // jest test/http/integrity.test.ts` runs the integrity tests on an SM2 deployment); `env` may still choose
  const suite = process.env.LEDGER_CRYPTO_SUITE ? { LEDGER_CRYPTO_SUITE: process.env.LEDGER_CRYPTO_SUITE } : {};
  // a client that reuses a kept-alive connection the server is closing just then gets ECONNRESET (HTTP/1.1's own
  // race, which the client's margin of a second covers on a quiet machine but not on one stalled for longer): the
  // tests' connections stay open a minute, so that their pauses rarely meet the moment the server closes one
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LEDGER_DATA_DIR: dataDir,
    HTTP_KEEP_ALIVE_TIMEOUT_MS: '60000',
    ...suite,
    ...env,
  });
  const service = await startService(config, {
    clock,
    log: options.log ?? pino({ level: 'silent' }),
  }).catch((err: unknown) => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });
  const url = `http://127.0.0.1:${service.port}`;
  return {
    service,
    url,
    dataDir,
    token: (sub, agency, roles, supervises) =>
      issueToken(
        { sub, agency, roles, ttlSeconds: 600, ...(supervises ? { supervises } : {}) },
        {
          keyId: service.keys.tokenKey.keyId,
          privateKey: service.keys.tokenKey.privateKey,
          issuer: config.jwt.issuer,
          audience: config.jwt.audience,
        },
        clock.now(),
      ),
    async call(method, route, options = {}) {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | Uint8Array<ArrayBuffer> | undefined;
      if (options.body !== undefined) {
        headers['content-type'] ??= 'application/json';
        // text and bytes as they are (a medium's); anything else as JSON
        if (typeof options.body === 'string') body = options.body;
        else if (options.body instanceof Uint8Array) body = new Uint8Array(options.body);
        else body = JSON.stringify(options.body);
      }
      const res = await fetch(url + route, { method, headers, ...(body === undefined ? {} : { body }) });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON: keep the text */
      }
      return { status: res.status, headers: res.headers, body: parsed };
    },
    async stop() {
      await service.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface SeedOptions {
  /** Officer ids to register with the `officer` role (default alice and bob). */
  readonly officers?: readonly string[];
  /** Officer ids to register with the `reviewer` role. */
  readonly reviewers?: readonly string[];
  /** The enforcement item to register (default P-001, a penalty, no major criteria, no duties or powers listed). */
  readonly item?: {
    code?: string;
    category?: string;
    major?: { fineFenAtLeast?: number };
    duties?: string;
    powers?: string;
  };
}

/**
 * Registers an agency's officers (certificates valid 2018–2030) and one enforcement item through the API, as
 * its admin, and waits for the read models to show them; returns the admin's token and the first officer's.
 */
export async function seedAgency(
  t: TestService,
  agency: string,
  options: SeedOptions = {},
): Promise<{ admin: string; officer: string }> {
  const admin = t.token(`head-${agency}`, agency, ['admin']);
  const officers = options.officers ?? ['alice', 'bob'];
  const register = async (officerId: string, role: string) => {
    const body = {
      officerId,
      name: `执法人员${officerId}`,
      agency,
      certificateNo: `1405-${officerId}`,
      validFrom: '2018-01-01',
      validTo: '2030-12-31',
      roles: [role],
      // reviewers hold the legal professional qualification the 5% ratio counts (法律职业资格)
      ...(role === 'reviewer'
        ? { legalQualification: { certificateNo: `A-${officerId}`, grantedOn: '2017-09-01' } }
        : {}),
    };
    const res = await t.call('POST', '/v1/officers', { token: admin, body });
    if (res.status !== 201) throw new Error(`registering ${officerId}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  for (const id of officers) await register(id, 'officer');
  for (const id of options.reviewers ?? []) await register(id, 'reviewer');
  const item = {
    code: options.item?.code ?? 'P-001',
    agency,
    name: '未按规定公示执业信息',
    category: options.item?.category ?? 'penalty',
    legalBasis: '《律师法》第五十条',
    ...(options.item?.major ? { major: options.item.major } : {}),
    ...(options.item?.duties ? { duties: options.item.duties } : {}),
    ...(options.item?.powers ? { powers: options.item.powers } : {}),
  };
  const res = await t.call('POST', '/v1/items', { token: admin, body: item });
  if (res.status !== 201) throw new Error(`registering item: ${res.status} ${JSON.stringify(res.body)}`);
  // pages and lists read the registries from the read models: a test reads them seeded, however loaded the machine
  if (!(await t.service.readModelsCaughtUp())) throw new Error('the read models did not catch up with the registries');
  return { admin, officer: t.token(officers[0]!, agency, ['officer']) };
}

/**
 * Opens a case of the seeded agency's item P-001, handled by alice and bob, dated today, with `parties` (default: one
 * organisation) and request `headers`; the answer as it came.
 */
export function openCase(
  t: TestService,
  token: string,
  caseId: string,
  options: { readonly parties?: readonly unknown[]; readonly headers?: Record<string, string> } = {},
) {
  return t.call('POST', '/v1/cases', {
    token,
    body: {
      caseId,
      itemCode: 'P-001',
      title: '案',
      openedOn: new Date().toISOString().slice(0, 10),
      officers: ['alice', 'bob'],
      parties: options.parties ?? [{ kind: 'organization', name: '某公司' }],
    },
    ...(options.headers ? { headers: options.headers } : {}),
  });
}

/**
 * Issues a warning under document number `documentNo` on case `caseId` of the seeded agency (item P-001), decided
 * today in China, where the agencies are; the answer as it came.
 */
export function issueWarning(t: TestService, token: string, caseId: string, documentNo: string) {
  return t.call('POST', `/v1/cases/${caseId}/acts`, {
    token,
    body: {
      type: 'DecisionIssued',
      occurredAt: new Date().toISOString(),
      data: {
        decisionType: 'warning',
        legalBasis: '《律师法》第五十条',
        documentNo,
        decidedOn: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
      },
    },
  });
}
