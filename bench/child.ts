/**
 * One measured start of the engine, in its own process so each run pays what a user pays:
 * `cold` builds and saves the index, `warm` loads it and answers one question.
 * Prints `{ms, maxRssMb}` as its last line.
 */
import { openEngine } from '../src/search/engine.js';

const [mode, dir, cacheDir] = process.argv.slice(2);
if (!dir || !cacheDir || (mode !== 'cold' && mode !== 'warm')) throw new Error('usage: child.ts cold|warm VAULT CACHE_DIR');
const started = performance.now();
const engine = await openEngine({ dir, cacheDir });
if (mode === 'warm') engine.ask('英伟达的芯片');
const ms = performance.now() - started;
await engine.saved;
const savedMs = performance.now() - started;
console.log(JSON.stringify({ ms, savedMs, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
