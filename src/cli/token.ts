import { parseArgs } from 'node:util';
import { pathExists, refuseHalfRestored } from '../data-folder.js';
import { loadConfig, type Config } from '../config.js';
import { loadOrCreateKeys, readKeyring } from '../adapters/keys/file-keyring.js';
import { systemClock } from '../adapters/clock/system-clock.js';
import { issueToken, parseDuration, ROLES, type Role } from '../app/tokens.js';
import { print, UsageError, type CliIo } from './io.js';
import { tokenRevoke } from './token-revoke.js';
import { ID_PATTERN } from '../domain/streams.js';
import { usableSubject } from '../app/auth.js';

export const tokenHelp = `Usage: ledger token --sub ID --agency CODE --roles ROLE[,ROLE...] [--ttl 1h] [--supervises CODE,...]
       ledger token revoke --jti ID | --sub ID --before TIME   (see ledger token revoke --help)

Prints a bearer token signed with the embedded token key in LEDGER_KEYS_DIR (default LEDGER_DATA_DIR/keys),
which the embedded service trusts. A service configured with JWT_PUBLIC_KEY_FILES or JWT_JWKS_FILE trusts those keys
instead: the token is still printed, with a warning on stderr. Roles: ${ROLES.join(', ')}. Each token carries a fresh jti and its iat, so it can be revoked; at a terminal, stderr
says its jti and expiry (the token alone goes to stdout).

Options:
  --sub ID            the user (officer id, reviewer id, system name)
  --agency CODE       the user's agency
  --roles LIST        comma-separated roles
  --ttl DURATION      lifetime: 90s, 15m, 1h [default: 1h; at most JWT_MAX_LIFETIME_SECONDS, 12h by default]
  --supervises LIST   agencies a supervisor may read besides its own
  -h, --help          this help

Exit codes: 0 printed (also with a warning), 1 failed (a configuration error, or a key folder that cannot be read
or written), 2 usage error (also a --ttl longer than JWT_MAX_LIFETIME_SECONDS).

Example:
  TOKEN=$(npx ledger token --sub alice --agency county-justice --roles officer)
  curl -H "Authorization: Bearer $TOKEN" http://localhost:8080/v1/cases/01a22a3b-1ec5-7a41-9b6e-2f0c4d8e1a37
`;

export async function token(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === 'revoke') return tokenRevoke(argv.slice(1), io);
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
  if (!usableSubject(values.sub)) {
    throw new UsageError(
      `--sub ${JSON.stringify(values.sub)} is not a user id the service accepts: at most 255 characters, no control characters, not blank`,
    );
  }
  const roles = values.roles.split(',').map((r) => r.trim());
  if (roles.includes(''))
    throw new UsageError(`--roles ${values.roles} names an empty role; roles are ${ROLES.join(', ')}`);
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) throw new UsageError(`unknown role ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);
  if (values.supervises !== undefined && !roles.includes('supervisor')) {
    // only a supervisor reads the agencies it supervises: the claim would be carried and never used
    throw new UsageError('--supervises is for a supervisor: add supervisor to --roles, or leave --supervises out');
  }
  const supervised = values.supervises?.split(',').map((a) => a.trim());
  if (supervised?.includes(''))
    throw new UsageError(`--supervises ${JSON.stringify(values.supervises)} names an empty agency code`);
  const notCodes = [values.agency, ...(supervised ?? [])].filter((code) => !ID_PATTERN.test(code));
  if (notCodes.length > 0) {
    throw new UsageError(
      `${notCodes.join(', ')} ${notCodes.length > 1 ? 'are not agency codes' : 'is not an agency code'}: 1 to 128 letters, digits, ".", "_" or "-", the first a letter or digit`,
    );
  }
  const given = argv.some((a) => a === '--ttl' || a.startsWith('--ttl='));
  const ttlSeconds = parseDuration(values.ttl);
  if (ttlSeconds === undefined) throw new UsageError(`--ttl ${values.ttl} is not a duration such as 90s, 15m, 1h`);

  const config = loadConfig(io.env, io.cwd);
  if (ttlSeconds > config.jwt.maxLifetimeSeconds) {
    throw new UsageError(
      `${given ? '' : 'the default '}--ttl ${values.ttl} is longer than the most the service accepts, ${config.jwt.maxLifetimeSeconds} s (JWT_MAX_LIFETIME_SECONDS)${given ? '' : ': give a shorter --ttl'}`,
    );
  }
  refuseStrayFolder(config);
  refuseHalfRestored(config.dataDir, 'no token is issued from it');
  const keys = loadOrCreateKeys(config.keysDir, systemClock, config.cryptoSuite);
  const supervises = supervised;
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
  // the token alone on stdout (for `$(ledger token …)`); what revoking it takes, on stderr to a person at a terminal
  // (a script reading stderr gets warnings only)
  if ((io.stderr as NodeJS.WritableStream & { isTTY?: boolean }).isTTY === true) {
    const { jti, exp } = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as {
      jti: string;
      exp: number;
    };
    print(
      io.stderr,
      `ledger token: jti ${jti}, expires ${new Date(exp * 1000).toISOString()}; to revoke it: ledger token revoke --jti ${jti}`,
    );
  }
  if (config.jwt.trust.kind !== 'embedded') {
    const variable = config.jwt.trust.kind === 'jwks' ? 'JWT_JWKS_FILE' : 'JWT_PUBLIC_KEY_FILES';
    print(
      io.stderr,
      `ledger token: warning: the service trusts ${variable}, not the embedded key: it refuses this token`,
    );
  }
  if (!config.jwt.algorithms.includes('ES256')) {
    print(io.stderr, 'ledger token: warning: JWT_ALGORITHMS leaves out ES256, which this token is signed with');
  }
  return 0;
}

/**
 * A token is signed by the keys of the data folder the service uses, made on first use there. A folder that does
 * not exist, or one whose log was signed before but that has no keys, is a mistyped setting: a token signed by keys
 * made there would be refused by the service (401 unknown key), so none is made.
 */
function refuseStrayFolder(config: Config): void {
  if (readKeyring(config.keysDir)) return;
  if (!pathExists(config.dataDir)) {
    throw new Error(
      `no data folder ${config.dataDir}: set LEDGER_DATA_DIR to the service's (npm start makes it on its first start)`,
    );
  }
  if (config.eventStore.kind === 'sqlite' && pathExists(config.eventStore.path)) {
    throw new Error(
      `no keys in ${config.keysDir}, though ${config.dataDir} holds a log: set LEDGER_KEYS_DIR to the service's keys folder`,
    );
  }
}
