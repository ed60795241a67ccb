// Workers do not inherit the main thread's loader hooks in Node 20: register tsx here, then load
// the TypeScript entry named by the engine.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
