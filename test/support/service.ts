import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { systemClock } from '../../src/adapters/clock/system-clock.js';
import { issueToken, type Role } from '../../src/app/tokens.js';
import { loadConfig } from '../../src/config.js';
import { startService, type Service } from '../../src/compose.js';

export interface TestService {
  readonly service: Service;
  readonly url: string;
  token(sub: string, agency: string, roles: Role[], supervises?: string[]): string;
  /** fetch with JSON in and out and an optional bearer token. */
  call(
    method: string,
    route: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Headers; body: any }>;
  stop(): Promise<void>;
}

/** Starts the whole service in-process on a free port, with its data in a fresh temporary folder. */
export async function startTestService(env: Record<string, string> = {}): Promise<TestService> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-http-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LEDGER_DATA_DIR: dataDir, ...env });
  const service = await startService(config, { clock: systemClock, log: pino({ level: 'silent' }) });
  const url = `http://127.0.0.1:${service.port}`;
  return {
    service,
    url,
    token: (sub, agency, roles, supervises) =>
      issueToken(
        { sub, agency, roles, ttlSeconds: 600, ...(supervises ? { supervises } : {}) },
        {
          keyId: service.keys.tokenKey.keyId,
          privateKey: service.keys.tokenKey.privateKey,
          issuer: config.jwt.issuer,
          audience: config.jwt.audience,
        },
        systemClock.now(),
      ),
    async call(method, route, options = {}) {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        headers['content-type'] ??= 'application/json';
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
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
