import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listVault, loadVault, MAX_FILE_BYTES, readDocument } from '../../src/digest/load.js';
import type { DigestDoc } from '../../src/digest/types.js';
import { BYTE_FILES, cleanupTemp, copyVault, FILES, FIXTURE_VAULT, tempDir, writeVaultFile } from '../helpers/vault.js';

const PARSED = [
  FILES.topicClaudeCode,
  FILES.topicLLM,
  FILES.topicOpenAI,
  FILES.topicNvidia,
  FILES.arsTechnica,
  FILES.cloudflare,
  FILES.google,
  FILES.openaiBlog,
  FILES.simon,
  FILES.verge,
  FILES.brokenYaml,
  FILES.listFrontMatter,
  FILES.numberFrontMatter,
  FILES.aider,
  FILES.hfCourse,
  FILES.book,
];

describe('listVault', () => {
  it('lists every .md file sorted by path, skipping dot-folders and other files', () => {
    const files = listVault(FIXTURE_VAULT);
    expect(files.map((f) => f.path)).toEqual([...PARSED, FILES.empty].sort());
    expect(files.map((f) => f.path)).not.toContain('.obsidian/workspace.md');
    expect(files.some((f) => f.path.endsWith('.txt'))).toBe(false);
  });

  it('reports each file size and modification time', () => {
    const vault = tempDir();
    const full = writeVaultFile(vault, '01-博客/甲/文章.md', '# 标题\n');
    utimesSync(full, 1_700_000_000, 1_700_000_000);
    expect(listVault(vault)).toEqual([{ path: '01-博客/甲/文章.md', size: Buffer.byteLength('# 标题\n'), mtimeMs: 1_700_000_000_000 }]);
  });

  it('accepts an upper-case .MD extension', () => {
    const vault = tempDir();
    writeVaultFile(vault, 'README.MD', '# 说明\n');
    expect(listVault(vault).map((f) => f.path)).toEqual(['README.MD']);
  });
});

