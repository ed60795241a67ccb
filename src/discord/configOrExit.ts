import { ConfigError, loadEnv, readConfig, type Config } from '../config.js';

const NO_TOKEN = `DISCORD_TOKEN is not set, so the bot cannot connect to Discord.

To run the bot (details in README.md, "The Discord bot"):
  1. cp .env.example .env
  2. set DISCORD_TOKEN and DISCORD_APPLICATION_ID in .env
  3. npm run deploy      # once: registers the slash commands
  4. npm start

Without Discord, ask the same engine in the terminal:
  npm run --silent cli -- ask 英伟达
`;

export const TOKEN_REJECTED =
  'Discord rejected DISCORD_TOKEN (401 Unauthorized). Copy a fresh token from the Developer Portal → your application → Bot → Reset Token.';

/** The settings, or a message on stderr naming what to fix and exit 1: the bot and the sharding manager start alike. */
export function configOrExit(): Config {
  const env = loadEnv();
  if (!env.DISCORD_TOKEN) {
    process.stderr.write(NO_TOKEN);
    process.exit(1);
  }
  try {
    return readConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
