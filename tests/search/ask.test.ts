import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../src/search/engine.js';
import { cleanupTemp, copyVault, FILES, tempDir, writeVaultFile } from '../helpers/vault.js';

let engine: Engine;

beforeAll(async () => {
  engine = await openEngine({ dir: copyVault({ byteFixtures: true }), cacheDir: tempDir('digest-cache-'), persist: false });
});
afterAll(cleanupTemp);

const article = (title: string, summary: string, body: string) =>
  `---\ntitle: "${title}"\n发布日期: 2026-01-01\n---\n\n## 摘要\n\n${summary}\n\n## 正文\n\n${body}\n`;
/** An engine over a small vault of these files, by vault path. */
const engineOver = (files: Record<string, string>) => {
  const dir = tempDir('digest-small-');
  for (const [path, text] of Object.entries(files)) writeVaultFile(dir, path, text);
  return openEngine({ dir, cacheDir: tempDir('digest-cache-'), persist: false });
};

const paths = (query: string, options?: Parameters<Engine['ask']>[1]) => engine.ask(query, options).results.map((r) => r.path);

describe('Engine.ask', () => {
  it('returns the article whose bullet states the fact first, with that bullet first', () => {
    const answer = engine.ask('Spark 的生成速度是多少');
    const top = answer.results[0]!;
    expect(top.path).toBe(FILES.arsTechnica);
    expect(top.url).toBe('https://arstechnica.com/ai/2026/02/openai-sidesteps-nvidia/');
    expect(top.bullets[0]).toMatchObject({ kind: 'keyPoint', text: '极致生成速度：代码生成速度超过每秒 1000 个 Token，比上一代快约 15 倍。' });
    expect(answer.total).toBe(answer.results.length);
    expect(answer.nearestTopics).toEqual([]);
  });

  it('labels a matching risk bullet as a risk', () => {
    const top = engine.ask('速率限制').results[0]!;
    expect(top.path).toBe(FILES.openaiBlog);
    expect(top.bullets[0]).toMatchObject({ kind: 'risk', text: '研究预览阶段的速率限制较严格。' });
  });

  it('returns only bullets that match, by a question word before by a synonym, each with a positive score', () => {
    // 召回 is a thesaurus synonym of 检索; the risk bullet matches neither.
    const top = engine.ask('大海捞针 召回率').results[0]!;
    expect(top.path).toBe(FILES.google);
    expect(top.bullets.map((b) => [b.kind, b.text])).toEqual([
      ['keyPoint', '在一百万 Token 的“大海捞针”测试中召回率接近百分之百。'],
      ['keyPoint', '多条事实同时检索时准确率明显下降。'],
    ]);
    for (const bullet of top.bullets) expect(bullet.score).toBeGreaterThan(0);
  });

  it('gives each hit the record fields a renderer needs', () => {
    const top = engine.ask('盗刷').results[0]!;
    expect(top).toMatchObject({
      path: FILES.cloudflare,
      id: engine.idOf(FILES.cloudflare),
      title: '有害组合：当微小信号叠加成安全事故',
      url: 'https://blog.cloudflare.com/toxic-combinations-security/',
      date: '2026-02-27',
      author: 'Cloudflare',
      sourceName: 'Cloudflare',
      oneLine: 'Cloudflare 认为多个轻微信号叠加后会形成可利用的攻击链。',
      topics: ['security'],
      related: [],
    });
    expect(top.bullets.map((b) => b.text)).toEqual(['支付路径上流量突增而成功率下滑，往往意味着盗刷测试。']);
  });

  it('ranks results by score, best first', () => {
    const scores = engine.ask('Codex Spark').results.map((r) => r.score);
    expect(scores.length).toBe(2);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('finds the name the vault glosses (英伟达) in articles that state it', () => {
    expect(paths('英伟达').sort()).toEqual([FILES.arsTechnica, FILES.openaiBlog].sort());
    const official = engine.ask('英伟达').results.find((r) => r.path === FILES.openaiBlog)!;
    expect(official.bullets.map((b) => b.text)).toEqual(['模型由 Cerebras 提供推理算力，而不是英伟达（Nvidia）的 GPU。']);
  });

  it('answers a full-width or upper-case query like its plain form', () => {
    expect(engine.ask('ＳＰＡＲＫ 生成速度').results).toEqual(engine.ask('spark 生成速度').results);
  });

  it('finds nothing for a query that shares no word with the vault', () => {
    const answer = engine.ask('xyzzy plugh 量子纠缠');
    expect(answer.results).toEqual([]);
    expect(answer.total).toBe(0);
    expect(Array.isArray(answer.nearestTopics)).toBe(true);
  });

  it('finds nothing for a query made only of stop words', () => {
    expect(engine.ask('是什么？')).toEqual({ query: '是什么？', results: [], total: 0, nearestTopics: [] });
    expect(engine.ask('')).toEqual({ query: '', results: [], total: 0, nearestTopics: [] });
  });

  it('names the nearest topics when only a topic page matches', () => {
    const answer = engine.ask('图形处理器');
    expect(answer.results).toEqual([]);
    expect(answer.nearestTopics).toEqual(['英伟达']);
  });

  it('never returns topic pages as answers', () => {
    for (const query of ['OpenAI', 'Claude Code', 'LLM 大语言模型', '英伟达 芯片']) {
      expect(paths(query).filter((p) => p.startsWith('00-元语/'))).toEqual([]);
    }
  });

  it('keeps only articles dated on or after `since`', () => {
    expect(paths('Codex Spark')).toEqual([FILES.openaiBlog, FILES.arsTechnica]);
    expect(paths('Codex Spark', { since: '2026-02-13' })).toEqual([FILES.openaiBlog]);
    expect(paths('Codex Spark', { since: '2026-02-12' })).toEqual([FILES.openaiBlog, FILES.arsTechnica]);
    const none = engine.ask('Codex Spark', { since: '2027-01-01' });
    expect([none.results, none.total]).toEqual([[], 0]);
    expect(Array.isArray(none.nearestTopics)).toBe(true);
  });

  it('pages with limit and offset, and reports the total', () => {
    const first = engine.ask('Codex Spark', { limit: 1 });
    expect([first.results.map((r) => r.path), first.total]).toEqual([[FILES.openaiBlog], 2]);
    const second = engine.ask('Codex Spark', { limit: 1, offset: 1 });
    expect([second.results.map((r) => r.path), second.total]).toEqual([[FILES.arsTechnica], 2]);
    expect(engine.ask('Codex Spark', { offset: 5 }).results).toEqual([]);
  });

  it('echoes the query as asked', () => {
    expect(engine.ask('  Spark 速度  ').query).toBe('  Spark 速度  ');
  });
});

describe('Engine.ask with words common to most summaries', () => {
  // Forty articles on 训练 and 模型, words in nearly every summary; one of them, and one more, on 晶圆.
  let common: Engine;
  const article = (title: string, summary: string) => `---\ntitle: ${title}\n---\n\n## 摘要\n\n${summary}\n\n**要点**\n\n- ${summary}\n`;
  beforeAll(async () => {
    const vault = tempDir('digest-common-');
    for (let i = 0; i < 40; i++) writeVaultFile(vault, `01-博客/甲/模型${i}.md`, article(`模型笔记${i}`, `第${i}篇讲训练模型的经验。`));
    writeVaultFile(vault, '01-博客/甲/模型0.md', article('模型笔记0', '这篇讲晶圆上训练模型的经验。'));
    writeVaultFile(vault, '01-博客/乙/晶圆.md', article('晶圆笔记', '这篇只讲晶圆切割。'));
    common = await openEngine({ dir: vault, cacheDir: tempDir('digest-cache-'), persist: false });
  });

  it('counts a common word towards the articles a rarer word found', () => {
    expect(common.ask('晶圆 训练 模型').results[0]?.path).toBe('01-博客/甲/模型0.md');
  });

  it('still finds articles for a question of common words only', () => {
    expect(common.ask('训练模型').total).toBe(40);
  });
});

describe('Engine.ask for the latest news', () => {
  let twins: Engine;
  // The same report twice, a year apart: only the question can tell which one it wants.
  const report = (date: string) => `---\ntitle: 晶圆切割工艺进展\n发布日期: ${date}\n---\n\n## 摘要\n\n晶圆切割工艺的最新进展。\n\n**要点**\n\n- 最近晶圆切割良率提升。\n`;
  beforeAll(async () => {
    const vault = tempDir('digest-latest-');
    writeVaultFile(vault, '01-博客/甲/a.md', report('2024-05-01'));
    writeVaultFile(vault, '01-博客/甲/b.md', report('2025-05-01'));
    twins = await openEngine({ dir: vault, cacheDir: tempDir('digest-cache-'), persist: false });
  });

  it('puts the newer of equal answers first when the question asks for the latest', () => {
    expect(twins.ask('晶圆切割最新进展').results.map((r) => r.date)).toEqual(['2025-05-01', '2024-05-01']);
    expect(twins.ask('最近的晶圆切割良率').results[0]?.date).toBe('2025-05-01');
  });

  it('leaves equal answers in their order otherwise', () => {
    expect(twins.ask('晶圆切割工艺进展').results.map((r) => r.path)).toEqual(['01-博客/甲/a.md', '01-博客/甲/b.md']);
  });
});

describe('Engine.ask by shared characters', () => {
  let pair: Engine;
  // Two reports alike but for one word, among twenty on other things: only b.md's 良率 shares
  // characters with the question's 良品率.
  const report = (title: string, point: string) => `---\ntitle: ${title}\n---\n\n## 摘要\n\n${title}。\n\n**要点**\n\n- ${point}\n`;
  beforeAll(async () => {
    const vault = tempDir('digest-characters-');
    for (let i = 0; i < 20; i++) writeVaultFile(vault, `01-博客/乙/${i}.md`, report(`芯片笔记${i}`, `第${i}款芯片的功耗。`));
    writeVaultFile(vault, '01-博客/甲/a.md', report('晶圆切割报告甲', '晶圆切割设备出货。'));
    writeVaultFile(vault, '01-博客/甲/b.md', report('晶圆切割报告乙', '晶圆切割良率提升。'));
    pair = await openEngine({ dir: vault, cacheDir: tempDir('digest-cache-'), persist: false });
  });

  it('ranks first the article whose summary says the question’s word in other words sharing its characters', () => {
    const [first, second] = pair.ask('晶圆切割的良品率').results;
    expect(first?.path).toBe('01-博客/甲/b.md');
    expect(first!.score).toBeGreaterThan(second!.score);
  });
});

describe('Engine.ask with a long word and its pieces', () => {
  let pair: Engine;
  const note = (title: string) => `---\ntitle: ${title}\n---\n\n## 摘要\n\n${title}。\n`;
  beforeAll(async () => {
    const vault = tempDir('digest-families-');
    // One in twelve of these says 切割 (cutting): a word rare enough to be looked up everywhere.
    for (let i = 0; i < 200; i++) writeVaultFile(vault, `01-博客/乙/${i}.md`, note(i % 12 ? `第${i}根内存条的时序` : `第${i}款晶圆切割设备`));
    writeVaultFile(vault, '01-博客/甲/服务器.md', note('服务器机柜的散热'));
    writeVaultFile(vault, '01-博客/甲/芯片.md', note('芯片功耗与主频'));
    writeVaultFile(vault, '01-博客/甲/激光.md', note('激光切割机的选购'));
    pair = await openEngine({ dir: vault, cacheDir: tempDir('digest-cache-'), persist: false });
  });

  it('counts a word once, not once per piece the segmenter also yields (服务器, 服务, 务器)', () => {
    // 服务器 is one of the question's three words: the article with the other two answers it better.
    expect(pair.ask('服务器芯片功耗').results[0]?.path).toBe('01-博客/甲/芯片.md');
  });

  it('does not take an article holding only a common piece of the word for one on the word', () => {
    // 切割机 (cutter) segments as 切割|割机|切割机; an article on 切割 alone covers a part of it.
    expect(pair.ask('切割机').results.map((r) => r.path)).toEqual(['01-博客/甲/激光.md']);
  });
});

describe('Engine.ask with synonyms', () => {
  it('finds an article written in one language for a question in the other, and orders its bullets by the question’s words', async () => {
    const notes = Object.fromEntries(['一', '二', '三'].map((name) => [`01-博客/甲/${name}.md`, article(`笔记${name}`, '- 谈写作。', '好的提示词（Prompt）要说清目标。')]));
    const synonyms = await engineOver({ ...notes, '01-博客/乙/目标.md': article('写给新手的提示词清单', '- 提示词要先写目标。\n- 提示词里给出示例效果更稳。', '正文。') });
    const top = synonyms.ask('prompt 示例').results[0]!;
    expect(top.path).toBe('01-博客/乙/目标.md');
    expect(top.bullets.map((b) => b.text)).toEqual(['提示词里给出示例效果更稳。', '提示词要先写目标。']);
  });

  it('finds an article by a name its topic page gives as an alias', async () => {
    const aliases = await engineOver({
      '00-元语/rag.md': '## 定义\n\nRAG（Retrieval-Augmented Generation，检索增强生成）是先检索再生成的应用模式。\n',
      '01-博客/甲/评测.md': article('RAG 系统的评测清单', '- RAG 评测要看召回率。', '正文。\n\n## 关联主题\n\n- [[00-元语/rag]]'),
      '01-博客/乙/评测.md': article('图像模型的评测清单', '- 评测要看清晰度。', '正文。'),
    });
    expect(aliases.ask('检索增强生成 评测').results.map((r) => r.path)).toEqual(['01-博客/甲/评测.md']);
  });

  it('finds an article that says a question’s word in a near-synonym from the thesaurus', async () => {
    // The thesaurus groups 裁员 with 减员.
    const near = await engineOver({
      '01-博客/甲/减员.md': article('一家芯片公司的年终调整', '- 公司年底减员三成。', '正文。'),
      '01-博客/乙/扩招.md': article('一家芯片公司的年终计划', '- 公司年底扩招三成。', '正文。'),
    });
    expect(near.ask('裁员').results.map((r) => r.path)).toEqual(['01-博客/甲/减员.md']);
  });

  it('reads a thesaurus word whole though jieba’s dictionary lacks it, so its synonyms count', async () => {
    // jieba alone cuts 闪退 into 闪|退; the thesaurus groups it with 崩溃.
    const taught = await engineOver({
      '01-博客/甲/崩溃.md': article('新版客户端的问题', '- 新版本启动后频繁崩溃。', '正文。'),
      '01-博客/乙/退款.md': article('订阅的问题', '- 用户可以申请退款。', '正文。'),
    });
    expect(taught.ask('闪退').results.map((r) => r.path)).toEqual(['01-博客/甲/崩溃.md']);
  });

  it('credits a bullet with a longer form of a Latin question word, though the thesaurus also lists it as a synonym', async () => {
    // The thesaurus groups agent with agents: a synonym alone picks no bullet, but agents is also agent's own longer form.
    const prefix = await engineOver({ '01-博客/甲/协作.md': article('多智能体协作框架', '- 多个 agents 分工完成任务。\n- 界面简洁。', '正文。') });
    expect(prefix.ask('agent').results[0]!.bullets.map((b) => b.text)).toEqual(['多个 agents 分工完成任务。']);
  });
});


describe('Engine.ask with a title that opens with a name', () => {
  it('ranks first the article whose title opens with the name the question holds', async () => {
    const named = await engineOver({
      '02-资源/工具/FFmpeg.md': article('FFmpeg：Mirror of git', '- 社区活跃度：音视频处理项目，Stars 57332。', '正文。'),
      '02-资源/工具/yt-dlp.md': article('yt-dlp：音视频下载工具', '- 外部依赖：音视频处理需要 FFmpeg。\n- 热度：项目 Stars 12000。', '正文。'),
    });
    expect(named.ask('FFmpeg 这个音视频处理项目有多少 Stars').results.map((r) => r.path)).toEqual(['02-资源/工具/FFmpeg.md', '02-资源/工具/yt-dlp.md']);
  });

  it('keeps as an answer the article its title names, though its summary says little else of the question', async () => {
    const named = await engineOver({
      '02-资源/工具/gosearch.md': article('gosearch：Search anyone’s digital footprint', '- 覆盖 300+ websites。', '正文。'),
      '02-资源/工具/其他.md': article('网站监控工具', '- 监控网站的可用性。', '正文。'),
    });
    expect(named.ask('gosearch 能查一个人在多少个网站上的足迹').results.map((r) => r.path)).toEqual(['02-资源/工具/gosearch.md']);
  });
});

describe('Engine.ask with a title that opens with a common name', () => {
  it('gives no boost to a title opening with a name most summaries hold', async () => {
    const notes = Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`01-博客/甲/笔记${i}.md`, article(`笔记${i}`, '- 谈 AI 的近况。', '正文。')]));
    const common = await engineOver({
      ...notes,
      '01-博客/乙/写作.md': article('用 AI 写作的技巧', '- AI 写作先列提纲。', '正文。'),
      '02-资源/工具/ai.md': article('ai：The AI Toolkit for TypeScript', '- 工具包附带写作示例。', '正文。'),
    });
    expect(common.ask('AI 写作').results.map((r) => r.path)).toEqual(['01-博客/乙/写作.md', '02-资源/工具/ai.md']);
  });
});

