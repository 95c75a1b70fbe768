import path from 'node:path';
import { parseArgs } from 'node:util';
import { maskPersonName } from '../domain/redaction.js';
import { checkDisclosure } from '../ledger/disclosure-statement.js';
import { print, readTextFile, UsageError, type CliIo } from './io.js';

export const verifyDisclosureHelp = `Usage: ledger verify-disclosure FILE [--published TEXT]

Checks a disclosure statement offline: that the value a party discloses is the one sealed in a signed event, and
so that the public record of a decision (which shows the commitment) came from the sealed original. FILE is JSON:
  {"event": <the signed event, as a bundle holds it, or as GET /v1/cases/{id}/events serves it without its
             "personal" member (the event's opened fields; "position" may stay)>,
   "path": "/parties/0/name", "salt": "<43 base64url characters>", "value": "张三"}
(GET /v1/cases/{id}/openings gives salt and value to an authorised reader.) Checked: the event hashes to its hash,
the field at path is sealed, and SHA-256("evidence-ledger/commitment/v1\\n" || salt || JCS(value)) is its
commitment. Check the event's signature and inclusion with "ledger verify" on a bundle holding it.

Options:
  --published TEXT  the masked name the public record shows (e.g. 张*): checked against the value's mask

Exit codes: 0 the statement holds, 1 it does not (the first failure named), 2 usage error.

Example:
  npx ledger verify-disclosure statement.json --published '张*'
`;

export async function verifyDisclosure(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, published: { type: 'string' } },
  });
  if (values.help) {
    print(io.stdout, verifyDisclosureHelp);
    return 0;
  }
  const [file, ...rest] = positionals;
  if (file === undefined) throw new UsageError('the statement FILE is required');
  if (rest.length > 0) throw new UsageError(`unexpected argument ${rest[0]}`);
  let statement: unknown;
  try {
    statement = JSON.parse(readTextFile(path.resolve(io.cwd, file), file));
  } catch (err) {
    const { message } = err as Error;
    print(
      io.stderr,
      `ledger verify-disclosure: ${message.startsWith('cannot read ') ? message : `${file}: ${message}`}`,
    );
    return 1;
  }
  const check = checkDisclosure(statement);
  if (!check.valid) {
    print(io.stdout, `INVALID ${check.failure.code}: ${check.failure.detail}`);
    return 1;
  }
  if (values.published !== undefined) {
    const value = (statement as { value: unknown }).value;
    const masked = typeof value === 'string' ? maskPersonName(value) : undefined;
    if (masked !== values.published) {
      print(io.stdout, `INVALID published_mismatch: the value's mask is not ${values.published}`);
      return 1;
    }
  }
  print(io.stdout, `VALID event ${check.eventId} (hash ${check.eventHash}) commits to the disclosed value`);
  return 0;
}
