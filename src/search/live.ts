import { listVault, type VaultFile } from '../digest/load.js';
import type { DocRecord } from '../digest/types.js';
import { watchFolder, type WatchOptions } from '../digest/watch.js';
import { openEngine, type Engine, type OpenOptions } from './engine.js';

/** What one look at the vault changed: documents as the new index has them (removed: as the old had them). */
export interface IndexUpdate {
  engine: Engine;
  /** Paths the old index did not have: new files, and the new names of renamed ones. */
  added: DocRecord[];
  changed: DocRecord[];
  removed: DocRecord[];
  ms: number;
}

function sameFiles(a: readonly VaultFile[], b: readonly VaultFile[]): boolean {
  return a.length === b.length && a.every((f, i) => f.path === b[i]!.path && f.size === b[i]!.size && f.mtimeMs === b[i]!.mtimeMs);
}

/**
 * Opens the vault again when its files differ from what `current` indexed, and says what changed.
 * The new engine is built aside from the saved index (only changed files are read), so whoever
 * holds `current` keeps answering from a whole index until they swap. Null when nothing changed.
 */
export async function refreshEngine(current: Engine, options: OpenOptions): Promise<IndexUpdate | null> {
  if (sameFiles(listVault(options.dir), current.files)) return null;
  const started = performance.now();
  // The incremental open starts from the saved index, which must be the current one.
  await current.saved;
  const engine = await openEngine(options);
  const reindexed = engine.report.reindexed.flatMap((path) => engine.byPath(path) ?? []);
  return {
    engine,
    added: reindexed.filter((doc) => !current.byPath(doc.path)),
    changed: reindexed.filter((doc) => current.byPath(doc.path)),
    removed: current.docs.filter((doc) => !engine.byPath(doc.path)),
    ms: Math.round(performance.now() - started),
  };
}

export interface LiveOptions extends WatchOptions {
  /** Called with each new engine, in order; the caller swaps it in. */
  onUpdate: (update: IndexUpdate) => void;
  onError: (error: Error) => void;
}

/**
 * Keeps an engine fresh while its vault changes: watches the folder and refreshes one look at a
 * time, so a burst of changes arriving mid-refresh is picked up by the next look, never lost.
 * Returns a function that stops watching; a refresh under way still completes.
 */
export function watchEngine(first: Engine, options: OpenOptions, live: LiveOptions): () => void {
  let current = first;
  let queue: Promise<void> = Promise.resolve();
  const look = () => {
    queue = queue.then(async () => {
      try {
        const update = await refreshEngine(current, options);
        if (!update) return;
        current = update.engine;
        live.onUpdate(update);
      } catch (error) {
        live.onError(error instanceof Error ? error : new Error(String(error)));
      }
    });
  };
  return watchFolder(options.dir, look, live);
}
