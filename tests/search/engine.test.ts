import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docId, openEngine, type Engine } from '../../src/search/engine.js';
import { BYTE_FILES, cleanupTemp, copyVault, FILES, tempDir } from '../helpers/vault.js';

let engine: Engine;

beforeAll(async () => {
  engine = await openEngine({ dir: copyVault({ byteFixtures: true }), cacheDir: tempDir('digest-cache-'), persist: false });
});
afterAll(cleanupTemp);

const LLM_DEFINITION = 'LLM（Large Language Model，大语言模型）是基于海量文本训练、能够理解与生成自然语言的模型。';
const LLM_ARTICLES = [FILES.hfCourse, FILES.simon, FILES.brokenYaml, FILES.google, FILES.book, FILES.aider];

describe('openEngine', () => {
  it('builds from scratch the first time, reindexing every listed file', () => {
    expect(engine.report.mode).toBe('built');
    expect(engine.report.removed).toEqual([]);
    expect(engine.report.reindexed).toHaveLength(20);
    expect(engine.report.reindexed).toContain(BYTE_FILES.binary);
  });

  it('reports the skipped files with their reasons', () => {
    expect(engine.skipped).toEqual([
      { path: BYTE_FILES.binary, reason: 'binary content (NUL bytes)' },
      { path: FILES.empty, reason: 'empty file' },
      { path: BYTE_FILES.invalidUtf8, reason: 'not valid UTF-8' },
    ]);
  });

  it('counts articles, topic pages and files', () => {
    expect([engine.stats.articles, engine.stats.topics, engine.stats.files]).toEqual([13, 4, 20]);
    expect(engine.docs).toHaveLength(17);
  });

  it('keeps records without their body sections', () => {
    expect(engine.docs.every((d) => !('sections' in d))).toBe(true);
  });
});

describe('Engine.topic', () => {
  it('lists a topic articles newest first, with total and definition', () => {
    expect(engine.topic('OpenAI')).toEqual({
      query: 'OpenAI',
      topic: 'OpenAI',
      definition: 'OpenAI 是一家人工智能研究与部署公司，推出了 ChatGPT 与 GPT 系列模型。',
      aliases: [],
      total: 2,
      results: [
        {
          path: FILES.openaiBlog,
          id: docId(FILES.openaiBlog),
          title: '推出 GPT-5.3-Codex-Spark：专为实时编程打造的超快模型',
          date: '2026-02-13',
          url: 'https://openai.com/index/introducing-gpt-5-3-codex-spark/',
        },
        {
          path: FILES.arsTechnica,
          id: docId(FILES.arsTechnica),
          title: 'OpenAI 绕过英伟达：在餐盘大小的芯片上推出超快编程模型',
          date: '2026-02-12',
          url: 'https://arstechnica.com/ai/2026/02/openai-sidesteps-nvidia/',
        },
      ],
      suggestions: [],
    });
  });

  it('puts undated articles last', () => {
    const answer = engine.topic('LLM');
    expect([answer.topic, answer.total, answer.definition, answer.aliases]).toEqual(['LLM', 6, LLM_DEFINITION, ['Large Language Model', '大语言模型']]);
    expect(answer.results.map((r) => r.path)).toEqual(LLM_ARTICLES);
    expect(answer.results.map((r) => r.date)).toEqual(['2026-01-20', '2026-01-05', '2025-12-01', '2025-11-03', '2018-07-01', '']);
  });

  it('resolves the name in any case, by an alias, with a typo or extra spaces', () => {
    expect(engine.topic('openai').topic).toBe('OpenAI');
    expect(engine.topic('ＯＰＥＮＡＩ').topic).toBe('OpenAI');
    expect(engine.topic('OpneAI').topic).toBe('OpenAI');
    expect(engine.topic('大语言模型').topic).toBe('LLM');
    expect(engine.topic('large language model').topic).toBe('LLM');
    expect(engine.topic('NVIDIA').topic).toBe('英伟达');
    expect(engine.topic('Claude  Code').topic).toBe('Claude Code');
    expect(engine.topic('克劳德代码').topic).toBe('Claude Code');
  });

  it('answers a topic that articles link to but that has no page', () => {
    const answer = engine.topic('Codex');
    expect([answer.topic, answer.definition, answer.total]).toEqual(['Codex', '', 2]);
    expect(answer.results.map((r) => r.path)).toEqual([FILES.openaiBlog, FILES.arsTechnica]);
  });

  it('returns null with suggestions for an unknown name', () => {
    expect(engine.topic('量子纠缠')).toEqual({
      query: '量子纠缠',
      topic: null,
      definition: '',
      aliases: [],
      total: 0,
      results: [],
      suggestions: [],
    });
    const near = engine.topic('Cl');
    expect(near.topic).toBeNull();
    expect(near.suggestions).toContain('Claude Code');
  });

  it('pages with limit and offset', () => {
    expect(engine.topic('LLM', { limit: 2 }).results.map((r) => r.path)).toEqual(LLM_ARTICLES.slice(0, 2));
    expect(engine.topic('LLM', { limit: 2, offset: 4 }).results.map((r) => r.path)).toEqual(LLM_ARTICLES.slice(4));
    expect(engine.topic('LLM', { limit: 2, offset: 4 }).total).toBe(6);
  });
});

