import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { DiscordAPIError, REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import type { Config } from '../config.js';
import { configOrExit, TOKEN_REJECTED } from './configOrExit.js';
import { COMMANDS_DIR } from './loader.js';
import { createLogger, type Logger } from './log.js';

/**
 * `npm run start:sharded`: the bot (main.ts) as one process per shard, under discord.js's
 * ShardingManager; Discord requires shards past 2,500 servers. The index is opened once, before any
 * shard starts, so that each shard loads the same saved files instead of building its own.
 */

const script = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/** Children start as `npm start` starts the bot: through run.mjs, from a bundle (or tsx without one). */
const RUN = script('../run.mjs');

async function main(): Promise<void> {
  const config = configOrExit();
  const log = createLogger(config.LOG_LEVEL, { secrets: [config.DISCORD_TOKEN] });

  const total = config.SHARD_COUNT === 'auto' ? await recommendedShards(config, log) : config.SHARD_COUNT;
  log.info({ shards: total, setting: config.SHARD_COUNT }, 'sharding');

  const index = spawn(process.execPath, [RUN, script('./openIndex.ts')], { stdio: 'inherit' });
  const [code] = (await once(index, 'exit')) as [number | null];
  if (code !== 0) fail(log, 'could not open the vault; no shard started');

  const manager = new ShardingManager(RUN, {
    shardArgs: ['--with', COMMANDS_DIR, script('./main.ts')],
    execArgv: [],
    totalShards: total,
    token: config.DISCORD_TOKEN,
  });
  let stopping = false;
  manager.on('shardCreate', (shard) => {
    // Process mode (the default): each shard is a child process, still set while these events run.
    shard.on('spawn', () => log.info({ shard: shard.id, pid: shard.process?.pid }, 'shard started'));
    // A shard that dies on its own is started again by the manager (its `respawn` option).
    shard.on('death', () => {
      if (!stopping) log.warn({ shard: shard.id, code: shard.process?.exitCode, signal: shard.process?.signalCode }, 'shard exited');
    });
  });

  /**
   * Closes each shard's channel, on which a shard stops as it does on SIGTERM (see main.ts), and
   * exits once they have. Not a signal: a shard may already have its own (Ctrl-C reaches the whole
   * process group, systemd signals every process of the service), and a second one would kill it.
   */
  const stop = async (reason: string, exitCode: number): Promise<never> => {
    stopping = true;
    manager.respawn = false;
    log.info({ reason }, 'stopping');
    const running = [...manager.shards.values()].flatMap((shard) => (shard.process?.exitCode === null ? [shard.process] : []));
    for (const child of running) if (child.connected) child.disconnect();
    await Promise.all(running.map((child) => once(child, 'exit')));
    process.exit(exitCode);
  };
  process.once('SIGTERM', () => void stop('SIGTERM', 0));
  process.once('SIGINT', () => void stop('SIGINT', 0));

  try {
    await manager.spawn();
  } catch (err) {
    // A shard stopped by `stop` fails its spawn too; that is no failure of its own.
    if (stopping) return;
    log.fatal({ err }, 'a shard did not become ready');
    await stop('a shard did not become ready', 1);
  }
  log.info({ shards: total }, 'all shards ready');
}

/**
 * Discord's recommended count (GET /gateway/bot). Asked here rather than by the manager's own
 * `auto`, which always asks discord.com and so would bypass DISCORD_API_URL (a REST proxy or a fake).
 */
async function recommendedShards(config: Config, log: Logger): Promise<number> {
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
  try {
    const { shards } = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
    return shards;
  } catch (err) {
    const rejected = err instanceof DiscordAPIError && err.status === 401;
    return fail(log, rejected ? TOKEN_REJECTED : 'could not ask Discord for the recommended shard count', err);
  }
}

function fail(log: Logger, message: string, err?: unknown): never {
  log.fatal({ err }, message);
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

void main();
