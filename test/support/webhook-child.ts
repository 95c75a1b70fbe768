// Test helper process: routes the log of the SQLite event store in `dir` to the webhook outbox beside it and
// delivers, with the real router and worker, until killed; the test kills it with SIGKILL in mid-delivery.
import { webhookFixture } from './webhook-fixture.js';

const [dir, masterHex] = process.argv.slice(2);
const fx = webhookFixture({ dir: dir!, master: Buffer.from(masterHex!, 'hex') });
const stop = new AbortController();
void fx.router.start(stop.signal);
void fx.worker.run(stop.signal);
process.stdout.write('delivering\n');
