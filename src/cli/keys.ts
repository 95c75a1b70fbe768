import { parseArgs } from 'node:util';
import { refuseHalfRestored } from '../data-folder.js';
import { loadConfig } from '../config.js';
import { loadOrCreateKeys, readKeyring, rotateKey, type KeyPurpose } from '../adapters/keys/file-keyring.js';
import { systemClock } from '../adapters/clock/system-clock.js';
import { print, UsageError, type CliIo } from './io.js';

export const keysHelp = `Usage: ledger keys list
       ledger keys rotate --purpose event|token

Lists the keys in LEDGER_KEYS_DIR (default LEDGER_DATA_DIR/keys), current and retired, or rotates one:
the new key gets a new key id, and a running service using the folder takes it up within 5 seconds, no
restart needed (replicas on one EventStoreDB publish it to each other through the log). A retired event key's
private half is deleted and its public half kept, so every event and checkpoint it signed still verifies. Tokens
signed by a retired token key are refused from then on (401 unknown key id): every user and integration needs a
new token, so rotate the token key when it may have leaked, or at a quiet time. The service's
configuration is read and checked as "ledger serve" reads it (a bad variable stops it, named). Neither makes keys:
the service makes them on its first start, and a folder without them (a mistyped LEDGER_DATA_DIR or
LEDGER_KEYS_DIR) is refused.

  list      one line per key: purpose, algorithm, key id, when created, current or when retired
  rotate    make a new key of that purpose current and retire the old one

Options:
  --purpose event|token   (rotate) the event-signing key or the embedded token key
  -h, --help              this help

Exit codes: 0 done, 1 failed (a configuration error, a folder without keys, or a key folder that cannot be read or
written), 2 usage error.

Example:
  ledger keys rotate --purpose token
  ledger keys list
`;

export async function keys(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, purpose: { type: 'string' } },
  });
  if (values.help) {
    print(io.stdout, keysHelp);
    return 0;
  }
  const config = loadConfig(io.env, io.cwd);
  refuseHalfRestored(config.dataDir, 'its keys are left alone');
  const [action, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError(`unexpected argument ${rest[0]}`);
  if (action === 'list' || action === undefined) {
    requireKeyring(config.keysDir);
    const { all } = loadOrCreateKeys(config.keysDir, systemClock, config.cryptoSuite);
    for (const k of all) {
      print(
        io.stdout,
        `${k.purpose.padEnd(6)} ${k.algorithm.padEnd(8)} ${k.keyId}  created ${k.createdAt}  ${k.retiredAt ? `retired ${k.retiredAt}` : 'current'}`,
      );
    }
    return 0;
  }
  if (action === 'rotate') {
    if (values.purpose !== 'event' && values.purpose !== 'token')
      throw new UsageError(
        values.purpose === undefined
          ? '--purpose event|token is required'
          : `--purpose ${values.purpose} is neither event nor token`,
      );
    requireKeyring(config.keysDir);
    loadOrCreateKeys(config.keysDir, systemClock, config.cryptoSuite);
    const fresh = rotateKey(config.keysDir, values.purpose as KeyPurpose, systemClock, config.cryptoSuite);
    const after =
      fresh.purpose === 'token'
        ? '; from then on it refuses every token the retired key signed: users and integrations need new ones'
        : '';
    print(io.stdout, `new ${fresh.purpose} key ${fresh.keyId}; a running service takes it up within 5 seconds${after}`);
    return 0;
  }
  throw new UsageError(`unknown keys action ${action}`);
}

/** Listing or rotating never makes keys: a folder without them is a mistyped LEDGER_DATA_DIR or LEDGER_KEYS_DIR. */
function requireKeyring(keysDir: string): void {
  if (readKeyring(keysDir)) return;
  throw new Error(
    `no keys in ${keysDir} (is LEDGER_DATA_DIR or LEDGER_KEYS_DIR right? the service makes them on its first start)`,
  );
}
