import { REST, Routes } from 'discord.js';
import { ConfigError, loadEnv, readConfig } from '../config.js';
import { COMMANDS_DIR, loadCommands } from './loader.js';
import { createLogger } from './log.js';

/**
 * Registers the slash commands: `npm run deploy`, once after a change to their definitions, never
 * on every start (Discord limits how often commands may be created).
 */
async function deploy(): Promise<number> {
  let config;
  try {
    config = readConfig(loadEnv());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  const log = createLogger(config.LOG_LEVEL, { secrets: [config.DISCORD_TOKEN] });
  const commands = await loadCommands(COMMANDS_DIR, log);
  const body = [...commands.values()].map((c) => c.definition);
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
  const guild = config.DISCORD_GUILD_ID;
  const route = guild ? Routes.applicationGuildCommands(config.DISCORD_APPLICATION_ID, guild) : Routes.applicationCommands(config.DISCORD_APPLICATION_ID);
  try {
    await rest.put(route, { body });
  } catch (err) {
    const status = (err as { status?: unknown }).status;
    const message = status === 401 ? 'Discord rejected DISCORD_TOKEN (401 Unauthorized).' : `Registering the commands failed: ${(err as Error).message}`;
    log.error({ err, route }, message);
    process.stderr.write(`${message}\n`);
    return 1;
  }
  const names = body.map((c) => `/${c.name}`).join(', ');
  const where = guild ? `to guild ${guild} (available at once)` : 'globally (may take up to an hour to appear everywhere)';
  process.stdout.write(`Registered ${body.length} commands ${where}: ${names}\n`);
  return 0;
}

deploy().then((code) => process.exit(code));
