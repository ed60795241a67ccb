import { describe, expect, test } from 'vitest';
import { ConfigError, readConfig } from '../../src/config.js';

const VALID = { DISCORD_TOKEN: 'token', DISCORD_APPLICATION_ID: '123456789012345678' };

describe('readConfig', () => {
  test('fills the defaults', () => {
    expect(readConfig(VALID)).toEqual({ ...VALID, DIGEST_DIR: 'seeds/', LOG_LEVEL: 'info' });
  });

  test('an empty value means unset', () => {
    expect(readConfig({ ...VALID, DISCORD_GUILD_ID: '', DISCORD_API_URL: '', DIGEST_DIR: '', LOG_LEVEL: '' })).toEqual({ ...VALID, DIGEST_DIR: 'seeds/', LOG_LEVEL: 'info' });
  });

  test('takes every setting', () => {
    const env = { ...VALID, DISCORD_GUILD_ID: '876543210987654321', DISCORD_API_URL: 'http://127.0.0.1:8080/api', DIGEST_DIR: 'tests/discord/fixtures/vault', INDEX_CACHE_DIR: '/tmp/x', LOG_LEVEL: 'debug' };
    expect(readConfig(env)).toEqual(env);
  });

  test('names every missing or bad setting', () => {
    expect(() => readConfig({ DISCORD_GUILD_ID: '12', DISCORD_API_URL: 'ftp://x', LOG_LEVEL: 'loud' })).toThrow(
      new ConfigError(
        'Invalid configuration:\n' +
          '  DISCORD_TOKEN: is not set\n' +
          '  DISCORD_APPLICATION_ID: is not set\n' +
          '  DISCORD_GUILD_ID: must be a Discord id: 17 to 20 digits\n' +
          '  DISCORD_API_URL: must be http or https\n' +
          "  LOG_LEVEL: Invalid enum value. Expected 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent', received 'loud'\n" +
          'Set it in the environment or in .env (see .env.example).',
      ),
    );
  });
});
