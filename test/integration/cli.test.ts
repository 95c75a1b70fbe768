import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import jwt from 'jsonwebtoken';
import { freshTempDir } from '../support/temp-dir.js';
import { runCli } from '../support/cli.js';
import { lockDataFolder } from '../../src/adapters/sqlite/folder-lock.js';

const root = path.resolve(__dirname, '../..');
const tempDir = freshTempDir('cli');

describe('the ledger command', () => {
  it('when asked for help, then it lists the commands and exits 0; with no command it exits 2', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/serve .*\n.*token .*\n.*keys /);
    // every command's summary starts in one column, the longest name's (verify-disclosure) included
    const commands = help.stdout.split('Commands:\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(commands).toContainEqual(expect.stringMatching(/^ {2}verify-disclosure check /));
    expect(new Set(commands.map((line) => line.length - line.replace(/^ {2}\S+ +/, '').length)).size).toBe(1);
    expect((await runCli([])).code).toBe(2);
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });

  it('when "--version" is run, then it prints the package version and exits 0', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as {
      version: string;
    };
    for (const flag of ['--version', '-v'])
      expect(await runCli([flag])).toEqual({ code: 0, stdout: `ledger ${version}\n`, stderr: '' });
  });

  it.each(['serve', 'token', 'keys'])(
    'when "%s --help" is run, then it prints its usage and exits 0',
    async (command) => {
      const result = await runCli([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: ledger ${command}`);
    },
  );

  it('when serve --help is run, then every configuration variable is documented', async () => {
    const { stdout } = await runCli(['serve', '--help']);
    for (const name of [
      'PORT',
      'LEDGER_DATA_DIR',
      'EVENTSTORE_URL',
      'S3_BUCKET',
      'S3_ENDPOINT',
      'JWT_ISSUER',
      'JWT_ALGORITHMS',
    ]) {
      expect(stdout).toContain(name);
    }
  });

  it('when a token is requested, then it is signed by the embedded key with the given claims and lifetime', async () => {
    const env = { LEDGER_DATA_DIR: tempDir() };
    const result = await runCli(
      ['token', '--sub', 'reviewer-7', '--agency', 'county-justice', '--roles', 'reviewer,officer', '--ttl', '15m'],
      env,
    );
    expect(result.code).toBe(0);
    const claims = jwt.decode(result.stdout.trim(), { complete: true })!;
    expect(claims.header).toMatchObject({ alg: 'ES256' });
    const payload = claims.payload as jwt.JwtPayload;
    expect(payload).toMatchObject({
      sub: 'reviewer-7',
      agency: 'county-justice',
      roles: ['reviewer', 'officer'],
      iss: 'evidence-ledger',
      aud: 'evidence-ledger',
    });
    expect(payload.exp! - payload.iat!).toBe(900);
    const keys = await runCli(['keys', 'list'], env);
    expect(keys.stdout).toContain(claims.header.kid!);
  });

  it('when the service trusts configured token keys, then ledger token warns that its token will be refused', async () => {
    const argv = ['token', '--sub', 'a', '--agency', 'b', '--roles', 'officer'];
    const embedded = await runCli(argv, { LEDGER_DATA_DIR: tempDir() });
    expect(embedded).toMatchObject({ code: 0, stderr: '' });
    // at a terminal, no warning either: only what revoking the token takes, its jti as the token carries it
    const shown = await runCli(argv, { LEDGER_DATA_DIR: tempDir() }, undefined, { stderrTty: true });
    const { jti } = jwt.decode(shown.stdout.trim()) as jwt.JwtPayload;
    expect(shown.stderr).toMatch(
      new RegExp(`^ledger token: jti ${jti!}, expires \\S+Z; to revoke it: ledger token revoke --jti ${jti!}\\n$`),
    );
    const pem = path.join(tempDir(), 'idp.pem');
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    fs.writeFileSync(pem, publicKey.export({ type: 'spki', format: 'pem' }) as string);
    const configured = await runCli(argv, { LEDGER_DATA_DIR: tempDir(), JWT_PUBLIC_KEY_FILES: pem });
    expect(configured.code).toBe(0);
    expect(configured.stdout.trim()).toMatch(/^eyJ/);
    expect(configured.stderr).toContain('the service trusts JWT_PUBLIC_KEY_FILES, not the embedded key');
    const noEs256 = await runCli(argv, { LEDGER_DATA_DIR: tempDir(), JWT_ALGORITHMS: 'RS256' });
    expect(noEs256.stderr).toContain('JWT_ALGORITHMS leaves out ES256');
  });

  it.each([
    [['token', '--sub', 'a', '--agency', 'b'], '--roles'],
    [['token', '--sub', 'a', '--agency', 'b', '--roles', 'wizard'], 'unknown role wizard'],
    [['token', '--sub', 'a', '--agency', 'b', '--roles', 'officer,,reviewer'], 'names an empty role'],
    [
      ['token', '--sub', 'a', '--agency', 'bad agency!<x>', '--roles', 'officer'],
      'bad agency!<x> is not an agency code',
    ],
    [
      ['token', '--sub', 'a', '--agency', 'b', '--roles', 'supervisor', '--supervises', 'c,x y'],
      'x y is not an agency code',
    ],
    [
      ['token', '--sub', 'a', '--agency', 'b', '--roles', 'supervisor', '--supervises', 'c,,d'],
      'names an empty agency code',
    ],
    [
      ['token', '--sub', 'a', '--agency', 'b', '--roles', 'supervisor', '--supervises', ''],
      'names an empty agency code',
    ],
    [
      ['token', '--sub', 'a', '--agency', 'x y', '--roles', 'supervisor', '--supervises', 'c,d e'],
      'x y, d e are not agency codes',
    ],
    [
      ['token', '--sub', 'a', '--agency', 'b', '--roles', 'officer,admin', '--supervises', 'c'],
      '--supervises is for a supervisor: add supervisor to --roles',
    ],
    [['token', '--sub', 'a', '--agency', 'b', '--roles', 'officer', '--ttl', 'soon'], '--ttl soon'],
    [['token', '--sub', 'a', '--agency', 'b', '--roles', 'officer', '--ttl', '30d'], 'JWT_MAX_LIFETIME_SECONDS'],
    [['token', '--bogus'], 'bogus'],
    [['verify', '--bogus', 'x.tar'], "ledger verify: Unknown option '--bogus'\nRun"],
    [['keys', 'rotate'], '--purpose event|token is required'],
    [['keys', 'rotate', '--purpose', 'foo'], '--purpose foo is neither event nor token'],
  ])('when %j is run, then it is a usage error (exit 2) that says what is wrong', async (argv, message) => {
    const result = await runCli(argv, { LEDGER_DATA_DIR: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('when the default lifetime of a token is longer than the service accepts, then the error says it is the default', async () => {
    const result = await runCli(['token', '--sub', 'a', '--agency', 'b', '--roles', 'officer'], {
      LEDGER_DATA_DIR: tempDir(),
      JWT_MAX_LIFETIME_SECONDS: '60',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the default --ttl 1h is longer than the most the service accepts, 60 s');
    expect(result.stderr).toContain('give a shorter --ttl');
  });

  it.each([
    [['verify-disclosure'], []],
    [
      ['calendar', 'import'],
      ['--token', 'a-token', '--url', 'http://127.0.0.1:9'],
    ],
  ])('when %j is given a folder or a missing file, then exit 1 saying why in words', async (command, rest) => {
    const folder = await runCli([...command, tempDir(), ...rest], { LEDGER_DATA_DIR: tempDir() });
    expect([folder.code, folder.stderr]).toEqual([
      1,
      expect.stringContaining(`cannot read ${tempDir()}: it is not a file`),
    ]);
    const missing = await runCli([...command, 'missing.json', ...rest], { LEDGER_DATA_DIR: tempDir() }, tempDir());
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read missing.json: no such file or directory (ENOENT)');
  });

  it('when its reader closes the pipe early, then the command keeps its exit code instead of crashing on the write', async () => {
    // `true` reads nothing and exits at once: every write of the help then meets a closed pipe (EPIPE)
    const child = spawn('bash', ['-c', `"${process.execPath}" bin/ledger.js --help | true; exit \${PIPESTATUS[0]}`], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect([code, stderr]).toEqual([0, '']);
  });

  it('when the configuration is bad, then the command exits 1 naming the variable', async () => {
    const result = await runCli(['serve'], { PORT: 'http', LEDGER_DATA_DIR: tempDir() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT: "http" is not a whole number');
  });

  it('when the documents font is not a font, then serve exits 1 naming LEDGER_DOCUMENT_FONT rather than hanging', async () => {
    const notAFont = path.join(tempDir(), 'not-a-font.ttf');
    fs.writeFileSync(notAFont, 'plain text, not a font');
    const child = spawn(process.execPath, [path.join(root, 'bin/ledger.js'), 'serve'], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        LEDGER_DATA_DIR: path.join(tempDir(), 'data'),
        LEDGER_DOCUMENT_FONT: notAFont,
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    // generous for a busy machine; a service that printed its error but kept running is killed and fails the test
    const stuck = setTimeout(() => child.kill('SIGKILL'), 90_000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    clearTimeout(stuck);
    expect(stderr).toContain('configuration error: LEDGER_DOCUMENT_FONT');
    expect(code).toBe(1);
  });

  it('when a token is asked for in a folder that does not exist, or beside a log without its keys, then none is made', async () => {
    const missing = await runCli(['token', '--sub', 'a', '--agency', 'b', '--roles', 'admin'], {
      LEDGER_DATA_DIR: path.join(tempDir(), 'nope'),
    });
    expect([missing.code, missing.stdout]).toEqual([1, '']);
    expect(missing.stderr).toContain(`no data folder ${path.join(tempDir(), 'nope')}`);
    expect(fs.existsSync(path.join(tempDir(), 'nope'))).toBe(false);
    fs.writeFileSync(path.join(tempDir(), 'events.sqlite'), '');
    const stray = await runCli(['token', '--sub', 'a', '--agency', 'b', '--roles', 'admin'], {
      LEDGER_DATA_DIR: tempDir(),
      LEDGER_KEYS_DIR: path.join(tempDir(), 'elsewhere'),
    });
    expect([stray.code, stray.stderr]).toEqual([1, expect.stringContaining('set LEDGER_KEYS_DIR')]);
  });

  it('when keys are rotated, then the list shows the retired key and the new current one', async () => {
    const env = { LEDGER_DATA_DIR: tempDir() };
    // listing or rotating never makes keys: a folder without them is refused, naming it
    const none = await runCli(['keys', 'list'], env);
    expect([none.code, none.stderr]).toEqual([
      1,
      expect.stringContaining(`no keys in ${path.join(tempDir(), 'keys')}`),
    ]);
    expect(fs.existsSync(path.join(tempDir(), 'keys', 'keyring.json'))).toBe(false);
    // a token made in the (existing, empty) folder makes them, as a first start does
    expect((await runCli(['token', '--sub', 'a', '--agency', 'b', '--roles', 'admin'], env)).code).toBe(0);
    const event = await runCli(['keys', 'rotate', '--purpose', 'event'], env);
    expect(event.code).toBe(0);
    expect(event.stdout).not.toContain('refuses');
    // a token key's rotation says what it costs: every token the retired key signed is refused
    const token = await runCli(['keys', 'rotate', '--purpose', 'token'], env);
    expect(token.code).toBe(0);
    expect(token.stdout).toMatch(
      /^new token key \S+; a running service takes it up within 5 seconds; from then on it refuses every token the retired key signed: users and integrations need new ones\n$/,
    );
    const { stdout } = await runCli(['keys', 'list'], env);
    expect(stdout.match(/^event .*retired/gm)).toHaveLength(1);
    expect(stdout.match(/^event .*current/gm)).toHaveLength(1);
    expect(stdout.match(/^token .*retired/gm)).toHaveLength(1);
  });

  it('when ledger serve is stopped while it starts, then it says so and exits 0, holding nothing', async () => {
    // a server that takes the connection and never answers: the start waits on it, as on a long rebuild
    const held: net.Socket[] = [];
    let connected: () => void;
    const reached = new Promise<void>((resolve) => (connected = resolve));
    const silent = net.createServer((socket) => {
      held.push(socket);
      connected();
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const dataDir = tempDir();
    try {
      const child = spawn(process.execPath, [path.join(root, 'bin/ledger.js'), 'serve'], {
        env: {
          ...process.env,
          PORT: '0',
          HOST: '127.0.0.1',
          LEDGER_DATA_DIR: dataDir,
          EVENTSTORE_URL: `esdb://127.0.0.1:${port}?tls=false`,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await reached; // the start is under way
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(stdout).toContain('"msg":"stopped while starting: nothing was served; the next start begins again"');
      // the data folder's lock ended with the process: the folder is free
      lockDataFolder(dataDir, { command: 'test', since: new Date() }).release();
    } finally {
      for (const socket of held) socket.destroy();
      silent.close();
    }
  });

  it.each(['serve', 'rebuild'])(
    'when EVENTSTORE_URL names a server that does not answer, then ledger %s exits 1 naming the variable (not silently)',
    async (command) => {
      const closed = await new Promise<number>((resolve) => {
        const probe = net.createServer().listen(0, '127.0.0.1', () => {
          const { port } = probe.address() as net.AddressInfo;
          probe.close(() => resolve(port));
        });
      });
      const child = spawn(process.execPath, [path.join(root, 'bin/ledger.js'), command], {
        env: {
          ...process.env,
          PORT: '0',
          LEDGER_DATA_DIR: tempDir(),
          EVENTSTORE_URL: `esdb://127.0.0.1:${closed}?tls=false`,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
      expect(code).toBe(1);
      expect(stderr).toContain(
        `EVENTSTORE_URL: the EventStoreDB server at esdb://127.0.0.1:${closed}?tls=false cannot be read`,
      );
    },
    60_000,
  );

  it('when "npm start" runs the service, then /healthz answers, and SIGTERM to npm stops the service cleanly with exit 0', async () => {
    // npm itself, as an operator (or a process manager) runs it: the signal npm forwards must reach the service,
    // not only the shell npm runs the script in (which would leave the service running and holding its folder)
    const child = spawn('npm', ['start', '--silent'], {
      cwd: root,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LEDGER_DATA_DIR: tempDir(), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const logs: Record<string, unknown>[] = [];
    const listening = new Promise<number>((resolve) => {
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        if (!line.startsWith('{')) return; // npm's own lines
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'listening') resolve(entry.port as number);
      });
    });
    const port = await listening;
    expect(port).toBeGreaterThan(0);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    const missing = await fetch(`http://127.0.0.1:${port}/v0/nothing`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(await missing.json()).toMatchObject({ status: 404, code: 'not_found' });
    // a case id a client chose may be a person's id number: the request log names the route, never the path
    const chosen = await fetch(`http://127.0.0.1:${port}/v1/cases/110101199003077777`);
    expect(chosen.status).toBe(401);

    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(logs.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['listening', 'request', 'shutting down', 'stopped']),
    );
    const requests = logs.filter((l) => l.msg === 'request');
    expect(requests.map((l) => l.route)).toEqual(
      expect.arrayContaining(['/healthz', 'unmatched', '/v1/cases/:caseId']),
    );
    expect(JSON.stringify(logs)).not.toContain('110101199003077777');
    // a first start on an empty data folder has nothing to warn about
    expect(logs.filter((l) => (l.level as number) >= 40).map((l) => l.msg)).toEqual([]);
    expect(fs.existsSync(path.join(tempDir(), 'events.sqlite'))).toBe(true);
    expect(fs.readdirSync(path.join(tempDir(), 'keys'))).toContain('keyring.json');
  });
});
