import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { loadOrCreateKeys } from '../adapters/keys/file-keyring.js';
import { systemClock } from '../adapters/clock/system-clock.js';
import { issueToken, parseDuration, ROLES, type Role } from '../app/tokens.js';
import { print, UsageError, type CliIo } from './io.js';

export const tokenHelp = `Usage: ledger token --sub ID --agency CODE --roles ROLE[,ROLE...] [--ttl 1h] [--supervises CODE,...]

Prints a bearer token signed with the embedded token key in LEDGER_DATA_DIR/keys, which the embedded
service trusts. Roles: ${ROLES.join(', ')}.

Options:
  --sub ID            the user (officer id, reviewer id, system name)
  --agency CODE       the user's agency
  --roles LIST        comma-separated roles
  --ttl DURATION      lifetime: 90s, 15m, 1h, 7d [default: 1h]
  --supervises LIST   agencies a supervisor may read besides its own

Example:
  TOKEN=$(npx ledger token --sub officer-1 --agency county-justice --roles officer)
  curl -H "Authorization: Bearer $TOKEN" http://localhost:8080/healthz
`;

export async function token(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      sub: { type: 'string' },
      agency: { type: 'string' },
      roles: { type: 'string' },
      ttl: { type: 'string', default: '1h' },
      supervises: { type: 'string' },
    },
  });
  if (values.help) {
    print(io.stdout, tokenHelp);
    return 0;
  }
  if (!values.sub || !values.agency || !values.roles) throw new UsageError('--sub, --agency and --roles are required');
  const roles = values.roles.split(',').map((r) => r.trim());
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) throw new UsageError(`unknown role ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);
  const ttlSeconds = parseDuration(values.ttl);
  if (ttlSeconds === undefined) throw new UsageError(`--ttl ${values.ttl} is not a duration such as 90s, 15m, 1h, 7d`);

  const config = loadConfig(io.env, io.cwd);
  const keys = loadOrCreateKeys(config.keysDir, systemClock);
  const supervises = values.supervises
    ?.split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const jwt = issueToken(
    {
      sub: values.sub,
      agency: values.agency,
      roles: roles as Role[],
      ttlSeconds,
      ...(supervises ? { supervises } : {}),
    },
    {
      keyId: keys.tokenKey.keyId,
      privateKey: keys.tokenKey.privateKey,
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
    },
    systemClock.now(),
  );
  print(io.stdout, jwt);
  return 0;
}
