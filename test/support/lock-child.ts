// Test helper process: takes a data folder's lock as the service does, says "held", and keeps it until killed.
import { lockDataFolder } from '../../src/adapters/sqlite/folder-lock.js';

const [dir] = process.argv.slice(2);
lockDataFolder(dir!, { command: 'ledger serve', since: new Date('2026-12-01T09:00:00Z') });
process.stdout.write('held\n');
setInterval(() => {}, 60_000);
