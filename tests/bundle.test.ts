import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundled } from '../src/bundle.mjs';
import { PROJECT_ROOT } from './helpers/vault.js';

const dir = mkdtempSync(join(tmpdir(), 'digest-bundle-'));
const cacheDir = join(dir, 'cache');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A two-module TypeScript program in its own folder; its entry exports what it saw. */
function program(name: string, word: string): string {
  const folder = join(dir, name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'word.ts'), `export const word: string = '${word}';\nexport const wordUrl: string = import.meta.url;\n`);
  writeFileSync(join(folder, 'entry.ts'), `import { word, wordUrl } from './word.js';\nexport const seen = { word, wordUrl, entryUrl: import.meta.url };\n`);
  return join(folder, 'entry.ts');
}

/** The entry's built script alone. */
async function script(entry: string): Promise<string | null> {
  const built = await bundled([entry], cacheDir);
  return built ? built[entry]! : null;
}

async function run(script: string | null): Promise<{ word: string; wordUrl: string; entryUrl: string }> {
  expect(script).not.toBeNull();
  return ((await import(`${pathToFileURL(script!).href}?${Math.random()}`)) as { seen: { word: string; wordUrl: string; entryUrl: string } }).seen;
}

describe('bundled', () => {
  it('runs an entry and the sources it imports as one script, each module keeping its own URL', async () => {
    const entry = program('urls', '芯片');
    const built = await script(entry);
    expect(built!.startsWith(cacheDir)).toBe(true);
    expect(await run(built)).toEqual({
      word: '芯片',
      wordUrl: pathToFileURL(join(dir, 'urls', 'word.ts')).href,
      entryUrl: pathToFileURL(entry).href,
    });
  });

  it('reuses the script while the sources are unchanged and replaces it once an imported one changes', async () => {
    const entry = program('edits', '英伟达');
    const first = (await script(entry))!;
    const writtenAt = statSync(first).mtimeMs;
    expect(await script(entry)).toBe(first);
    expect(statSync(first).mtimeMs).toBe(writtenAt);

    writeFileSync(join(dir, 'edits', 'word.ts'), `export const word: string = '光子';\nexport const wordUrl = '';\n`);
    const second = await script(entry);
    expect(second).not.toBe(first);
    expect((await run(second)).word).toBe('光子');
    expect(existsSync(first)).toBe(false);
  });

  it('gives null for sources that do not compile, so the caller runs them through tsx and shows the error', async () => {
    const entry = program('broken', 'x');
    writeFileSync(join(dir, 'broken', 'word.ts'), 'export const word: string = ;\n');
    expect(await bundled([entry], cacheDir)).toBeNull();
  });

  it('builds entries together so that one imported at run time shares the modules of the other', async () => {
    const entry = program('shared', '芯片');
    const plugin = join(dir, 'shared', 'plugin.ts');
    writeFileSync(join(dir, 'shared', 'state.ts'), 'export class Refusal {}\nexport const calls: string[] = [];\n');
    writeFileSync(plugin, `import { calls, Refusal } from './state.js';\ncalls.push('plugin');\nexport const refusal = new Refusal();\n`);
    writeFileSync(entry, `import { calls, Refusal } from './state.js';\nexport const seen = { calls, Refusal };\n`);
    const built = (await bundled([entry, plugin], cacheDir))!;
    expect(Object.keys(built).sort()).toEqual([entry, plugin].sort());
    const main = (await import(pathToFileURL(built[entry]!).href)) as { seen: { calls: string[]; Refusal: new () => object } };
    const loaded = (await import(pathToFileURL(built[plugin]!).href)) as { refusal: object };
    expect(main.seen.calls).toEqual(['plugin']);
    expect(loaded.refusal).toBeInstanceOf(main.seen.Refusal);
  });

  it('builds again when the entries change, though no source did', async () => {
    const entry = program('entries', '芯片');
    const plugin = join(dir, 'entries', 'plugin.ts');
    writeFileSync(plugin, `export const name = 'plugin';\n`);
    const alone = (await bundled([entry], cacheDir))!;
    const together = (await bundled([entry, plugin], cacheDir))!;
    expect(Object.keys(together).sort()).toEqual([entry, plugin].sort());
    expect(((await import(pathToFileURL(together[plugin]!).href)) as { name: string }).name).toBe('plugin');
    expect(existsSync(alone[entry]!)).toBe(false);
  });
});

describe('run.mjs', () => {
  it('runs an entry with its arguments, as `node ENTRY ARGS` would', () => {
    const entry = join(PROJECT_ROOT, 'src', 'cli', 'main.ts');
    const result = spawnSync(process.execPath, ['src/run.mjs', entry, 'bogus'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(result.stderr).toMatch(/^unknown command "bogus"\n/);
    expect(result.status).toBe(2);
  });

  it('says which --with folder it cannot read, and how to use it when none is named', () => {
    const missing = spawnSync(process.execPath, ['src/run.mjs', '--with', 'no-such-folder', 'src/cli/main.ts'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(missing.stderr).toMatch(/^run\.mjs: cannot read --with folder no-such-folder: ENOENT/);
    expect(missing.status).toBe(2);
    const unnamed = spawnSync(process.execPath, ['src/run.mjs', '--with'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect([unnamed.status, unnamed.stderr]).toEqual([2, 'usage: node src/run.mjs [--with DIR] ENTRY.ts [ARGS…]\n']);
  });

  it('says how to use it when no entry is given', () => {
    const result = spawnSync(process.execPath, ['src/run.mjs'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('usage: node src/run.mjs [--with DIR] ENTRY.ts [ARGS…]\n');
    expect(result.status).toBe(2);
  });
});
