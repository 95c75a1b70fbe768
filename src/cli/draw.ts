import path from 'node:path';
import { parseArgs } from 'node:util';
import { verifyDraw, type DrawEvidence, type DrawReport, type PublishedPlan } from '../ledger/draw-verify.js';
import { print, readTextFile, UsageError, type CliIo } from './io.js';
import { serviceBase } from './service-call.js';

export const drawHelp = `Usage: ledger draw verify --agency AGENCY --plan PLAN_ID [--url URL] [--json]
       ledger draw verify --plan-file PLAN_JSON --checkpoint CHECKPOINT_JSON --keys KEYS_JSON
                          [--proof PROOF_JSON] [--json]

Re-runs the draw of a "double random, one public" inspection (双随机、一公开) from its published inputs and says
whether it matches (docs/inspections.md): the checkpoint is signed by the ledger's published keys, the root hash
the draw names at its tree size is proven part of that checkpoint (consistency proof), the inputs hash to the
recorded digest, and the seed, targets and inspectors are those the root gives. The portal's plan page runs the
same checks in the browser.

From a service, it fetches GET /v1/inspections/{agency}/{planId}, /v1/ledger/keys, /v1/ledger/checkpoint and
/v1/ledger/proof/consistency. From files, it reads those same answers as saved (the checkpoint file may also be
the signed note's text); --proof may be left out when the checkpoint's size is the draw's.

Options:
  --agency AGENCY       the plan's agency
  --plan PLAN_ID        the plan
  --url URL             the service [default: http://localhost:$PORT, PORT defaulting to 8080]
  --plan-file FILE      the plan as GET /v1/inspections/{agency}/{planId} serves it
  --checkpoint FILE     the checkpoint as GET /v1/ledger/checkpoint serves it, or its note
  --keys FILE           the keys as GET /v1/ledger/keys serves them
  --proof FILE          the consistency proof as GET /v1/ledger/proof/consistency serves it
  --json                print the whole report as JSON on stdout

Exit codes: 0 the draw matches, 1 it does not (the failed check on stderr) or the service or a file cannot be
read, 2 usage error.

Example:
  npx ledger draw verify --agency county-market --plan P-2026-01 --url http://localhost:8080
`;

async function getJson(url: string): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    throw new Error(`cannot reach ${new URL(url).origin}: ${cause?.code ?? (err as Error).message}`);
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${new URL(url).pathname}: ${res.status} ${String(body.code ?? res.statusText)}`);
  return body;
}

/** The plan and the ledger's evidence from a service. */
async function fromService(base: string, agency: string, planId: string) {
  const plan = await getJson(`${base}/v1/inspections/${encodeURIComponent(agency)}/${encodeURIComponent(planId)}`);
  const [keys, checkpoint] = await Promise.all([
    getJson(`${base}/v1/ledger/keys`),
    getJson(`${base}/v1/ledger/checkpoint`),
  ]);
  const size = (plan.draw as { size?: number } | undefined)?.size;
  const to = checkpoint.size as number;
  const proof =
    size !== undefined && size >= 1 && size < to
      ? ((await getJson(`${base}/v1/ledger/proof/consistency?from=${size}&to=${to}`)).proof as string[])
      : [];
  return { plan, keys, note: String(checkpoint.note), proof };
}

function readFile(io: CliIo, file: string): string {
  return readTextFile(path.resolve(io.cwd, file), file);
}

/** A saved JSON answer: an object, or an error naming the file and what it was given as. */
function jsonFile(io: CliIo, file: string, option: string): Record<string, unknown> {
  return jsonObject(readFile(io, file), file, option);
}

function jsonObject(text: string, file: string, option: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`${option} ${file} is not JSON: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${option} ${file} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

/** The plan and the ledger's evidence from saved answers. */
function fromFiles(io: CliIo, files: { plan: string; checkpoint: string; keys: string; proof?: string }) {
  const plan = jsonFile(io, files.plan, '--plan-file');
  if (typeof plan.agency !== 'string' || typeof plan.planId !== 'string') {
    throw new Error(
      `--plan-file ${files.plan} names no agency and planId: it is not a plan as GET /v1/inspections/{agency}/{planId} serves it`,
    );
  }
  const text = readFile(io, files.checkpoint);
  const note = text.trimStart().startsWith('{')
    ? String(jsonObject(text, files.checkpoint, '--checkpoint').note)
    : text;
  const proof =
    files.proof === undefined ? [] : ((jsonFile(io, files.proof, '--proof').proof as string[] | undefined) ?? []);
  return { plan, keys: jsonFile(io, files.keys, '--keys'), note, proof };
}

function summary(report: DrawReport): string {
  if (!report.valid)
    return `draw of ${report.agency}/${report.planId}: INVALID (${report.failure!.step}): ${report.failure!.detail}`;
  const lines = [
    `draw of ${report.agency}/${report.planId}: valid`,
    `seed ${report.seed} from the root at tree size ${report.size} (${report.rootHash}),`,
    `proven part of the signed checkpoint of size ${report.checkpoint!.size} (${report.checkpoint!.rootHash})`,
    ...report.targets!.map((t, i) => `${i + 1}. ${t.subjectId}: ${t.inspectors.join(', ')}`),
  ];
  return lines.join('\n');
}

export async function draw(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h' || sub === undefined) {
    if (sub === undefined) throw new UsageError('give a subcommand: verify');
    print(io.stdout, drawHelp);
    return 0;
  }
  if (sub !== 'verify') throw new UsageError(`unknown subcommand "${sub}"`);
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      agency: { type: 'string' },
      plan: { type: 'string' },
      url: { type: 'string' },
      'plan-file': { type: 'string' },
      checkpoint: { type: 'string' },
      keys: { type: 'string' },
      proof: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (values.help) {
    print(io.stdout, drawHelp);
    return 0;
  }
  const fileMode = values['plan-file'] !== undefined;
  if (fileMode && (values.checkpoint === undefined || values.keys === undefined)) {
    throw new UsageError('--plan-file needs --checkpoint and --keys');
  }
  if (!fileMode && (values.agency === undefined || values.plan === undefined)) {
    throw new UsageError('give --agency and --plan, or --plan-file with --checkpoint and --keys');
  }
  let got;
  try {
    got = fileMode
      ? fromFiles(io, {
          plan: values['plan-file']!,
          checkpoint: values.checkpoint!,
          keys: values.keys!,
          ...(values.proof === undefined ? {} : { proof: values.proof }),
        })
      : await fromService(serviceBase(values.url, io), values.agency!, values.plan!);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    print(io.stderr, `ledger draw verify: ${(err as Error).message}`);
    return 1;
  }
  const evidence: DrawEvidence = {
    origin: String(got.keys.origin),
    keys: Array.isArray(got.keys.keys) ? (got.keys.keys as { publicKeyPem: string }[]) : [],
    note: got.note,
    consistency: Array.isArray(got.proof) ? got.proof : [],
  };
  const report = verifyDraw(got.plan as unknown as PublishedPlan, evidence);
  if (values.json) print(io.stdout, JSON.stringify(report, null, 2));
  else if (report.valid) print(io.stdout, summary(report));
  if (!report.valid) print(io.stderr, summary(report));
  return report.valid ? 0 : 1;
}
