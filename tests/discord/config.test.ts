import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ConfigError, readConfig } from '../../src/config.js';
import { cleanupTemp, tempDir } from '../helpers/vault.js';

const VALID = { DISCORD_TOKEN: 'token', DISCORD_APPLICATION_ID: '123456789012345678' };

describe('readConfig', () => {
  test('fills the defaults', () => {
    expect(readConfig(VALID)).toEqual({ ...VALID, DIGEST_DIR: 'seeds/', SHARD_COUNT: 'auto', DATA_DIR: 'data/', SHUTDOWN_GRACE_SECONDS: 8, HEALTH_HOST: '127.0.0.1', LOG_LEVEL: 'info' });
  });

  test('an empty value means unset', () => {
    expect(readConfig({ ...VALID, DISCORD_GUILD_ID: '', DISCORD_API_URL: '', DIGEST_DIR: '', DIGEST_BASE_URL: '', SHARD_COUNT: '', DATA_DIR: '', SHUTDOWN_GRACE_SECONDS: '', HEALTH_PORT: '', HEALTH_HOST: '', LOG_LEVEL: '' })).toEqual({ ...VALID, DIGEST_DIR: 'seeds/', SHARD_COUNT: 'auto', DATA_DIR: 'data/', SHUTDOWN_GRACE_SECONDS: 8, HEALTH_HOST: '127.0.0.1', LOG_LEVEL: 'info' });
  });

  test('takes every setting', () => {
    const env = { ...VALID, DISCORD_GUILD_ID: '876543210987654321', DISCORD_API_URL: 'http://127.0.0.1:8080/api', DIGEST_DIR: 'tests/discord/fixtures/vault', DIGEST_BASE_URL: 'https://me.github.io/digest/', INDEX_CACHE_DIR: '/tmp/x', DATA_DIR: '/tmp/data', SHUTDOWN_GRACE_SECONDS: '30', HEALTH_PORT: '9464', HEALTH_HOST: '0.0.0.0', LOG_LEVEL: 'debug' };
    expect(readConfig(env)).toEqual({ ...env, SHARD_COUNT: 'auto', SHUTDOWN_GRACE_SECONDS: 30, HEALTH_PORT: 9464 });
  });

  test('SHARD_COUNT is auto or a whole number from 1; a shard learns its id from the manager (SHARDS)', () => {
    expect(readConfig({ ...VALID, SHARD_COUNT: 'auto' }).SHARD_COUNT).toBe('auto');
    expect(readConfig({ ...VALID, SHARD_COUNT: '12' }).SHARD_COUNT).toBe(12);
    expect(readConfig({ ...VALID, SHARD_COUNT: '2', SHARDS: '1' })).toMatchObject({ SHARD_COUNT: 2, SHARDS: 1 });
    for (const bad of ['0', '-1', '1.5', 'two', ' 2']) {
      expect(() => readConfig({ ...VALID, SHARD_COUNT: bad })).toThrow('  SHARD_COUNT: must be auto or a whole number from 1\n');
    }
  });

  test('HEALTH_PORT is a port from 0 (any free one) to 65535; HEALTH_HOST an IP address', () => {
    expect(readConfig({ ...VALID, HEALTH_PORT: '0' }).HEALTH_PORT).toBe(0);
    expect(readConfig({ ...VALID, HEALTH_PORT: '65535', HEALTH_HOST: '::1' })).toMatchObject({ HEALTH_PORT: 65535, HEALTH_HOST: '::1' });
    for (const bad of ['65536', '-1', '80.5', 'http', ' 80']) {
      expect(() => readConfig({ ...VALID, HEALTH_PORT: bad })).toThrow('  HEALTH_PORT: must be a port number, 0 to 65535\n');
    }
    for (const bad of ['localhost', '127.0.0.1:9464', 'http://0.0.0.0']) {
      expect(() => readConfig({ ...VALID, HEALTH_HOST: bad })).toThrow('  HEALTH_HOST: must be an IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0\n');
    }
  });

  test('names every missing or bad setting', () => {
    expect(() => readConfig({ DISCORD_GUILD_ID: '12', DISCORD_API_URL: 'ftp://x', SHUTDOWN_GRACE_SECONDS: '2.5', LOG_LEVEL: 'loud' })).toThrow(
      new ConfigError(
        'Invalid configuration:\n' +
          '  DISCORD_TOKEN: is not set\n' +
          '  DISCORD_APPLICATION_ID: is not set\n' +
          '  DISCORD_GUILD_ID: must be a Discord id: 17 to 20 digits\n' +
          '  DISCORD_API_URL: must be http or https\n' +
          '  SHUTDOWN_GRACE_SECONDS: must be a whole number of seconds, e.g. 8\n' +
          "  LOG_LEVEL: Invalid enum value. Expected 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent', received 'loud'\n" +
          'Set it in the environment or in .env (see .env.example).',
      ),
    );
  });

  test('DIGEST_BASE_URL: an http(s) address, with or without a folder', () => {
    for (const base of ['https://digest.example.com', 'https://digest.example.com/', 'http://127.0.0.1:8080/site', 'https://me.github.io/AI 文摘/']) {
      expect(readConfig({ ...VALID, DIGEST_BASE_URL: base }).DIGEST_BASE_URL).toBe(base);
    }
  });

  test('DIGEST_BASE_URL: anything a page path cannot follow is refused, saying why', () => {
    const refusal = (base: string) => {
      try {
        readConfig({ ...VALID, DIGEST_BASE_URL: base });
      } catch (error) {
        return (error as Error).message.split('\n')[1];
      }
      return 'accepted';
    };
    expect(refusal('digest.example.com')).toBe('  DIGEST_BASE_URL: must be a URL such as https://digest.example.com/');
    expect(refusal('/site/')).toBe('  DIGEST_BASE_URL: must be a URL such as https://digest.example.com/');
    expect(refusal('//digest.example.com/')).toBe('  DIGEST_BASE_URL: must be a URL such as https://digest.example.com/');
    expect(refusal('javascript:alert(1)')).toBe('  DIGEST_BASE_URL: must be http or https, not javascript:');
    expect(refusal('file:///srv/site/')).toBe('  DIGEST_BASE_URL: must be http or https, not file:');
    expect(refusal('obsidian://open?vault=digest')).toBe('  DIGEST_BASE_URL: must be http or https, not obsidian:');
    expect(refusal('https://digest.example.com/?lang=zh')).toBe('  DIGEST_BASE_URL: must not have a query (?…) or fragment (#…): page paths are added after it');
    expect(refusal('https://digest.example.com/#top')).toBe('  DIGEST_BASE_URL: must not have a query (?…) or fragment (#…): page paths are added after it');
    expect(refusal('https://digest.example.com/?')).toBe('  DIGEST_BASE_URL: must not have a query (?…) or fragment (#…): page paths are added after it');
    expect(refusal('https://user:secret@digest.example.com/')).toBe('  DIGEST_BASE_URL: must not contain a user name or password');
  });

  describe('DATA_DIR', () => {
    afterAll(cleanupTemp);
    const refusal = (vault: string) =>
      new ConfigError(`Invalid configuration:\n  DATA_DIR: must not be inside DIGEST_DIR (${vault})\nSet it in the environment or in .env (see .env.example).`);

    test('is refused inside the vault, or as the vault itself', () => {
      const vault = tempDir();
      expect(() => readConfig({ ...VALID, DIGEST_DIR: vault, DATA_DIR: join(vault, 'data') })).toThrow(refusal(vault));
      expect(() => readConfig({ ...VALID, DIGEST_DIR: vault, DATA_DIR: join(vault, '..data') })).toThrow(refusal(vault));
      expect(() => readConfig({ ...VALID, DIGEST_DIR: vault, DATA_DIR: `${vault}/` })).toThrow(refusal(vault));
    });

    test('is refused inside the vault when reached through a symbolic link', () => {
      const vault = tempDir();
      const link = join(tempDir(), 'vault-link');
      symlinkSync(vault, link);
      mkdirSync(join(vault, 'data'));
      expect(() => readConfig({ ...VALID, DIGEST_DIR: vault, DATA_DIR: join(link, 'data') })).toThrow(refusal(vault));
    });

    test('is accepted beside the vault, even with a name that starts like it', () => {
      const parent = tempDir();
      mkdirSync(join(parent, 'vault'));
      const env = { ...VALID, DIGEST_DIR: join(parent, 'vault'), DATA_DIR: join(parent, 'vault-data') };
      expect(readConfig(env).DATA_DIR).toBe(env.DATA_DIR);
    });
  });
});
