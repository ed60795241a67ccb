import { mkdirSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const ENTRY = new URL('./buildWorker.ts', import.meta.url);
/** Beside the packages, so the script's imports of them resolve as the sources' do. */
const CACHE = new URL('../../node_modules/.cache/digest-discord-bot/', import.meta.url);

/**
 * The build worker as one JavaScript file, for this version of the code (`fingerprint`), or null
 * when it cannot be written (the worker then starts on the sources, through tsx).
 *
 * Why: a worker started on the TypeScript sources loads each of its modules through tsx's loader
 * thread, which took half a second of every cold build; bundled once by esbuild (which tsx itself
 * compiles with) two workers start in half the time. `import.meta.url` keeps naming the sources'
 * folder, which the dictionary files are found from.
 */
export function workerScript(fingerprint: string): URL | null {
  const script = new URL(`build-worker-${fingerprint}.mjs`, CACHE);
  if (existsSync(script)) return script;
  try {
    const { outputFiles } = buildSync({
      entryPoints: [fileURLToPath(ENTRY)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      define: { 'import.meta.url': JSON.stringify(ENTRY.href) },
      write: false,
      logLevel: 'silent',
    });
    mkdirSync(CACHE, { recursive: true });
    const temp = new URL(`${script.href}.${process.pid}.tmp`);
    writeFileSync(temp, outputFiles[0]!.contents);
    renameSync(temp, script);
    return script;
  } catch {
    return null;
  }
}
