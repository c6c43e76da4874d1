// Starts a TypeScript worker: registers tsx in this thread, then loads the worker module.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
