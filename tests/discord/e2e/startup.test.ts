import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { FakeDiscord } from '../fakeDiscord.js';
import { botEnv, startBot } from './botProcess.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake?.close();
});

test('without DISCORD_TOKEN, npm start explains what to set and the terminal mode, and exits non-zero', async () => {
  const bot = startBot(botEnv({}));
  expect(await bot.exited).toBe(1);
  expect(bot.stderr).toContain('DISCORD_TOKEN is not set, so the bot cannot connect to Discord.');
  expect(bot.stderr).toContain('npm run deploy');
  expect(bot.stderr).toContain('npm run --silent cli -- ask 英伟达');
});

test('a bad setting fails at start with a message naming it', async () => {
  const bot = startBot(botEnv({ DISCORD_TOKEN: 'x', DISCORD_APPLICATION_ID: 'abc', DIGEST_DIR: '/no/such/vault' }));
  expect(await bot.exited).toBe(1);
  expect(bot.stderr).toBe(
    'Invalid configuration:\n' +
      '  DISCORD_APPLICATION_ID: must be a Discord id: 17 to 20 digits\n' +
      '  DIGEST_DIR: folder not found: /no/such/vault\n' +
      'Set it in the environment or in .env (see .env.example).\n',
  );
});

test('a token Discord rejects (401 on gateway/bot) gives a clear error and a non-zero exit', async () => {
  const bot = startBot(botEnv({ DISCORD_TOKEN: 'not-the-token', DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl }));
  expect(await bot.exited).toBe(1);
  expect(bot.stderr).toContain('Discord rejected DISCORD_TOKEN (401 Unauthorized).');
  expect(fake.requests.some((r) => r.path === '/api/v10/gateway/bot')).toBe(true);
});

test('a DATA_DIR that cannot hold the database stops the bot at start, naming it', async () => {
  const notAFolder = join(mkdtempSync(join(tmpdir(), 'digest-bot-data-')), 'a-file');
  writeFileSync(notAFolder, '');
  const bot = startBot(botEnv({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DATA_DIR: notAFolder }));
  expect(await bot.exited).toBe(1);
  expect(bot.stderr).toContain(`Could not open the database in DATA_DIR (${notAFolder}): `);
  expect(fake.identifies).toHaveLength(0);
});
