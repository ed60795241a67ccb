/**
 * One measured run of the engine, in its own process so each run pays what a user pays:
 * `cold` builds and saves the index, `warm` loads it and answers one question, `update` (on a vault
 * copy it may write to) loads it, adds an article and times the watcher until the new index serves it.
 * Prints `{ms, maxRssMb}` as its last line.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openEngine } from '../src/search/engine.js';
import { watchEngine } from '../src/search/live.js';

const [mode, dir, cacheDir] = process.argv.slice(2);
if (!dir || !cacheDir || (mode !== 'cold' && mode !== 'warm' && mode !== 'update')) throw new Error('usage: child.ts cold|warm|update VAULT CACHE_DIR');
const started = performance.now();
const engine = await openEngine({ dir, cacheDir });
if (mode === 'update') {
  await engine.saved;
  const name = `bench-update-${process.pid}`;
  const written = performance.now();
  const ms = await new Promise<number>((resolve, reject) => {
    const stop = watchEngine(engine, { dir, cacheDir }, {
      onUpdate: (update) => {
        if (!update.added.some((d) => d.title === name)) return;
        stop();
        resolve(performance.now() - written);
      },
      onError: reject,
    });
    writeFileSync(join(dir, `${name}.md`), `---\ntitle: "${name}"\n发布日期: 2026-11-22\n---\n\n## 摘要\n\n光子芯片进入数据中心。\n\n- 要点：光子互联替代铜缆。\n`);
  });
  console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
} else {
  if (mode === 'warm') engine.ask('英伟达的芯片');
  const ms = performance.now() - started;
  await engine.saved;
  const savedMs = performance.now() - started;
  console.log(JSON.stringify({ ms, savedMs, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}
