// Starts a worker whose bundle (workers.ts) is not ready yet: waits for it, then imports it; if there is
// none (workerData.bundle null, or null sent), registers tsx in this thread and imports the TypeScript entry.
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const bundle =
  workerData.bundle !== undefined
    ? workerData.bundle
    : await new Promise((resolve) => parentPort.once('message', (message) => resolve(message.bundle)));
if (bundle) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(workerData.entry);
}
