import { parseArgs } from 'node:util';
import { ERASURE_GROUNDS } from '../domain/case/erasure.js';
import { print, UsageError, type CliIo } from './io.js';
import { bearerToken, sendJson, serviceBase } from './service-call.js';

export const eraseHelp = `Usage: ledger erase --case ID --ground GROUND --reason TEXT [--url URL] [--token TOKEN]

Erases a case's personal data through a running service (POST /v1/cases/{id}/erasure, role admin of the case's
agency): a signed CaseDataErased event naming the legal ground is appended to the case, then the case's data key
is destroyed. Its parties' names, id numbers, phones and addresses then read "[erased]" everywhere; every hash,
signature, inclusion proof and checkpoint still verifies. Erasing again finishes an erasure a crash interrupted
(the key is destroyed) and answers case_erased. docs/privacy.md says what erasure reaches and what it cannot.

Options:
  --case ID         the case
  --ground GROUND   the case of 个人信息保护法 第四十七条 (PIPL Art. 47): ${ERASURE_GROUNDS.join(', ')}
  --reason TEXT     why, in words (the request, decision or retention rule)
  --url URL         the service [default: http://localhost:$PORT, PORT defaulting to 8080]
  --token TOKEN     an admin's bearer token [default: $LEDGER_TOKEN]

Exit codes: 0 erased, 1 refused or the service unreachable, 2 usage error.

Example:
  export LEDGER_TOKEN=$(npx ledger token --sub head --agency county-justice --roles admin)
  npx ledger erase --case 2019-001 --ground retention_expired --reason "保管期限届满（30年）"
`;

export async function erase(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      case: { type: 'string' },
      ground: { type: 'string' },
      reason: { type: 'string' },
      url: { type: 'string' },
      token: { type: 'string' },
    },
  });
  if (values.help) {
    print(io.stdout, eraseHelp);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
  if (!values.case) throw new UsageError('--case ID is required');
  if (!values.ground || !(ERASURE_GROUNDS as readonly string[]).includes(values.ground))
    throw new UsageError(`--ground must be one of ${ERASURE_GROUNDS.join(', ')}`);
  if (!values.reason?.trim()) throw new UsageError('--reason TEXT is required');
  const token = bearerToken(values.token, io, 'an admin');
  const base = serviceBase(values.url, io);
  const answer = await sendJson(io, 'ledger erase', {
    method: 'POST',
    url: `${base}/v1/cases/${encodeURIComponent(values.case)}/erasure`,
    token,
    body: { ground: values.ground, reason: values.reason },
  });
  if (!answer) return 1;
  print(io.stdout, `erased case ${values.case}: event ${String(answer.eventId)} (hash ${String(answer.hash)})`);
  return 0;
}
