import { afterAll, beforeAll, expect, test } from 'vitest';
import { FakeDiscord, snowflake } from '../fakeDiscord.js';
import { botEnv, runDeploy } from './botProcess.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake?.close();
});

const names = (body: unknown) => (body as { name: string }[]).map((c) => c.name);

test('with DISCORD_GUILD_ID, npm run deploy registers every command to that guild', async () => {
  const guild = snowflake();
  const deploy = runDeploy(botEnv({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: guild }));
  expect(await deploy.exited).toBe(0);
  const put = await fake.waitForRequest((r) => r.method === 'PUT' && r.path === `/api/v10/applications/${fake.applicationId}/guilds/${guild}/commands`);
  expect(put.authorization).toBe(`Bot ${fake.token}`);
  expect(names(put.body)).toEqual(['ask', 'follow', 'following', 'summary', 'topic', 'unfollow']);
  const ask = (put.body as { name: string; name_localizations: object; options: object[] }[])[0]!;
  expect(ask.name_localizations).toEqual({ 'zh-CN': '提问' });
  expect(ask.options[0]).toMatchObject({ name: 'question', name_localizations: { 'zh-CN': '问题' }, required: true, max_length: 60 });
  // Changing subscriptions is offered to channel managers only, and only in servers.
  const follow = (put.body as { name: string }[]).find((c) => c.name === 'follow');
  expect(follow).toMatchObject({ default_member_permissions: '16', contexts: [0] });
  expect(deploy.stdout).toContain(`Registered 6 commands to guild ${guild} (available at once): /ask, /follow, /following, /summary, /topic, /unfollow`);
});

test('without DISCORD_GUILD_ID, it registers them globally', async () => {
  const deploy = runDeploy(botEnv({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl }));
  expect(await deploy.exited).toBe(0);
  const put = await fake.waitForRequest((r) => r.method === 'PUT' && r.path === `/api/v10/applications/${fake.applicationId}/commands`);
  expect(names(put.body)).toEqual(['ask', 'follow', 'following', 'summary', 'topic', 'unfollow']);
});

test('with a token Discord rejects, it says so and exits non-zero', async () => {
  const deploy = runDeploy(botEnv({ DISCORD_TOKEN: 'wrong', DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl }));
  expect(await deploy.exited).toBe(1);
  expect(deploy.stderr).toBe('Discord rejected DISCORD_TOKEN (401 Unauthorized).\n');
});
