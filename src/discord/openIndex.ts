import { openEngine } from '../search/engine.js';
import { configOrExit } from './configOrExit.js';
import { createLogger } from './log.js';

/**
 * Opens the vault's saved index (builds it, or re-indexes what changed) and exits. The sharding
 * manager runs it before any shard starts, so every shard's own open is a warm load of the same
 * saved files; in a process of its own, because a build leaves a heap of over a gigabyte that the
 * long-lived manager would otherwise keep.
 */
async function main(): Promise<void> {
  const config = configOrExit();
  const log = createLogger(config.LOG_LEVEL);
  try {
    const engine = await openEngine({ dir: config.DIGEST_DIR, ...(config.INDEX_CACHE_DIR ? { cacheDir: config.INDEX_CACHE_DIR } : {}) });
    log.info({ dir: config.DIGEST_DIR, ...engine.stats, mode: engine.report.mode, skipped: engine.skipped.length }, 'index ready');
    const unsaved = await engine.saved;
    // The shards still work, each building its own index: slower and heavier, not broken.
    if (unsaved) log.error({ err: unsaved }, 'could not save the index; each shard builds its own');
  } catch (err) {
    log.fatal({ err, dir: config.DIGEST_DIR }, 'could not open the vault');
    process.exit(1);
  }
}

void main();
