// Entry of the application's worker threads (the signature pool, the projection thread). Run from the sources, the
// thread's module is TypeScript: a worker thread does not inherit the main thread's loader (tsx), so it registers
// its own before importing the module. Compiled (dist/, where the build copies this file), the module is JavaScript
// and is imported as it is: tsx, a development dependency, is not needed.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