describe('loadVault on the fixture vault', () => {
  let docs: Map<string, DigestDoc>;
  let skipped: { path: string; reason: string }[];

  beforeAll(() => {
    const vault = copyVault({ byteFixtures: true });
    const loaded = loadVault(vault);
    docs = new Map(loaded.docs.map((d) => [d.path, d]));
    skipped = loaded.skipped;
  });
  afterAll(cleanupTemp);

  it('skips the binary, invalid UTF-8 and empty files with their path and reason, and loads the rest', () => {
    expect(skipped).toEqual([
      { path: BYTE_FILES.binary, reason: 'binary content (NUL bytes)' },
      { path: FILES.empty, reason: 'empty file' },
      { path: BYTE_FILES.invalidUtf8, reason: 'not valid UTF-8' },
    ]);
    expect([...docs.keys()].sort()).toEqual([...PARSED, BYTE_FILES.crlfBom].sort());
  });

  it('reads the article with front matter strings, an author list and a bold numbered summary', () => {
    const { sections: _s, ...doc } = docs.get(FILES.arsTechnica)!;
    expect(doc).toEqual({
      path: FILES.arsTechnica,
      kind: 'article',
      title: 'OpenAI 绕过英伟达：在餐盘大小的芯片上推出超快编程模型',
      date: '2026-02-12',
      author: 'Benj Edwards, Kyle Orland',
      sourceName: 'Ars Technica',
      url: 'https://arstechnica.com/ai/2026/02/openai-sidesteps-nvidia/',
      oneLine: 'OpenAI 首次在非英伟达硬件上推出专为编程微调的超快模型 GPT-5.3-Codex-Spark。',
      keyPoints: [
        '首发非英伟达硬件：GPT-5.3-Codex-Spark 运行在 Cerebras 的晶圆级芯片上。',
        '极致生成速度：代码生成速度超过每秒 1000 个 Token，比上一代快约 15 倍。',
        '可用性：目前作为研究预览版向 ChatGPT Pro 订阅用户开放。',
      ],
      risks: ['缺乏独立验证：OpenAI 尚未公布基准测试的独立验证结果。', '准确性妥协：追求极致速度可能以牺牲准确性为代价。'],
      topics: ['OpenAI', '英伟达', 'Codex'],
      related: [
        {
          target: '01-博客/OpenAI/推出 GPT-5.3-Codex-Spark：专为实时编程打造的超快模型',
          title: '推出 GPT-5.3-Codex-Spark：专为实时编程打造的超快模型',
          reason: '关联理由：同一事件；说明：本文是媒体解读，该文提供官方技术细节。',
        },
        { target: '01-博客/Simon Willison/Claude Code 的十二条使用原则', title: 'Claude Code 的十二条使用原则', reason: '' },
      ],
      definition: '',
      aliases: [],
    });
    expect(docs.get(FILES.arsTechnica)!.sections.map((s) => s.heading)).toEqual(['正文']);
  });

  it('reads the article with a # title, body-bullet metadata and ### labels', () => {
    expect(docs.get(FILES.openaiBlog)).toMatchObject({
      title: '推出 GPT-5.3-Codex-Spark：专为实时编程打造的超快模型',
      author: 'OpenAI 团队',
      url: 'https://openai.com/index/introducing-gpt-5-3-codex-spark/',
      date: '2026-02-13',
      sourceName: 'OpenAI 博客',
      oneLine: 'OpenAI 发布面向实时编程的小型模型 Codex-Spark，强调低延迟交互。',
      keyPoints: ['Codex-Spark 的上下文窗口为 128k，首发仅支持文本。', '模型由 Cerebras 提供推理算力，而不是英伟达（Nvidia）的 GPU。'],
      risks: ['研究预览阶段的速率限制较严格。'],
      topics: ['OpenAI', 'Codex'],
    });
  });

  it('reads the article with an unquoted YAML date, numbered ### labels and a nested sub-list', () => {
    expect(docs.get(FILES.simon)).toMatchObject({
      title: 'Claude Code 的十二条使用原则',
      date: '2026-01-05',
      author: 'Simon Willison',
      sourceName: "Simon Willison's Weblog",
      url: 'https://simonwillison.net/2026/Jan/5/claude-code-principles/',
      keyPoints: ['作者总结了十二条原则： 先写测试再让智能体实现 每次只改一个文件', '把项目约定写进 CLAUDE.md，让每次会话都从同一份上下文开始。'],
      risks: ['原则来自个人项目，缺少团队规模的验证。'],
      topics: ['Claude Code', 'LLM'],
    });
  });

  it('reads the 关键信息 / 局限 labels and a URL source', () => {
    expect(docs.get(FILES.google)).toMatchObject({
      date: '2025-11-03',
      sourceName: 'deepmind.google',
      url: 'https://deepmind.google/discover/blog/gemini-long-context/',
      oneLine: 'Gemini 在百万级上下文中仍能准确找回埋藏的单条事实。',
      keyPoints: ['在一百万 Token 的“大海捞针”测试中召回率接近百分之百。', '多条事实同时检索时准确率明显下降。'],
      risks: ['评测集由 Google 自行构建，外部复现有限。'],
    });
  });

  it('reads the 风险与不足（基于原文明确提及） label', () => {
    expect(docs.get(FILES.verge)).toMatchObject({
      keyPoints: ['国防部的决定影响 Claude 在政府项目中的部署。', 'Anthropic 表示将就这一认定提出申诉。'],
      risks: ['认定的具体依据尚未公开。'],
      topics: ['Anthropic'],
    });
  });

  it('reads an unlabelled summary as a paragraph then key points', () => {
    expect(docs.get(FILES.cloudflare)).toMatchObject({
      oneLine: 'Cloudflare 认为多个轻微信号叠加后会形成可利用的攻击链。',
      keyPoints: ['暴露的管理后台与低机器人评分同时出现，说明扫描器正在侦察。', '支付路径上流量突增而成功率下滑，往往意味着盗刷测试。'],
      risks: [],
      date: '2026-02-27',
    });
  });

  it('recovers the file whose YAML front matter is broken', () => {
    expect(docs.get(FILES.brokenYaml)).toMatchObject({
      title: 'YAML 前言损坏但正文完好',
      date: '2025-12-01',
      url: 'https://example.com/broken-yaml',
      oneLine: '即使前言的 YAML 写坏了，这篇文章的正文与摘要仍然可读。',
      keyPoints: ['解析器逐行读取前言中的键值对。'],
      risks: ['逐行读取无法还原嵌套结构。'],
    });
  });

  it('reads files whose front matter is a list or a number by their heading', () => {
    expect(docs.get(FILES.listFrontMatter)).toMatchObject({ title: '前言是列表的文章', oneLine: '前言是一个 YAML 列表，解析器应当忽略它。' });
    expect(docs.get(FILES.numberFrontMatter)).toMatchObject({ title: '前言是数字的文章', oneLine: '前言是一个数字，解析器应当忽略它。' });
  });

  it('reads the CRLF + BOM file', () => {
    expect(docs.get(BYTE_FILES.crlfBom)).toMatchObject({
      title: 'CRLF 与 BOM 的文章',
      date: '2025-10-10',
      author: '微软',
      oneLine: 'Windows 换行与字节序标记不影响解析。',
      keyPoints: ['行尾的回车被去掉。', '开头的 BOM 被去掉。'],
      topics: ['Windows'],
    });
  });

  it('reads a resource profile: its risks from 限制与注意事项 and its link from 链接', () => {
    expect(docs.get(FILES.aider)).toMatchObject({
      kind: 'resource',
      title: 'Aider：终端里的结对编程助手',
      oneLine: 'Aider 是在终端里与大模型结对编程的开源工具，直接编辑本地 Git 仓库中的文件。',
      risks: ['大型单体仓库的上下文成本较高。', '依赖外部模型服务的 API 密钥。'],
      url: 'https://github.com/Aider-AI/aider',
      topics: ['LLM', 'Claude Code'],
    });
  });

  it('reads a resource whose summary is bullets only, with a YAML-list source', () => {
    expect(docs.get(FILES.hfCourse)).toMatchObject({
      kind: 'resource',
      sourceName: 'huggingface.co',
      url: 'https://huggingface.co/learn',
      keyPoints: ['Hugging Face 课程系统讲解 Transformer 架构与微调流程。', '每一章都配有可在浏览器中运行的笔记本。'],
      risks: ['课程示例以英文为主。'],
    });
  });

  it('reads the book', () => {
    expect(docs.get(FILES.book)).toMatchObject({ kind: 'book', author: '斋藤康毅', date: '2018-07-01', risks: ['对 Transformer 的介绍较为简略。'] });
  });

  it('reads topic pages with their definition and stated aliases', () => {
    const topic = (path: string) => {
      const d = docs.get(path)!;
      return [d.kind, d.title, d.definition, d.aliases];
    };
    expect(topic(FILES.topicLLM)).toEqual([
      'topic',
      'LLM',
      'LLM（Large Language Model，大语言模型）是基于海量文本训练、能够理解与生成自然语言的模型。',
      ['Large Language Model', '大语言模型'],
    ]);
    expect(topic(FILES.topicClaudeCode)).toEqual(['topic', 'Claude Code', 'Claude Code 是 Anthropic 推出的终端编程智能体，又称“克劳德代码”。', ['克劳德代码']]);
    expect(topic(FILES.topicNvidia)).toEqual(['topic', '英伟达', '英伟达（NVIDIA）是设计图形处理器与 AI 加速芯片的美国公司。', ['NVIDIA']]);
    expect(topic(FILES.topicOpenAI)).toEqual(['topic', 'OpenAI', 'OpenAI 是一家人工智能研究与部署公司，推出了 ChatGPT 与 GPT 系列模型。', []]);
    expect(docs.get(FILES.topicOpenAI)!.sections.map((s) => s.heading)).toEqual(['定义', '核心内涵', '相关词条']);
  });
});

