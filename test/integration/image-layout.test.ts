import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDockerfile } from '../support/dockerfile.js';
import { layOutImage, startImage, type ImageLayout } from '../support/image-layout.js';

/**
 * The production image, without a Docker engine: its file layout is rebuilt from the Dockerfile's own stages and
 * COPY lines (test/support/image-layout.ts says how each instruction is reproduced), then started with the
 * image's CMD and ENV, as the container would be. Production dependencies are links to this checkout's installed
 * packages, only those package-lock.json does not mark `dev`: a real `npm ci --omit=dev` would compile
 * better-sqlite3 again and take minutes; the links still fail the start when the service imports a development
 * package (tsx, say) or a file no COPY line brings.
 */
const root = path.resolve(__dirname, '../..');
const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
const work: string[] = [];
const freshDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-image-'));
  work.push(dir);
  return dir;
};
afterAll(() => work.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** Where the container would write: its data folder becomes a temporary one, the port any free one. */
const host = (dir: string) => ({ LEDGER_DATA_DIR: path.join(dir, 'data'), PORT: '0', HOST: '127.0.0.1' });

describe('the production image', () => {
  let dir: string;
  let image: ImageLayout;
  beforeAll(() => {
    dir = freshDir();
    image = layOutImage(dockerfile, root, path.join(dir, 'stages'));
  }, 120_000);

  it('when its layout is rebuilt from the Dockerfile and started with its CMD, then /readyz answers 200', async () => {
    expect(fs.existsSync(path.join(image.dir, 'src'))).toBe(false);
    expect(fs.existsSync(path.join(image.dir, 'node_modules', 'tsx'))).toBe(false);
    const service = await startImage(image, host(dir), 90_000);
    try {
      expect(service.stderr).toBe('');
      expect(service.ready).toBe(true);
    } finally {
      expect(await service.stop()).toBe(0);
    }
  }, 180_000);

  it('when it checks signatures on threads, then the threads run the compiled modules, without tsx', () => {
    // a file, not --eval: worker threads inherit the process's flags, and --input-type is refused in a thread
    const script = path.join(dir, 'check-threads.mjs');
    fs.writeFileSync(
      script,
      `import { generateKeyPairSync, sign } from 'node:crypto';
       const { SignaturePool } = await import(${JSON.stringify(path.join(image.dir, 'dist/src/app/signature-pool.js'))});
       const { publicKey, privateKey } = generateKeyPairSync('ed25519');
       const message = Buffer.from('image');
       const pool = new SignaturePool(1);
       const answers = await pool.check([{ publicKey, message, signature: sign(null, message, privateKey) }]);
       await pool.close();
       console.log(JSON.stringify(answers));\n`,
    );
    const check = spawnSync(process.execPath, [script], {
      cwd: image.dir,
      env: { PATH: process.env.PATH ?? '', ...image.env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(check.stderr).toBe('');
    expect(check.stdout.trim()).toBe('[true]');
  }, 90_000);

  it('when a folder the service loads is left out of the COPY lines, then the rebuilt image does not start', async () => {
    const dir = freshDir();
    const without = dockerfile.replace(/^COPY projections .*\n/m, '');
    expect(without).not.toBe(dockerfile);
    const image = layOutImage(without, root, path.join(dir, 'stages'));
    const service = await startImage(image, host(dir), 90_000);
    expect(service.ready).toBe(false);
    expect(service.code).not.toBe(0);
    expect(service.stderr).toMatch(/ERR_MODULE_NOT_FOUND[\s\S]*projections/);
  }, 180_000);

  it('when its stages are read, then it runs a current LTS Node as an unprivileged user with a health check', () => {
    const stages = parseDockerfile(dockerfile);
    for (const stage of stages) expect(stage.from).toMatch(/^node:(22|24)[.-]/);
    const final = stages[stages.length - 1]!;
    const user = final.instructions.filter((i) => i.keyword === 'USER').map((i) => i.args);
    expect(user.length).toBeGreaterThan(0);
    expect(user[user.length - 1]).not.toMatch(/^(root|0)(:|$)/);
    expect(final.instructions.some((i) => i.keyword === 'HEALTHCHECK' && /\/(healthz|readyz)/.test(i.args))).toBe(true);
    expect(stages.some((s) => s.instructions.some((i) => i.keyword === 'RUN' && /npm run build\b/.test(i.args)))).toBe(
      true,
    );
  });

  it('when production dependencies are installed, then no TypeScript runner or compiler is among them', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(tsx|typescript|esbuild|ts-node|@swc\/.*)$/)]),
    );
  });
});