describe('Engine.ask choosing bullets by their labels', () => {
  it('shows first the bullet whose label holds a question word', async () => {
    const labelled = await engineOver({
      '02-资源/工具/Postiz.md': article('Postiz：社交媒体排期工具', '- 核心功能：平台账号统一管理，跨平台排期。\n- 多平台支持：支持 X、Instagram、LinkedIn、TikTok、Reddit 等主流社交与社区网站。', '正文。'),
    });
    expect(labelled.ask('Postiz 可以发到哪些平台').results[0]!.bullets.map((b) => b.text)[0]).toBe('多平台支持：支持 X、Instagram、LinkedIn、TikTok、Reddit 等主流社交与社区网站。');
  });

  it('shows a bullet no question word matched when its label holds a synonym of one, after those matched', async () => {
    // The thesaurus groups 图片 with 图像.
    const labelled = await engineOver({
      '02-资源/工具/tmux.md': article('tmux：终端复用器', '- 会话管理：终端里分屏和保持会话。\n- 图像支持：已合并 SIXEL 分支。\n- 许可：ISC。', '正文。'),
    });
    expect(labelled.ask('tmux 能在终端里显示图片吗').results[0]!.bullets.map((b) => b.text)).toEqual(['会话管理：终端里分屏和保持会话。', '图像支持：已合并 SIXEL 分支。']);
  });

  it('shows a bullet holding only a synonym of a question word, after those the question’s words matched', async () => {
    // The thesaurus groups 裁员 with 减员.
    const shown = await engineOver({ '01-博客/甲/调整.md': article('一家芯片公司的年终调整', '- 公司年底调整架构。\n- 年底减员三成。\n- 新品明年发布。', '正文。') });
    expect(shown.ask('芯片公司 架构 裁员').results[0]!.bullets.map((b) => b.text)).toEqual(['公司年底调整架构。', '年底减员三成。']);
  });

  it('shows first the bullet whose label holds a thesaurus synonym of a question word', async () => {
    // The thesaurus groups 取代 with 替代.
    const labelled = await engineOver({
      '02-资源/工具/Wax.md': article('Wax：端侧记忆层', '- 核心定位：传统的记忆层。\n- 替代 RAG：免去传统的复杂检索管线。', '正文。'),
    });
    expect(labelled.ask('Wax 想取代哪种传统做法').results[0]!.bullets.map((b) => b.text)).toEqual(['替代 RAG：免去传统的复杂检索管线。', '核心定位：传统的记忆层。']);
  });
});
