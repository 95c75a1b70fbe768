import { ERASURE_GROUNDS } from '../domain/case/erasure.js';
import { print, UsageError, type CliIo } from './io.js';
import { bearerToken, sendJson, serviceBase, serviceCommandArgs } from './service-call.js';

export const eraseHelp = `Usage: ledger erase (--case ID | --application ID) --ground GROUND --reason TEXT [--url URL] [--token TOKEN]

Erases personal data through a running service (role admin of the agency), by destroying the data key it is
sealed under, after recording a signed event naming the legal ground:
  --case ID          a case's (POST /v1/cases/{id}/erasure, event CaseDataErased): its parties' names, id numbers,
                     phones and addresses, and the free text sealed with them (the title, findings, descriptions,
                     opinions); for a case opened from an online application, the applicant's too.
  --application ID   an online application's that opened no case, refused or not decided
                     (POST /v1/applications/{id}/erasure, event ApplicationDataErased): the applicant's. One that
                     opened a case is refused (application_became_case): erase the case.
The fields then read "[erased]" everywhere; every hash, signature, inclusion proof and checkpoint still verifies.
A key store that could not destroy the key (a legal hold) refuses before anything is recorded
(data_key_not_erasable). Erasing again finishes an erasure a crash interrupted (the key is destroyed) and, like
erasing a case erased already, is refused with case_erased (application_erased), exit 1: the erasure stands.
docs/privacy.md says what erasure reaches and what it cannot.

Options:
  --case ID          the case
  --application ID   the application (its id, a UUID)
  --ground GROUND    the case of 个人信息保护法 第四十七条 (PIPL Art. 47): ${ERASURE_GROUNDS.join(', ')}
  --reason TEXT      why, in words (the request, decision or retention rule)
  --url URL          the service [default: http://localhost:$PORT, PORT defaulting to 8080]
  --token TOKEN      an admin's bearer token [default: $LEDGER_TOKEN]

Exit codes: 0 erased, 1 refused or the service unreachable, 2 usage error.

Examples:
  export LEDGER_TOKEN=$(npx ledger token --sub head --agency county-justice --roles admin)
  npx ledger erase --case 2019-001 --ground retention_expired --reason "保管期限届满（30年）"
  npx ledger erase --application 01938a6e-4c2b-7d1f-9a3e-5b7c2d8e0f14 --ground consent_withdrawn --reason "申请人撤回"
`;

export async function erase(argv: string[], io: CliIo): Promise<number> {
  const values = serviceCommandArgs(argv, ['case', 'application', 'ground', 'reason']);
  if (values.help) {
    print(io.stdout, eraseHelp);
    return 0;
  }
  const target = targetOf(values);
  if (!values.ground || !(ERASURE_GROUNDS as readonly string[]).includes(values.ground))
    throw new UsageError(`--ground must be one of ${ERASURE_GROUNDS.join(', ')}`);
  if (!values.reason?.trim()) throw new UsageError('--reason TEXT is required');
  const token = bearerToken(values.token, io, 'an admin');
  const answer = await sendJson(io, 'ledger erase', {
    method: 'POST',
    url: `${serviceBase(values.url, io)}${target.path}`,
    token,
    body: { ground: values.ground, reason: values.reason },
  });
  if (!answer) return 1;
  print(io.stdout, `erased ${target.name}: event ${String(answer.eventId)} (hash ${String(answer.hash)})`);
  return 0;
}

/** What is erased: exactly one of `--case` and `--application`. */
function targetOf(values: { case?: string; application?: string }): { name: string; path: string } {
  if (values.case !== undefined && values.application !== undefined)
    throw new UsageError('give either --case ID or --application ID, not both');
  if (values.case) return { name: `case ${values.case}`, path: `/v1/cases/${encodeURIComponent(values.case)}/erasure` };
  if (values.application)
    return {
      name: `application ${values.application}`,
      path: `/v1/applications/${encodeURIComponent(values.application)}/erasure`,
    };
  throw new UsageError('--case ID or --application ID is required');
}
