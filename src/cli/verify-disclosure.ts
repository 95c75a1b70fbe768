import path from 'node:path';
import { parseArgs } from 'node:util';
import { maskPersonName } from '../domain/redaction.js';
import { checkDisclosure } from '../ledger/disclosure-statement.js';
import { keyResolver } from '../ledger/ed25519.js';
import { print, readTextFile, UsageError, type CliIo } from './io.js';
import { readKeys } from './verify.js';

export const verifyDisclosureHelp = `Usage: ledger verify-disclosure FILE --key PEM_FILE [--commitment TEXT] [--published TEXT]

Checks a disclosure statement offline: that the value a party discloses is the one sealed in an event the ledger
signed, and so that the public record of a decision (which shows the commitment) came from the sealed original.
FILE is JSON:
  {"event": <the signed event, as a bundle holds it, or as GET /v1/cases/{id}/events serves it without its
             "personal" member (the event's opened fields; "position" may stay)>,
   "path": "/parties/0/name", "salt": "<43 base64url characters>", "value": "张三"}
(GET /v1/cases/{id}/openings gives salt and value to an authorised reader.) Checked: the event hashes to its hash,
its service signature verifies with a key given (--key), the field at path is sealed, SHA-256(
"evidence-ledger/commitment/v1\\n" || salt || JCS(value)) is its commitment, and that commitment is the one the
public record shows (--commitment). Without --key the signature is not checked, and the statement is only
consistent with itself (anyone can write such a file, its hash included): the verdict says so. That the event is
in the log is checked with "ledger verify" on a bundle holding it.

Options:
  --key PEM_FILE      the ledger's published event key(s) (GET /v1/ledger/keys; the ledger's PEM files)
                      (repeatable; a file may hold several keys)
  --commitment TEXT   the commitment the public record shows beside the masked value: checked against the field's
                      commitment (one that begins with "-" is taken as it is, as the page shows it)
  --published TEXT    the masked name the public record shows (e.g. 张*): checked against the value's mask

Exit codes: 0 the statement holds (without --key: consistent with itself only, as the verdict says), 1 it does not
(the first failure named), 2 usage error.

Example:
  npx ledger verify-disclosure statement.json --key ledger-key.pem --commitment 'HdF_TOgx…' --published '张*'
`;

/**
 * `--commitment -Ab…` read as `--commitment=-Ab…`: a commitment is 43 base64url characters, one in 64 of which
 * begins with "-", which Node's parser takes for a forgotten value. The public page tells readers to pass the
 * commitment it shows; one beginning with "-" is that commitment too (an option of this command is never one).
 */
function commitmentWithDash(argv: readonly string[]): string[] {
  const args = [...argv];
  for (let i = 0; i < args.length - 1; i++) {
    if (args[i] === '--') break;
    if (args[i] === '--commitment' && /^-[A-Za-z0-9_-]{42}$/.test(args[i + 1]!)) {
      args.splice(i, 2, `--commitment=${args[i + 1]}`);
    }
  }
  return args;
}

export async function verifyDisclosure(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: commitmentWithDash(argv),
    strict: true,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      key: { type: 'string', multiple: true },
      commitment: { type: 'string' },
      published: { type: 'string' },
    },
  });
  if (values.help) {
    print(io.stdout, verifyDisclosureHelp);
    return 0;
  }
  const [file, ...rest] = positionals;
  if (file === undefined) throw new UsageError('the statement FILE is required');
  if (rest.length > 0) throw new UsageError(`unexpected argument ${rest[0]}`);
  const keys = values.key?.flatMap((k) => readKeys(path.resolve(io.cwd, k), k));
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
  const check = checkDisclosure(statement, {
    ...(keys ? { serviceKeys: keyResolver(keys) } : {}),
    ...(values.commitment !== undefined ? { commitment: values.commitment } : {}),
  });
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
  const { path: pointer } = statement as { path: string };
  if (check.signedBy === undefined) {
    // as `ledger verify` without --key: said first, so that no one reads the rest as a verdict on the ledger
    print(
      io.stdout,
      "CONSISTENT WITH ITSELF ONLY: the event's signature was not checked (no --key), so this does not show that the " +
        "ledger recorded it; pass the ledger's published event key (GET /v1/ledger/keys) with --key",
    );
  } else {
    print(
      io.stdout,
      `VALID event ${check.eventId} (hash ${check.eventHash}), signed by the key given ${check.signedBy}`,
    );
  }
  print(
    io.stdout,
    `  the value at ${pointer} is the one sealed in it: commitment ${check.commitment}` +
      (values.commitment !== undefined ? ' (the one the public record shows)' : ' (compare it with the public record)'),
  );
  return 0;
}
