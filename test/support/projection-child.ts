// Test helper process: applies the projections to a SQLite event store's log with the real runner, and kills
// itself with SIGKILL right before committing the batch that reaches position `crashAt` (changes computed, not
// stored), so a test can show that a crash between applying and checkpointing neither loses nor repeats an event.
import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { SqliteReadModelStore } from '../../src/adapters/sqlite/read-model-store.js';
import { ProjectionRunner } from '../../src/app/projection-runner.js';
import { PROJECTIONS } from '../../projections/index.js';
import { COUNTING } from './counting-projection.js';

const [eventsPath, modelsPath, crashAtArg, batchArg] = process.argv.slice(2);
const crashAt = Number(crashAtArg);
const projections = [...PROJECTIONS, COUNTING];
const events = new SqliteEventStore({ path: eventsPath!, writer: 'inline' });
const store = new SqliteReadModelStore({ path: modelsPath!, projections });
const runner = new ProjectionRunner(events, store, projections, {
  batchSize: Number(batchArg ?? 7),
  beforeCommit: (position) => {
    if (crashAt > 0 && position >= crashAt) {
      process.stdout.write(`crashing before committing up to ${position}\n`);
      process.kill(process.pid, 'SIGKILL');
    }
  },
});
if (runner.outdated()) await runner.reset();
void runner.catchUp().then(async (position) => {
  process.stdout.write(`caught up ${position}\n`);
  store.close();
  await events.close();
});
