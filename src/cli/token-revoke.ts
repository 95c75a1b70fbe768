import { print, UsageError, type CliIo } from './io.js';
import { bearerToken, sendJson, serviceBase, serviceCommandArgs } from './service-call.js';

export const tokenRevokeHelp = `Usage: ledger token revoke --jti ID [--reason TEXT] [--url URL] [--token TOKEN]
       ledger token revoke --sub ID --before TIME|now [--reason TEXT] [--url URL] [--token TOKEN]

Revokes bearer tokens of your agency through a running service (POST /v1/tokens/revocations, role admin): one
token by its jti, or every token of a subject issued before TIME (RFC 3339, e.g. 2026-12-01T09:00:00Z, or
"now"). The revocation is recorded as a signed event in the token-revocations stream; from then on the service
answers those tokens with 401 unauthenticated (other replicas within about a second). A token's issue time (iat)
has whole seconds, so one issued in the second that holds TIME counts as issued before it; the command returns
once that second is over, so a token issued after it returns is not revoked.

Options:
  --jti ID          the token's jti claim as the token carries it (visible ASCII; a UUID in those ledger token issues)
  --sub ID          the subject (sub claim) whose tokens are revoked
  --before TIME     revoke the subject's tokens issued before this time, or "now"
  --reason TEXT     why, kept in the signed event
  --url URL         the service [default: http://localhost:$PORT, PORT defaulting to 8080]
  --token TOKEN     an admin's bearer token [default: $LEDGER_TOKEN]

Exit codes: 0 recorded, 1 refused or unreachable, 2 usage error.

Example:
  export LEDGER_TOKEN=$(npx ledger token --sub head --agency county-justice --roles admin)
  npx ledger token revoke --sub alice --before now --reason "device lost"
  npx ledger token revoke --jti 3f6c2a9e-5b1d-4c8e-a7f2-9d0b1e4c6a58 --reason "shared by mistake"
`;

export async function tokenRevoke(argv: string[], io: CliIo): Promise<number> {
  const values = serviceCommandArgs(argv, ['jti', 'sub', 'before', 'reason']);
  if (values.help) {
    print(io.stdout, tokenRevokeHelp);
    return 0;
  }
  const body = revocation(values);
  const token = bearerToken(values.token, io, 'an admin');
  const url = `${serviceBase(values.url, io)}/v1/tokens/revocations`;
  const answer = await sendJson(io, 'ledger token revoke', { method: 'POST', url, token, body });
  if (!answer) return 1;
  print(
    io.stdout,
    `${String(answer.type)} recorded: event ${String(answer.eventId)} at position ${String(answer.position)}`,
  );
  if (body.before !== undefined) await secondOver(Date.parse(body.before));
  return 0;
}

/**
 * Waits until the whole second holding `instant` (ms) is over: the service revokes the tokens issued in it too
 * (their `iat` cannot say on which side they were issued), so a token issued once this resolves is not revoked.
 */
async function secondOver(instant: number): Promise<void> {
  const wait = Math.ceil(instant / 1000) * 1000 - Date.now();
  if (wait > 0 && wait <= 1000) await new Promise((resolve) => setTimeout(resolve, wait + 5));
}

function revocation(values: { jti?: string; sub?: string; before?: string; reason?: string }): Record<string, string> {
  const reason: Record<string, string> = values.reason === undefined ? {} : { reason: values.reason };
  if (values.jti !== undefined) {
    if (values.sub !== undefined || values.before !== undefined) {
      throw new UsageError('give either --jti, or --sub with --before, not both');
    }
    return { jti: values.jti, ...reason };
  }
  if (values.sub === undefined || values.before === undefined) {
    throw new UsageError('give --jti ID, or --sub ID with --before TIME');
  }
  const before = values.before === 'now' ? new Date().toISOString() : values.before;
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(before) ||
    Number.isNaN(Date.parse(before))
  ) {
    throw new UsageError(`--before ${values.before} is not an RFC 3339 time such as 2026-12-01T09:00:00Z, nor "now"`);
  }
  return { sub: values.sub, before, ...reason };
}