describe('Engine.summary', () => {
  const top = (query: string) => engine.summary(query).results[0]?.path;

  it('finds an article by a fragment of its title', () => {
    expect(engine.summary('餐盘大小的芯片').results.map((r) => r.path)).toEqual([FILES.arsTechnica]);
  });

  it('finds an article by title words out of order', () => {
    expect(top('编程模型 超快 OpenAI')).toBe(FILES.arsTechnica);
    expect(top('表现 Gemini 长上下文')).toBe(FILES.google);
  });

  it('finds an article by an English name, in any case', () => {
    expect(top('Codex-Spark')).toBe(FILES.openaiBlog);
    expect(top('codex-spark')).toBe(FILES.openaiBlog);
    expect(top('GEMINI')).toBe(FILES.google);
  });

  it('returns the whole summary record with id and score', () => {
    const hit = engine.summary('五角大楼').results[0]!;
    expect(hit).toMatchObject({
      path: FILES.verge,
      id: docId(FILES.verge),
      title: '五角大楼将 Anthropic 列为供应链风险',
      url: 'https://www.theverge.com/2026/3/2/pentagon-anthropic-supply-chain-risk',
      oneLine: '美国国防部把 Anthropic 列为供应链风险，限制其模型进入国防采购。',
      keyPoints: ['国防部的决定影响 Claude 在政府项目中的部署。', 'Anthropic 表示将就这一认定提出申诉。'],
      risks: ['认定的具体依据尚未公开。'],
      date: '2026-03-02',
      author: 'Hayden Field',
      sourceName: 'The Verge',
    });
    expect(hit.score).toBeGreaterThan(0);
  });

  it('prefers the shorter title when a fragment matches several', () => {
    expect(engine.summary('Transformer').results.map((r) => r.path)).toEqual([FILES.book, FILES.hfCourse]);
  });

  it('never returns topic pages', () => {
    expect(engine.summary('OpenAI').results.map((r) => r.path).filter((p) => p.startsWith('00-元语/'))).toEqual([]);
  });

  it('returns nothing for a title that does not exist or blank input', () => {
    expect(engine.summary('不存在的标题xyz').results).toEqual([]);
    expect(engine.summary('   ').results).toEqual([]);
  });

  it('returns at most `limit` results', () => {
    expect(engine.summary('Transformer', { limit: 1 }).results.map((r) => r.path)).toEqual([FILES.book]);
  });
});

describe('Engine.autocomplete', () => {
  it('suggests the newest titles for an empty prefix', () => {
    const suggestions = engine.autocomplete('title', '');
    expect(suggestions.slice(0, 3).map((s) => s.value)).toEqual([
      '五角大楼将 Anthropic 列为供应链风险',
      '有害组合：当微小信号叠加成安全事故',
      '推出 GPT-5.3-Codex-Spark：专为实时编程打造的超快模型',
    ]);
    expect(suggestions).toHaveLength(13);
  });

  it('suggests titles that match a prefix, name equal to value', () => {
    expect(engine.autocomplete('title', 'codex')[0]).toEqual({
      name: '推出 GPT-5.3-Codex-Spark：专为实时编程打造的超快模型',
      value: '推出 GPT-5.3-Codex-Spark：专为实时编程打造的超快模型',
    });
  });

  it('suggests topics by prefix, showing the alias that matched', () => {
    expect(engine.autocomplete('topic', '大语言')).toEqual([{ name: '大语言模型 → LLM', value: 'LLM' }]);
    expect(engine.autocomplete('topic', 'open')[0]).toEqual({ name: 'OpenAI', value: 'OpenAI' });
  });

  it('lists every topic, most articles first, for an empty prefix', () => {
    expect(engine.autocomplete('topic', '').map((s) => s.value)).toEqual(['LLM', 'Claude Code', 'Codex', 'OpenAI', 'Anthropic', 'security', 'Windows', '英伟达']);
  });

  it('keeps every suggestion within Discord limits', () => {
    for (const [kind, prefix] of [['title', ''], ['title', 'o'], ['topic', ''], ['topic', 'c']] as const) {
      const suggestions = engine.autocomplete(kind, prefix);
      expect(suggestions.length).toBeLessThanOrEqual(25);
      for (const s of suggestions) {
        expect(Array.from(s.name).length).toBeLessThanOrEqual(100);
        expect(Array.from(s.value).length).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe('Engine lookups', () => {
  it('finds a record by its short id, and the id is stable', () => {
    const id = engine.idOf(FILES.google);
    expect(id).toBe(docId(FILES.google));
    expect(id).toMatch(/^[A-Za-z0-9_-]{10}$/);
    expect(engine.docById(id)?.path).toBe(FILES.google);
    expect(engine.docById('nope')).toBeUndefined();
  });

  it('resolves a wikilink target with or without .md', () => {
    expect(engine.resolveLink('01-博客/OpenAI/推出 GPT-5.3-Codex-Spark：专为实时编程打造的超快模型')?.path).toBe(FILES.openaiBlog);
    expect(engine.resolveLink('00-元语/LLM.md')?.kind).toBe('topic');
    expect(engine.resolveLink('00-元语/不存在')).toBeUndefined();
  });

  it('finds a topic’s page by its exact name, in any case or spacing, and only a page the vault has', () => {
    expect(engine.topicPage('Claude Code')?.path).toBe('00-元语/Claude Code.md');
    expect(engine.topicPage('claudecode')?.path).toBe('00-元语/Claude Code.md');
    // Typo-tolerant lookup is for what users type; a link must not land on a neighbouring topic.
    expect(engine.topicPage('Claude Cod')).toBeUndefined();
    expect(engine.topicPage('Anthropic')).toBeUndefined();
  });
});
