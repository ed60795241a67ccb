import { DiscordjsErrorCodes, Events } from 'discord.js';
import { Poster } from '../follow/poster.js';
import { FollowStore } from '../follow/store.js';
import { openEngine, type OpenOptions } from '../search/engine.js';
import { watchEngine } from '../search/live.js';
import { channelSender } from './channelPost.js';
import { attachRouter, createClient } from './client.js';
import { configOrExit, TOKEN_REJECTED } from './configOrExit.js';
import { EngineGate } from './engineGate.js';
import { articlePost } from './following.js';
import { gatewayState, serveHealth, shardPort, type HealthServer, type HealthSources } from './health.js';
import { COMMANDS_DIR, loadCommands } from './loader.js';
import { createLogger, type Logger } from './log.js';
import { Metrics } from './metrics.js';
import { replyLinks } from './render/links.js';
import { InFlight, stopOnSignals } from './shutdown.js';

/** The database, created or migrated; a folder that cannot hold it stops the bot, naming DATA_DIR. */
function openStoreOrExit(dir: string): FollowStore {
  try {
    return FollowStore.open(dir);
  } catch (error) {
    process.stderr.write(`Could not open the database in DATA_DIR (${dir}): ${(error as Error).message}\n`);
    process.exit(1);
  }
}

/** The health endpoint; one that cannot listen stops the bot, naming HEALTH_PORT, rather than leave probes failing unexplained. */
async function serveHealthOrExit(host: string, port: number, sources: HealthSources, log: Logger): Promise<HealthServer> {
  try {
    const server = await serveHealth(host, port, sources);
    log.info({ url: server.url }, 'health endpoint listening');
    return server;
  } catch (err) {
    const message = `could not serve the health endpoint on HEALTH_HOST ${host}, HEALTH_PORT ${port}`;
    log.fatal({ err }, message);
    process.stderr.write(`${message}: ${(err as Error).message}\n`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const log = createLogger(config.LOG_LEVEL, { shard: config.SHARDS, secrets: [config.DISCORD_TOKEN] });
  // Whatever escapes a handler is logged, and the bot goes on answering the next interaction.
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));
  process.on('uncaughtException', (err) => log.error({ err }, 'uncaught exception'));

  const commands = await loadCommands(COMMANDS_DIR, log);
  const follows = openStoreOrExit(config.DATA_DIR);
  const client = createClient(config);
  // One process posts new articles: the only one, or shard 0 of a sharded bot. Posting is REST,
  // which reaches every channel from any shard; the other shards only answer /follow and its kin.
  const poster =
    (config.SHARDS ?? 0) === 0
      ? new Poster({
          store: follows,
          render: (engine, doc, topics) => articlePost(engine, replyLinks(config.DIGEST_BASE_URL, engine), doc, topics),
          send: channelSender(client),
          log,
        })
      : null;
  const vault: OpenOptions = { dir: config.DIGEST_DIR, ...(config.INDEX_CACHE_DIR ? { cacheDir: config.INDEX_CACHE_DIR } : {}) };
  // Opened alongside the login, not before it: the bot is online at once, and early questions wait.
  const engine = new EngineGate(openEngine(vault));
  let stopWatching = () => {};
  engine.ready.then(
    (first) => {
      log.info({ dir: config.DIGEST_DIR, ...first.stats, mode: first.report.mode, skipped: first.skipped.length }, 'index ready');
      poster?.start(first, config.DIGEST_DIR);
      stopWatching = watchEngine(first, vault, {
        onUpdate: (update) => {
          const { engine: next, added, changed, removed, ms } = update;
          engine.replace(next);
          log.info({ added: added.length, changed: changed.length, removed: removed.length, ms, articles: next.stats.articles }, 'index updated');
          poster?.update(update);
        },
        onError: (err) => log.error({ err, dir: config.DIGEST_DIR }, 'could not update the index; still answering from the previous one'),
      });
    },
    (err: unknown) => {
      log.fatal({ err, dir: config.DIGEST_DIR }, 'could not open the vault');
      process.exit(1);
    },
  );

  const inFlight = new InFlight();
  const metrics = new Metrics();
  attachRouter(client, { commands, engine, follows, log, siteBase: config.DIGEST_BASE_URL, inFlight, metrics });
  client.on(Events.Error, (err) => log.error({ err }, 'client error'));
  client.once(Events.ClientReady, (ready) => log.info({ user: ready.user.tag, id: ready.user.id }, 'ready'));
  const health =
    config.HEALTH_PORT === undefined
      ? undefined
      : await serveHealthOrExit(config.HEALTH_HOST, shardPort(config.HEALTH_PORT, config.SHARDS), { gateway: () => gatewayState(client), engine, metrics }, log);
  const onStop = () => {
    stopWatching();
    health?.close();
  };
  stopOnSignals(client, inFlight, log, { graceMs: config.SHUTDOWN_GRACE_SECONDS * 1000, onStop });

  try {
    await client.login(config.DISCORD_TOKEN);
  } catch (err) {
    const invalid = (err as { code?: unknown }).code === DiscordjsErrorCodes.TokenInvalid;
    const message = invalid ? TOKEN_REJECTED : 'could not connect to Discord';
    log.fatal({ err }, message);
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
}

void main();
