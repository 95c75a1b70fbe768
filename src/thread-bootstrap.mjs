// Entry of every worker thread of the service (the signature pool, the projection thread, the embedded store's
// writer and checkpointer): it runs the module named in workerData.entry, which the module that starts the thread
// builds beside itself. It sits at the top of src/, beside the composition root, so that the application and the
// adapters both start their threads from it without importing each other. Run from the sources, the thread's module
// is TypeScript: a worker thread does not inherit the main thread's loader (tsx), so it registers its own before
// importing the module. Compiled (dist/, where the build copies this file), the module is JavaScript and is
// imported as it is: tsx, a development dependency, is not needed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { workerData } from 'node:worker_threads';

// The test suite imports the service from its sources but sets LEDGER_THREADS_FROM_DIST to the checkout once its
// set-up has compiled dist/: the threads of those services then run the compiled modules, since registering the
// TypeScript loader costs each thread about half a second of CPU and the suite starts hundreds. Only when every
// module the thread is named (its entry, and the `{ module, name }` references of its data, such as the projection
// thread's projections) has a compiled twin: a thread never mixes the two.
const checkout = process.env.LEDGER_THREADS_FROM_DIST;
const compiledTwin = (url) => {
  if (!checkout || !url.endsWith('.ts')) return undefined;
  const relative = path.relative(checkout, fileURLToPath(url));
  if (!/^(src|projections)[/\\]/.test(relative)) return undefined;
  const compiled = path.join(checkout, 'dist', relative.replace(/\.ts$/, '.js'));
  return existsSync(compiled) ? pathToFileURL(compiled).href : undefined;
};
const references = Object.values(workerData).filter((v) => typeof v?.module === 'string' && v.module.endsWith('.ts'));
const named = [workerData.entry, ...references.map((r) => r.module)].filter((url) => url.endsWith('.ts'));
if (named.length > 0 && named.every((url) => compiledTwin(url))) {
  for (const reference of references) reference.module = compiledTwin(reference.module);
  workerData.entry = compiledTwin(workerData.entry) ?? workerData.entry;
}
if (workerData.entry.endsWith('.ts') || references.some((r) => r.module.endsWith('.ts'))) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
