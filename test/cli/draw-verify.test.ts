import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { runCli } from '../support/cli.js';
import { startTestService, type TestService } from '../support/service.js';
import { INSPECTION_AGENCY, PLAN_ID, seedDrawnPlan } from '../support/inspections.js';

let t: TestService;
let dir: string;
let plan: any;

beforeAll(async () => {
  t = await startTestService();
  await seedDrawnPlan(t);
  plan = (await t.call('GET', `/v1/inspections/${INSPECTION_AGENCY}/${PLAN_ID}`)).body;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-draw-'));
  const checkpoint = (await t.call('GET', '/v1/ledger/checkpoint')).body;
  const proof = (await t.call('GET', `/v1/ledger/proof/consistency?from=${plan.draw.size}&to=${checkpoint.size}`)).body;
  const keys = (await t.call('GET', '/v1/ledger/keys')).body;
  const save = (name: string, value: unknown) =>
    fs.writeFileSync(path.join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));
  save('plan.json', plan);
  save('checkpoint.json', checkpoint);
  save('checkpoint.txt', checkpoint.note);
  save('proof.json', proof);
  save('keys.json', keys);
}, 60_000);
afterAll(async () => {
  await t.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const files = (plan = 'plan.json', extra: string[] = []) => [
  'draw',
  'verify',
  '--plan-file',
  plan,
  '--checkpoint',
  'checkpoint.json',
  '--keys',
  'keys.json',
  '--proof',
  'proof.json',
  ...extra,
];

describe('ledger draw verify', () => {
  it('when run against the service, then the draw matches, with its seed and targets', async () => {
    const run = await runCli(['draw', 'verify', '--agency', INSPECTION_AGENCY, '--plan', PLAN_ID, '--url', t.url]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain(`seed ${plan.draw.seed}`);
    for (const target of plan.draw.targets)
      expect(run.stdout).toContain(`${target.subjectId}: ${target.inspectors.join(', ')}`);
  });

  it('when run from saved answers with --json, then the report is the same as the service gives', async () => {
    const run = await runCli(files('plan.json', ['--json']), {}, dir);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ valid: true, agency: INSPECTION_AGENCY, planId: PLAN_ID, seed: plan.draw.seed });
    expect(report.targets).toEqual(
      plan.draw.targets.map((x: any) => ({ subjectId: x.subjectId, inspectors: x.inspectors })),
    );
    const note = await runCli(
      [
        'draw',
        'verify',
        '--plan-file',
        'plan.json',
        '--checkpoint',
        'checkpoint.txt',
        '--keys',
        'keys.json',
        '--proof',
        'proof.json',
      ],
      {},
      dir,
    );
    expect(note.code).toBe(0);
  });

  it.each([
    [
      'the inspectors of a target are swapped for others',
      'targets',
      (p: any) => {
        const all: string[] = p.draw.inputs.officers;
        p.draw.targets[0].inspectors = all.filter((o) => !p.draw.targets[0].inspectors.includes(o)).slice(0, 2);
      },
    ],
    ['a subject is left out of the inputs', 'inputs', (p: any) => p.draw.inputs.subjects.pop()],
    ['the root hash is another', 'consistency', (p: any) => (p.draw.rootHash = Buffer.alloc(32, 9).toString('base64'))],
    ['the seed is another', 'seed', (p: any) => (p.draw.seed = 'ab'.repeat(32))],
    ['the plan was recorded after its size', 'plan', (p: any) => (p.treeSizeAtPlan = p.draw.size)],
  ])('when %s, then exit 1 naming the %s check', async (_name, step, tamper) => {
    const copy = JSON.parse(JSON.stringify(plan));
    tamper(copy);
    fs.writeFileSync(path.join(dir, 'tampered.json'), JSON.stringify(copy));
    const run = await runCli(files('tampered.json', ['--json']), {}, dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).failure.step).toBe(step);
    expect(run.stderr).toContain(`INVALID (${step})`);
  });

  it('when the keys are not the ledger’s, then exit 1 naming the signature', async () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const keys = JSON.parse(fs.readFileSync(path.join(dir, 'keys.json'), 'utf8'));
    keys.keys = [{ ...keys.keys[0], publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) }];
    fs.writeFileSync(path.join(dir, 'other-keys.json'), JSON.stringify(keys));
    const args = files().map((a) => (a === 'keys.json' ? 'other-keys.json' : a));
    const run = await runCli(args, {}, dir);
    expect([run.code, run.stderr]).toEqual([1, expect.stringContaining('INVALID (signature)')]);
  });

  it('when a saved answer is missing, a folder, not JSON or not a plan, then exit 1 naming the file and its option', async () => {
    fs.mkdirSync(path.join(dir, 'a-folder'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'cut.json'), '{"agency": "x"');
    fs.writeFileSync(path.join(dir, 'empty.json'), '{}');
    fs.writeFileSync(path.join(dir, 'list.json'), '[]');
    const cases: [string[], string][] = [
      [files('no-such.json'), 'cannot read no-such.json: no such file or directory (ENOENT)'],
      [files('a-folder'), 'cannot read a-folder: it is not a file'],
      [files('cut.json'), '--plan-file cut.json is not JSON'],
      [files('empty.json'), '--plan-file empty.json names no agency and planId'],
      [files('plan.json').map((a) => (a === 'keys.json' ? 'cut.json' : a)), '--keys cut.json is not JSON'],
      [files('plan.json').map((a) => (a === 'checkpoint.json' ? 'cut.json' : a)), '--checkpoint cut.json is not JSON'],
      [files('plan.json').map((a) => (a === 'proof.json' ? 'list.json' : a)), '--proof list.json is not a JSON object'],
    ];
    for (const [argv, said] of cases) {
      const run = await runCli(argv, {}, dir);
      expect([said, run.code, run.stderr]).toEqual([said, 1, expect.stringContaining(said)]);
      expect(run.stderr).not.toContain('undefined');
    }
  });

  it('when the arguments are incomplete or unknown, then exit 2; --help prints the usage', async () => {
    expect((await runCli(['draw', 'verify', '--agency', INSPECTION_AGENCY])).code).toBe(2);
    expect((await runCli(['draw', 'verify', '--plan-file', 'plan.json'], {}, dir)).code).toBe(2);
    expect((await runCli(['draw', 'shuffle'])).code).toBe(2);
    const help = await runCli(['draw', 'verify', '--help']);
    expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('Usage: ledger draw verify')]);
  });

  it('when the plan is unknown to the service, then exit 1 saying so', async () => {
    const run = await runCli(['draw', 'verify', '--agency', INSPECTION_AGENCY, '--plan', 'nope', '--url', t.url]);
    expect([run.code, run.stderr]).toEqual([1, expect.stringContaining('404')]);
  });
});
