import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { healthApi } from '../../../src/http/health.js';
import { storageFailure } from '../../../src/compose.js';
import type { EventStore } from '../../../src/ports/event-store.js';

/** /readyz says why the read models are behind: catching up, or unable to be written (a full disk). */
async function readyz(projections: { live(): boolean; position(): number; failure?(): string | undefined }) {
  const app = express();
  app.use(healthApi({ events: { ping: async () => {} } as unknown as EventStore, projections }));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/readyz`);
    return { status: res.status, body: (await res.json()) as { code?: string; detail?: string } };
  } finally {
    server.close();
  }
}

describe('readiness', () => {
  it('when the read models are behind without a failure, then 503 catching up, at their position', async () => {
    const res = await readyz({ live: () => false, position: () => 41 });
    expect([res.status, res.body.code, res.body.detail]).toEqual([
      503,
      'not_ready',
      'read models catching up (at position 41)',
    ]);
  });

  it('when they cannot be written because the disk is full, then 503 says so, and where', async () => {
    const failure = storageFailure('SQLITE_FULL', '/var/lib/ledger');
    const res = await readyz({ live: () => false, position: () => 41, failure: () => failure });
    expect([res.status, res.body.detail]).toEqual([
      503,
      'read models cannot be written at position 41: the disk is full (SQLITE_FULL): free space where /var/lib/ledger is',
    ]);
  });

  it('when they are live, then ready, whatever failed before', async () => {
    const res = await readyz({ live: () => true, position: () => 41, failure: () => undefined });
    expect(res.status).toBe(200);
  });
});

describe('storageFailure', () => {
  it.each([
    ['SQLITE_FULL', 'the disk is full (SQLITE_FULL): free space where /d is'],
    ['SQLITE_READONLY', '/d cannot be written (SQLITE_READONLY): a read-only disk or folder'],
    ['SQLITE_READONLY_DBMOVED', '/d cannot be written (SQLITE_READONLY_DBMOVED): a read-only disk or folder'],
    ['SQLITE_BUSY', undefined],
    [undefined, undefined],
  ])('when the code is %s, then %s', (code, said) => {
    expect(storageFailure(code, '/d')).toBe(said);
  });
});
