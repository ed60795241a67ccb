import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { VaultFile } from '../digest/load.js';
import type { CutDictionary } from './dictionary.js';
import type { FileEntry } from './persist.js';
import type { PreparedDoc } from './prepare.js';
import type { FromWorker, ToWorker } from './shard.js';
import type { Vocabulary } from './vocabulary.js';

/** A share of a build, run in a worker thread. */
export interface ShardHandle {
  /** Resolves to the files' entries and the dictionary that covered them. */
  read(dir: string, files: VaultFile[]): Promise<{ entries: FileEntry[]; dictionary: CutDictionary }>;
  prepare(vocabulary: Vocabulary, onDoc: (path: string, prepared: PreparedDoc) => void): Promise<void>;
  /** Ends the worker; closing it again waits for the same end. */
  close(): Promise<void>;
}

/** Below this many files a second worker's own dictionary load costs more than splitting saves. */
const PARALLEL_MIN_FILES = 400;

/**
 * Files are always read and segmented in workers, never in the thread that answers queries: that
 * thread loads only the vault's reduced dictionary (dictionary.ts), so it segments a question the
 * same way whether the index was just built, updated or loaded. The workers run `script`
 * (workerScript.ts), or the sources through tsx when there is none.
 */
export function openShards(fileCount: number, script: URL | null): ShardHandle[] {
  const count = fileCount >= PARALLEL_MIN_FILES ? Math.min(2, availableParallelism()) : 1;
  return Array.from({ length: count }, () => workerShard(script));
}

/**
 * A worker's young generation, capped: left to V8's default, each worker's grows to 33 MB, and the
 * garbage that fills it is promoted into an old generation no full collection runs on before the
 * build ends. Capped, the workers collect as they go: at 16 MB a cold build peaked 80–100 MB lower
 * than uncapped, at 8 MB 55 MB lower still (real vault, five runs each), in the same time.
 */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 8 };

function workerShard(script: URL | null): ShardHandle {
  // The script needs none of the parent's flags, which under tsx would load tsx into the worker too.
  const worker = script
    ? new Worker(script, { execArgv: [], resourceLimits: RESOURCE_LIMITS })
    : new Worker(new URL('./workerBoot.mjs', import.meta.url), {
        workerData: { entry: new URL('./buildWorker.ts', import.meta.url).href },
        resourceLimits: RESOURCE_LIMITS,
      });
  let failure: Error | null = null;
  let closing: Promise<number> | null = null;
  worker.on('error', (error) => (failure = error));
  // A worker that dies without an error event (killed, out of memory) must not leave a build waiting.
  worker.on('exit', (code) => worker.emit('error', new Error(`build worker exited with code ${code}`)));
  const request = (message: ToWorker, onMessage: (reply: FromWorker) => boolean): Promise<void> =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      const listener = (reply: FromWorker) => {
        if (onMessage(reply)) finish();
      };
      const onError = (error: Error) => finish(error);
      const finish = (error?: Error) => {
        worker.off('message', listener).off('error', onError);
        if (error) reject(error);
        else resolve();
      };
      worker.on('message', listener).on('error', onError);
      worker.postMessage(message);
    });
  return {
    async read(dir, files) {
      let read = { entries: [] as FileEntry[], dictionary: { figures: '', lines: [] } as CutDictionary };
      await request({ type: 'read', dir, files }, (reply) => {
        if (reply.type === 'read') read = reply;
        return reply.type === 'read';
      });
      return read;
    },
    async prepare(vocabulary, onDoc) {
      await request({ type: 'prepare', vocabulary }, (reply) => {
        if (reply.type === 'prepared') for (const [path, prepared] of reply.batch) onDoc(path, prepared);
        return reply.type === 'done';
      });
    },
    close: async () => {
      await (closing ??= worker.terminate());
    },
  };
}
