import { beforeAll, describe, expect, test } from 'vitest';
import { command as ask } from '../../commands/ask.js';
import { command as summary } from '../../commands/summary.js';
import { command as topic } from '../../commands/topic.js';
import { askReply, openReply } from '../../src/discord/answers.js';
import type { OptionReader } from '../../src/discord/command.js';
import { UserError } from '../../src/discord/errors.js';
import { replyLinks, type Links } from '../../src/discord/render/links.js';
import type { Reply } from '../../src/discord/reply.js';
import { openEngine, type Engine } from '../../src/search/engine.js';
import { FIXTURE_VAULT } from './e2e/botProcess.js';

let engine: Engine;
let links: Links;
beforeAll(async () => {
  engine = await openEngine({ dir: FIXTURE_VAULT, persist: false });
  links = replyLinks(undefined, engine);
});

/** Options as Discord sends them, read through the same interface as discord.js's resolver. */
const options = (values: Record<string, string | number>): OptionReader => ({
  getString: (name) => (typeof values[name] === 'string' ? values[name] : null),
  getInteger: (name) => (typeof values[name] === 'number' ? values[name] : null),
});

const asReply = (outcome: Reply | UserError): Reply => {
  if (outcome instanceof UserError) throw new Error(`expected a reply, got the user error: ${outcome.message}`);
  return outcome;
};

describe('definitions', () => {
  test('every command and option has a zh-CN name and description next to the English one', () => {
    for (const { definition } of [ask, topic, summary]) {
      expect(definition.name_localizations?.['zh-CN']).toBeTruthy();
      expect(definition.description_localizations?.['zh-CN']).toBeTruthy();
      for (const option of definition.options ?? []) {
        expect(option.name_localizations?.['zh-CN'], option.name).toBeTruthy();
        expect(option.description_localizations?.['zh-CN'], option.name).toBeTruthy();
      }
    }
  });

  test('/ask takes a required question, an optional since and a limit of 1 to 10; no autocomplete', () => {
    expect(ask.definition.options).toMatchObject([
      { name: 'question', required: true, max_length: 60 },
      { name: 'since', required: false },
      { name: 'limit', required: false, min_value: 1, max_value: 10 },
    ]);
    expect('autocomplete' in ask).toBe(false);
  });

  test('/topic and /summary autocomplete their one option', () => {
    expect(topic.definition.options).toMatchObject([{ name: 'name', required: true, autocomplete: true }]);
    expect(summary.definition.options).toMatchObject([{ name: 'title', required: true, autocomplete: true }]);
  });
});

describe('handlers return what to answer', () => {
  test('/ask: a page of articles', () => {
    const reply = asReply(ask.run(options({ question: '芯片', limit: 3 }), engine, links));
    expect(reply.content).toBe('「芯片」共 6 篇相关，第 1–3 篇：');
    expect(reply.embeds).toHaveLength(3);
  });

  test('/ask with since: only articles from that day on', () => {
    const reply = asReply(ask.run(options({ question: '芯片', since: '2025-01-05' }), engine, links));
    expect(reply.embeds!.map((e) => e.title).sort()).toEqual(['晶圆级芯片跑出每秒千个 Token', '英伟达发布新一代推理芯片']);
  });

  test('/ask with a since that is not a date: shown as typed, escaped, so it cannot become a link', () => {
    expect(ask.run(options({ question: '芯片', since: '[点我](javascript:alert(1))' }), engine, links)).toEqual(
      new UserError('日期「\\[点我\\](javascript:alert(1))」不对：since 需要 YYYY-MM-DD 格式，例如 2025-01-31。'),
    );
  });

  test('/ask past the last page: a note, not an empty answer', () => {
    expect(askReply(engine, links, { query: '芯片', limit: 5, offset: 100, since: '' })).toEqual(new UserError('没有更多结果了。'));
  });

  test('/ask with a question longer than 60 characters: asked to shorten it', () => {
    expect(ask.run(options({ question: '芯'.repeat(61) }), engine, links)).toEqual(new UserError('问题太长了：请控制在 60 个字以内。'));
  });

  test('/topic with an unknown name: the closest topics, if any', () => {
    expect(topic.run(options({ name: '量子计算' }), engine, links)).toBeInstanceOf(UserError);
    expect(topic.run(options({ name: '' }), engine, links)).toEqual(new UserError('请输入主题名称，可以从自动补全中选择。'));
  });

  test('/summary with no matching title: explained', () => {
    expect(summary.run(options({ title: '完全不相干的标题' }), engine, links)).toEqual(
      new UserError('没有标题与「完全不相干的标题」相符的文章。试试标题中的几个字，或在输入时从自动补全中选择。'),
    );
  });

  test('the menu opens a topic by name', () => {
    expect(asReply(openReply(engine, links, { kind: 'topic', name: '英伟达' })).content).toBe('主题「英伟达」共 2 篇：');
  });
});

describe('links, with DIGEST_BASE_URL set', () => {
  const SITE = 'https://digest.example.com/';

  test('/topic links the topic to its page on the site; its articles keep their sources', () => {
    const [embed] = asReply(topic.run(options({ name: '芯片' }), engine, replyLinks(SITE, engine))).embeds!;
    expect(embed!.url).toBe('https://digest.example.com/00-%E5%85%83%E8%AF%AD/%E8%8A%AF%E7%89%87');
    expect(embed!.description).toContain('1. [晶圆级芯片跑出每秒千个 Token](https://example.com/articles/1) · 2025-01-06');
  });

  test('/summary links each topic to its page and the related document to its source', () => {
    const [embed] = asReply(summary.run(options({ title: '晶圆级芯片' }), engine, replyLinks(SITE, engine))).embeds!;
    expect(embed!.fields!.slice(-2)).toEqual([
      {
        name: '关联主题',
        value:
          '[芯片](https://digest.example.com/00-%E5%85%83%E8%AF%AD/%E8%8A%AF%E7%89%87)、' +
          '[英伟达](https://digest.example.com/00-%E5%85%83%E8%AF%AD/%E8%8B%B1%E4%BC%9F%E8%BE%BE)',
      },
      { name: '相关文档', value: '[英伟达发布新一代推理芯片](https://example.com/articles/2)\n缺失的文章' },
    ]);
  });
});
