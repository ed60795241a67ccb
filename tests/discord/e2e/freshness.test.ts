import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cleanupTemp, tempDir, writeVaultFile } from '../../helpers/vault.js';
import { FakeDiscord } from '../fakeDiscord.js';
import { botEnv, FIXTURE_VAULT, startBot, type Process } from './botProcess.js';

/** The bot serving a vault that changes under it, as a `git pull` or an editor changes it. */
let fake: FakeDiscord;
let bot: Process;
let vault: string;

beforeAll(async () => {
  vault = tempDir('digest-live-vault-');
  cpSync(FIXTURE_VAULT, vault, { recursive: true });
  fake = await FakeDiscord.start();
  bot = startBot(botEnv({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DIGEST_DIR: vault }));
  await bot.waitForLog((l) => l.msg === 'index ready');
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  cleanupTemp();
});

const ARTICLE = `---
title: "光子芯片进入数据中心"
date: 2025-01-09
source: 测试媒体
url: https://example.com/articles/photonic
---

## 摘要

**一句话总结**
光子芯片开始在数据中心互联中替代铜缆。

**关键要点**
- **互联**：光子芯片把机柜间带宽提高数倍。

## 关联主题

- [[00-元语/芯片]]
`;

async function askTitles(question: string): Promise<{ titles: string[]; footer: string | undefined }> {
  const callback = await fake.callback(fake.command('ask', { question }));
  const embeds = callback.data?.embeds ?? [];
  return { titles: embeds.map((e) => e.title ?? ''), footer: embeds.at(-1)?.footer?.text };
}

test('answers from a file added while running, without a restart, and says the index grew', async () => {
  expect((await askTitles('光子芯片 数据中心')).titles).toEqual([]);
  writeVaultFile(vault, '01-博客/芯片/光子芯片进入数据中心.md', ARTICLE);
  await bot.waitForLog((l) => l.msg === 'index updated');
  expect(bot.logs.find((l) => l.msg === 'index updated')).toMatchObject({ added: 1, changed: 0, removed: 0, articles: 7 });
  const after = await askTitles('光子芯片 数据中心');
  expect(after.titles[0]).toBe('光子芯片进入数据中心');
  expect(after.footer).toBe('2025-01-09 · 测试媒体 · 索引共 7 篇，更新于');
});

test('stops answering from a file once it is deleted', async () => {
  rmSync(join(vault, '01-博客/芯片/光子芯片进入数据中心.md'));
  await bot.waitForLog((l) => l.msg === 'index updated' && l.removed === 1);
  expect((await askTitles('光子芯片 数据中心')).titles).toEqual([]);
});
