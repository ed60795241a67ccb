/**
 * `npm run bench:sharded [VAULT] [SHARDS]`: `npm run start:sharded` on a vault against the fake
 * Discord of the end-to-end tests, from an empty cache, and its figures: when the index was built
 * and each shard ready, and the memory of the manager and of each shard. Figures, never pass/fail.
 */
import { FakeDiscord } from '../tests/discord/fakeDiscord.js';
import { botEnv, startSharded, type LogLine } from '../tests/discord/e2e/botProcess.js';
import { memory, REAL_VAULT, requireVault } from './lib.js';

async function main(): Promise<void> {
  const dir = process.argv[2] ?? REAL_VAULT;
  const shards = Number(process.argv[3] ?? 2);
  if (!requireVault(dir, 'bench:sharded')) return;
  const fake = await FakeDiscord.start();
  fake.recommendedShards = shards;
  const started = performance.now();
  const manager = startSharded(botEnv({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DIGEST_DIR: dir }));
  try {
    const at = async (match: (l: LogLine) => boolean) => {
      await manager.waitForLog(match, 600_000);
      return ((performance.now() - started) / 1000).toFixed(1);
    };
    console.log(`bench:sharded: ${dir}, ${shards} shards (SHARD_COUNT=auto), empty cache`);
    const built = await at((l) => l.msg === 'index ready' && l.shard === undefined);
    const opens = manager.logs.filter((l) => l.msg === 'index ready');
    const saved = await at((l) => l.msg === 'shard started');
    console.log(`index ${opens[0]!.mode} once, by the manager's index process: ready at ${built} s, saved (first shard starting) at ${saved} s`);
    for (let shard = 0; shard < shards; shard++) {
      const ready = await at((l) => l.msg === 'index ready' && l.shard === shard);
      const open = manager.logs.find((l) => l.msg === 'index ready' && l.shard === shard)!;
      console.log(`shard ${shard}: index ${open.mode} in ${open.buildMs} ms, answering at ${ready} s`);
    }
    const pids = manager.logs.filter((l) => l.msg === 'shard started').map((l) => [l.shard, l.pid as number] as const);
    const line = (name: string, pid: number) => {
      const { rssMb, peakMb } = memory(pid);
      console.log(`${name}: RSS ${rssMb} MB, peak ${peakMb} MB`);
    };
    line('manager', manager.pid!);
    for (const [shard, pid] of pids) line(`shard ${shard}`, pid);
  } finally {
    await manager.stop();
    await fake.close();
  }
}

void main();