describe('readDocument', () => {
  afterAll(cleanupTemp);

  it('skips a file over the size limit without reading it', () => {
    const vault = tempDir();
    writeVaultFile(vault, 'big.md', '# 大文件\n');
    const result = readDocument(vault, { path: 'big.md', size: MAX_FILE_BYTES + 1, mtimeMs: 0 });
    expect(result).toEqual({ skipped: { path: 'big.md', reason: 'file too large (4.0 MB, limit 4 MB)' } });
  });

  it('skips a file that cannot be read', () => {
    const vault = tempDir();
    const result = readDocument(vault, { path: 'missing.md', size: 10, mtimeMs: 0 });
    expect('skipped' in result && result.skipped.reason).toMatch(/^cannot read: ENOENT/);
  });

  it('reads an oversized vault file as skipped while the rest still loads', () => {
    const vault = tempDir();
    writeVaultFile(vault, '01-博客/甲/小.md', '# 小文件\n');
    writeFileSync(join(vault, '01-博客/甲/大.md'), '# 大\n' + 'x'.repeat(MAX_FILE_BYTES));
    const loaded = loadVault(vault);
    expect(loaded.docs.map((d) => d.title)).toEqual(['小文件']);
    expect(loaded.skipped).toEqual([{ path: '01-博客/甲/大.md', reason: 'file too large (4.0 MB, limit 4 MB)' }]);
  });
});
