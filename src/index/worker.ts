/** A worker thread of cold indexing: reads, parses and extracts a share of the files. */
import { parentPort, workerData } from 'node:worker_threads';
import { readRecord } from './records.ts';

const { dir, files } = workerData as { dir: string; files: string[] };
parentPort?.postMessage(files.map((file) => readRecord(dir, file)));
