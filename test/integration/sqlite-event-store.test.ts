import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createPublicKey } from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { EVENT_STORE_LAYOUT_VERSION } from '../../src/adapters/sqlite/schema.js';
import { RevisionConflict } from '../../src/errors.js';
import { keyResolver } from '../../src/ledger/ed25519.js';
import { verifyChain } from '../../src/ledger/verify.js';
import { headOf, resolverFor, seal, testSigner } from '../support/events.js';
import { freshTempDir } from '../support/temp-dir.js';
import { iterate } from '../support/subscription.js';

const signer = testSigner();

/** Polls `done` (bounded: 2,400 tries 25 ms apart), failing with `what` when it never holds. */
async function poll(what: string, done: () => boolean): Promise<void> {
  for (let i = 0; i < 2_400 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!done()) throw new Error(`never happened: ${what}`);
}
const tempDir = freshTempDir('sqlite');

describe('the SQLite event store', () => {
  it('when many appends arrive at once, then they share durable commits (group commit)', async () => {
    const store = new SqliteEventStore({ path: path.join(tempDir(), 'e.sqlite') });
    const streams = Array.from({ length: 200 }, (_, i) => `s-${i}`);
    await Promise.all(streams.map((s) => store.append(s, seal(s, null, signer), 'no_stream')));
    const { commits, appends } = store.stats;
    expect(appends).toBe(200);
    expect(commits).toBeLessThanOrEqual(10);
    await store.close();
  });

  it('when the file is opened, then it is in WAL mode with the layout version recorded', async () => {
    const file = path.join(tempDir(), 'e.sqlite');
    const store = new SqliteEventStore({ path: file });
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(EVENT_STORE_LAYOUT_VERSION);
    db.close();
  });

  it('when the log grows past its threshold, then the checkpoint thread starts and copies the log into the database; before, none runs', async () => {
    const file = path.join(tempDir(), 'e.sqlite');
    const store = new SqliteEventStore({ path: file, checkpointAfterBytes: 64 * 1024, checkpointIntervalMs: 10 });
    await store.append('s-0', seal('s-0', null, signer), 'no_stream');
    expect(store.checkpointThreadStarted).toBe(false);
    const before = fs.statSync(file).size;
    let appended = 1;
    while (!store.checkpointThreadStarted && appended < 10_000) {
      await store.append(`s-${appended}`, seal(`s-${appended}`, null, signer), 'no_stream');
      appended += 1;
    }
    expect(store.checkpointThreadStarted).toBe(true);
    // a few hundred bytes an event: dozens of them, not the first few, reach 64 KiB
    expect(appended).toBeGreaterThan(20);
    // the thread's passive checkpoints copy the log's pages into the database file, which grows
    await poll('the database file grows', () => fs.statSync(file).size > before);
    await store.close();
    const reopened = new SqliteEventStore({ path: file, writer: 'inline' });
    expect(await reopened.readAll({ limit: 100_000 })).toHaveLength(appended);
    await reopened.close();
  });

  it('when a store opens a log already past its threshold (as a crash leaves it), then the checkpoint thread starts at once', async () => {
    const file = path.join(tempDir(), 'e.sqlite');
    const first = new SqliteEventStore({ path: file, checkpointAfterBytes: Number.MAX_SAFE_INTEGER });
    await Promise.all(
      Array.from({ length: 300 }, (_, i) => first.append(`s-${i}`, seal(`s-${i}`, null, signer), 'no_stream')),
    );
    // another connection keeps the file open, so that closing this store leaves its log as it is
    const holder = new Database(file, { readonly: true });
    holder.prepare('SELECT count(*) FROM events').get();
    await first.close();
    const walSize = fs.statSync(`${file}-wal`).size;
    expect(walSize).toBeGreaterThan(64 * 1024);
    const second = new SqliteEventStore({ path: file, checkpointAfterBytes: 64 * 1024 });
    expect(second.checkpointThreadStarted).toBe(true);
    await second.close();
    holder.close();
    const third = new SqliteEventStore({ path: file, checkpointAfterBytes: walSize + 1 });
    expect(third.checkpointThreadStarted).toBe(false);
    await third.close();
  });

  it('when the file has a newer layout than this version knows, then opening it fails rather than guessing', () => {
    const file = path.join(tempDir(), 'e.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => new SqliteEventStore({ path: file })).toThrow(/layout 99/);
  });

  it('when two store instances (two processes) race on one stream, then the database enforces one winner per revision', async () => {
    const file = path.join(tempDir(), 'e.sqlite');
    const a = new SqliteEventStore({ path: file });
    const b = new SqliteEventStore({ path: file });
    const first = seal('shared', null, signer);
    await a.append('shared', first, 'no_stream');
    const fromA = seal('shared', headOf(first), signer);
    const fromB = seal('shared', headOf(first), signer);
    const outcomes = await Promise.allSettled([a.append('shared', fromA, 0), b.append('shared', fromB, 0)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(RevisionConflict);
    const stored = (await b.readStream('shared')).map((r) => r.event);
    expect(stored).toHaveLength(2);
    expect(verifyChain(stored, { serviceKeys: resolverFor(signer) })).toEqual({ ok: true });
    await a.close();
    await b.close();
  });

  it("when a stream's recorded head is not its last event, then an append onto it is an integrity_fault, not a conflict", async () => {
    const file = path.join(tempDir(), 'e.sqlite');
    const store = new SqliteEventStore({ path: file, writer: 'inline' });
    const a = seal('a', null, signer, 2);
    const b = seal('b', null, signer, 2);
    await store.append('a', a, 'no_stream');
    await store.append('b', b, 'no_stream');
    expect(await store.streamHeads()).toEqual([
      { stream: 'a', revision: 1, hash: a[1]!.hash },
      { stream: 'b', revision: 1, hash: b[1]!.hash },
    ]);
    const db = new Database(file);
    db.prepare("UPDATE streams SET hash = ? WHERE stream = 'a'").run('ef'.repeat(32)); // the head row edited
    db.prepare("DELETE FROM events WHERE stream = 'b' AND revision = 1").run(); // the tail deleted, the head left
    db.close();
    await expect(store.append('a', seal('a', headOf(a), signer), 1)).rejects.toMatchObject({
      code: 'integrity_fault',
      message: expect.stringContaining('stream a: the head the store records (revision 1'),
    });
    await expect(store.append('b', seal('b', headOf(b.slice(0, 1)), signer), 0)).rejects.toMatchObject({
      code: 'integrity_fault',
      message: expect.stringContaining('is not its last stored event (revision 0'),
    });
    await store.close();
  });

  it('when another process appends, then a subscription here sees it by polling', async () => {
    const file = path.join(tempDir(), 'e.sqlite');
    const here = new SqliteEventStore({ path: file, pollIntervalMs: 20 });
    const there = new SqliteEventStore({ path: file });
    const controller = new AbortController();
    const iterator = iterate(here, { signal: controller.signal });
    expect((await iterator.next()).value).toMatchObject({ type: 'caughtUp' });
    const events = seal('remote', null, signer);
    await there.append('remote', events, 'no_stream');
    const next = await iterator.next();
    expect(next.value).toMatchObject({ type: 'events', events: [{ event: { id: events[0]!.id } }] });
    controller.abort();
    await here.close();
    await there.close();
  });

  it('when the writing process is killed with SIGKILL, then every acknowledged append survives and every chain verifies', async () => {
    const file = path.join(tempDir(), 'crash.sqlite');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, '../support/append-child.ts'), file, '8'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const acked = new Map<string, { revision: number; hash: string }>();
    let publicKeyDer: Buffer | undefined;
    const lines = readline.createInterface({ input: child.stdout! });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    for await (const line of lines) {
      const [kind, a, b, c] = line.split(' ');
      if (kind === 'key') publicKeyDer = Buffer.from(a!, 'base64');
      if (kind === 'ack') acked.set(a!, { revision: Number(b), hash: c! });
      if ([...acked.values()].reduce((n, h) => n + h.revision + 1, 0) >= 600) {
        child.kill('SIGKILL');
        break;
      }
    }
    await exited;
    expect(acked.size).toBe(8);

    const store = new SqliteEventStore({ path: file });
    const serviceKeys = keyResolver([createPublicKey({ key: publicKeyDer!, format: 'der', type: 'spki' })]);
    for (const [stream, head] of acked) {
      const events = (await store.readStream(stream)).map((r) => r.event);
      expect(events.length).toBeGreaterThanOrEqual(head.revision + 1);
      expect(events[head.revision]!.hash).toBe(head.hash);
      expect(verifyChain(events, { serviceKeys })).toEqual({ ok: true });
    }
    await store.close();
  });
});
