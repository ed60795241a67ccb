import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FakeDiscord } from '../fakeDiscord.js';
import { botEnv, runDeploy, startBot, type Process } from './botProcess.js';

/**
 * The bot token, and the tokens of interactions, never appear in the logs, on stderr or in
 * anything the bot sends, even when things fail: a command that throws, REST errors on a reply and
 * on the apology after it, an expired interaction, a token Discord rejects at login or at deploy.
 * Recognisable tokens, so any leak, whole, is found by a plain search.
 */

const TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.SeCrEt.bot-token-that-must-never-leak_9x';
const WRONG = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.WrOnG.rejected-token-never-logged_7q';

let fake: FakeDiscord;
let bot: Process;
beforeAll(async () => {
  fake = await FakeDiscord.start(TOKEN);
  bot = startBot(botEnv({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'trace' }));
  await bot.waitForLog((l) => l.msg === 'index ready');
});
afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

/** Everything the bot sent to the REST API, as text. */
const sent = () => fake.requests.map((r) => `${r.method} ${r.path}?${r.query.toString()} ${JSON.stringify(r.body ?? null)}`).join('\n');
const interactionTokens = () => [...sent().matchAll(/\/interactions\/\d+\/(itoken-\d+)\//g)].map((m) => m[1]!);

describe('while answering and failing', () => {
  beforeAll(async () => {
    // A command whose handler throws: its option arrives with the wrong type.
    const failing = fake.command('ask', { question: 42 });
    await bot.waitForLog((l) => l.msg === 'interaction failed' && l.interaction === failing);
    expect((await fake.callback(failing)).data?.content).toBe('抱歉，机器人出了点问题，已记录下来。请稍后再试。');
    // Discord refuses the reply, then the apology.
    fake.failNextCallback(400, { message: 'Invalid Form Body', code: 50035 });
    fake.failNextCallback(400, { message: 'Invalid Form Body', code: 50035 });
    const refused = fake.command('topic', { name: '芯片' });
    await bot.waitForLog((l) => l.msg === 'could not send the apology either' && l.interaction === refused);
    // The interaction expired before the answer.
    fake.failNextCallback(404, { message: 'Unknown interaction', code: 10062 });
    const expired = fake.autocomplete('topic', 'name', '芯');
    await bot.waitForLog((l) => l.msg === 'interaction expired before its reply landed' && l.interaction === expired);
    // Questions fishing for it.
    for (const question of ['${process.env.DISCORD_TOKEN}', 'DISCORD_TOKEN', 'token', '{{token}}']) await fake.callback(fake.command('ask', { question }));
  });

  test('the bot had the token: every REST request carried it', () => {
    expect(fake.requests.length).toBeGreaterThan(5);
    expect(fake.requests.every((r) => r.authorization === undefined || r.authorization === `Bot ${TOKEN}`)).toBe(true);
    expect(fake.requests.some((r) => r.authorization === `Bot ${TOKEN}`)).toBe(true);
  });

  test('it is in no log line, not on stderr, and in no request the bot made', () => {
    expect(bot.logs.filter((l) => l.level >= 40).length).toBeGreaterThanOrEqual(4);
    expect(bot.stdout).not.toContain(TOKEN);
    expect(bot.stderr).not.toContain(TOKEN);
    expect(sent()).not.toContain(TOKEN);
  });

  test('a REST error is logged with the URL it failed on, the interaction token redacted', () => {
    const tokens = interactionTokens();
    expect(tokens.length).toBeGreaterThan(5);
    for (const token of tokens) expect(bot.stdout).not.toContain(token);
    const refused = bot.logs.find((l) => l.msg === 'could not send the apology either')!;
    expect((refused.err as { url: string }).url).toMatch(new RegExp(`^${fake.apiUrl}/v10/interactions/\\d+/\\[redacted\\]/callback`));
  });
});

describe('a token Discord rejects', () => {
  test('at login: neither it nor the real one is logged or printed', async () => {
    const rejected = startBot(botEnv({ DISCORD_TOKEN: WRONG, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'trace' }));
    expect(await rejected.exited).toBe(1);
    expect(fake.requests.some((r) => r.authorization === `Bot ${WRONG}`)).toBe(true);
    expect(rejected.logs.find((l) => l.level === 60)!.msg).toMatch(/^Discord rejected DISCORD_TOKEN/);
    expect(rejected.stdout + rejected.stderr).not.toContain(WRONG);
  });

  test('at deploy: not logged or printed either', async () => {
    const deploy = runDeploy(botEnv({ DISCORD_TOKEN: WRONG, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'trace' }));
    expect(await deploy.exited).toBe(1);
    expect(deploy.logs.some((l) => l.level === 50)).toBe(true);
    expect(deploy.stdout + deploy.stderr).not.toContain(WRONG);
  });
});
