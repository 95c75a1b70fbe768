// Entry of the application's worker threads (the signature pool, the projection thread). The sources are TypeScript
// run through tsx; a worker thread does not inherit the main thread's loader, so it registers its own before
// importing the thread's module.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
