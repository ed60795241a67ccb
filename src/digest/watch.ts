import { watch, type FSWatcher } from 'node:fs';

export interface WatchOptions {
  /** Quiet time after the last event before `onChange` runs: one call for a whole burst. */
  debounceMs?: number;
  /** A burst that never goes quiet (a long `git pull`) still triggers after this long. */
  maxWaitMs?: number;
  /** A safety net for events the OS never delivers (network shares, some containers): a periodic call. */
  pollMs?: number;
  onError?: (error: Error) => void;
}

export const WATCH_DEFAULTS = { debounceMs: 500, maxWaitMs: 5_000, pollMs: 60_000 } as const;

/**
 * Calls `onChange` after files change under `dir`, once per burst. It only says "look again":
 * the caller compares the files itself, so a missed, doubled or spurious event costs nothing.
 * Events in dot-folders (.git, .obsidian, .trash) are not content and are ignored.
 * Returns a function that stops watching.
 */
export function watchFolder(dir: string, onChange: () => void, options: WatchOptions = {}): () => void {
  const { debounceMs, maxWaitMs, pollMs } = { ...WATCH_DEFAULTS, ...options };
  let timer: NodeJS.Timeout | undefined;
  let burstStarted = 0;
  const fire = () => {
    clearTimeout(timer);
    timer = undefined;
    onChange();
  };
  const schedule = (filename: string | null) => {
    if (filename && filename.split(/[\\/]/).some((part) => part.startsWith('.'))) return;
    const now = Date.now();
    if (timer === undefined) burstStarted = now;
    clearTimeout(timer);
    timer = setTimeout(fire, Math.max(0, Math.min(debounceMs, burstStarted + maxWaitMs - now)));
  };

  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, { recursive: true }, (_event, filename) => schedule(filename));
    watcher.on('error', (error) => options.onError?.(error));
  } catch (error) {
    // No recursive watching here: the periodic look still keeps the index fresh, only slower.
    options.onError?.(error as Error);
  }
  const poll = setInterval(fire, pollMs);
  poll.unref();
  return () => {
    watcher?.close();
    clearTimeout(timer);
    clearInterval(poll);
  };
}
