import { parseArgs } from 'node:util';
import { integer } from '../config-values.js';
import { print, unreachable, UsageError, type CliIo } from './io.js';

/**
 * The service a command talks to: `--url`, else `http://localhost:$PORT` (PORT read as `ledger serve` reads it:
 * empty counts as unset, 8080 then; anything but a port is a configuration error naming PORT).
 */
export function serviceBase(url: string | undefined, io: CliIo): string {
  const port = url === undefined ? integer('PORT', io.env.PORT?.trim() || undefined, 8080, 1, 65535) : undefined;
  const base = (url ?? `http://localhost:${port}`).replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(base);
  } catch {
    throw new UsageError(`--url ${base} is not a URL`);
  }
  // `localhost:3711` parses as a URL of the scheme `localhost:`, which nothing can fetch
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.host === '') {
    throw new UsageError(`--url ${base} is not an http:// or https:// URL (e.g. http://localhost:8080)`);
  }
  return base;
}

/** The bearer token a command sends: `--token`, else `$LEDGER_TOKEN`; `who` names the role it needs. */
export function bearerToken(token: string | undefined, io: CliIo, who: string): string {
  const found = token ?? io.env.LEDGER_TOKEN;
  if (!found) throw new UsageError(`${who} token is required: --token TOKEN or LEDGER_TOKEN`);
  return found;
}

/**
 * Sends a JSON body to the service and returns its JSON answer, or undefined after saying on stderr why there is
 * none (`command` prefixes the message): the service could not be reached, or refused (its problem's code and
 * detail).
 */
export async function sendJson(
  io: CliIo,
  command: string,
  request: { readonly method: string; readonly url: string; readonly token: string; readonly body: unknown },
  /** Refusals the caller handles itself: returned as the problem (its `code` set), not printed. */
  handled: readonly string[] = [],
): Promise<Record<string, unknown> | undefined> {
  let res: Response;
  try {
    res = await fetch(request.url, {
      method: request.method,
      headers: { authorization: `Bearer ${request.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(request.body),
    });
  } catch (err) {
    print(io.stderr, `${command}: ${unreachable(new URL(request.url).origin, err)}`);
    return undefined;
  }
  const answer = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    if (typeof answer.code === 'string' && handled.includes(answer.code)) return answer;
    const reason = answer.code ? `${String(answer.code)}: ${String(answer.detail ?? '')}` : res.statusText;
    print(io.stderr, `${command}: the service refused: ${res.status} ${reason}`);
    return undefined;
  }
  return answer;
}

/** The options of every command that talks to a running service. */
export interface ServiceOptions {
  readonly help?: boolean;
  readonly url?: string;
  readonly token?: string;
}

/**
 * Parses the command line of a command that talks to a running service: `--help`, `--url`, `--token` and the
 * command's own options `names` (each taking a value), strictly, with no positional argument.
 */
export function serviceCommandArgs<K extends string>(
  argv: string[],
  names: readonly K[],
): ServiceOptions & Partial<Record<K, string>> {
  const own = Object.fromEntries(names.map((name) => [name, { type: 'string' as const }]));
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { ...own, help: { type: 'boolean', short: 'h' }, url: { type: 'string' }, token: { type: 'string' } },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
  return values as ServiceOptions & Partial<Record<K, string>>;
}
