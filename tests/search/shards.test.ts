import { describe, expect, it } from 'vitest';
import { listVault } from '../../src/digest/load.js';
import { openShards } from '../../src/search/shards.js';
import { workerScript } from '../../src/search/workerScript.js';
import { FIXTURE_VAULT } from '../helpers/vault.js';

/** What one worker makes of the fixture vault: its entries, dictionary and prepared documents. */
async function readWith(script: URL | null) {
  const files = listVault(FIXTURE_VAULT);
  const [shard] = openShards(files.length, script);
  try {
    const read = await shard!.read(FIXTURE_VAULT, files);
    const prepared: unknown[] = [];
    await shard!.prepare({ words: ['英伟达'], phrases: ['claude code'] }, (path, doc) => prepared.push([path, doc]));
    return { ...read, prepared };
  } finally {
    await shard!.close();
  }
}

describe('build workers', () => {
  it('run the same from the bundled script as from the sources', async () => {
    const script = await workerScript();
    expect(script?.pathname).toMatch(/node_modules\/\.cache\/digest-discord-bot\/src-search-buildWorker-\w+\/buildWorker\.mjs$/);
    const bundled = await readWith(script);
    expect(bundled.entries.length).toBe(listVault(FIXTURE_VAULT).length);
    expect(bundled.prepared.length).toBeGreaterThan(10);
    expect(bundled.dictionary.lines).toContainEqual(expect.stringMatching(/^芯片 /));
    expect(await readWith(null)).toEqual(bundled);
  });
});
