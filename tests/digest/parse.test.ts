import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DigestParseError, kindOf, normalizeDate, parseDocument } from '../../src/digest/parse.js';

const ARTICLE = '01-博客/测试/文章.md';

/** Parses and drops the body sections, which most tests do not look at. */
function record(text: string, path = ARTICLE) {
  const { sections: _sections, ...rest } = parseDocument(path, text);
  return rest;
}

describe('kindOf', () => {
  it('tells the kind from the top-level folder', () => {
    expect(kindOf('00-元语/OpenAI.md')).toBe('topic');
    expect(kindOf('01-博客/OpenAI/x.md')).toBe('article');
    expect(kindOf('02-资源/通用开发工具/x.md')).toBe('resource');
    expect(kindOf('03-图书/x.md')).toBe('book');
  });

  it('treats files outside the known folders as articles', () => {
    expect(kindOf('笔记.md')).toBe('article');
    expect(kindOf('misc/notes.md')).toBe('article');
  });
});

describe('parseDocument: title', () => {
  it('reads the title from front matter when it has one', () => {
    const doc = record('---\ntitle: "前言里的标题"\n---\n\n# 正文里的标题\n');
    expect(doc.title).toBe('前言里的标题');
  });

  it('reads the title from the first heading when front matter has none', () => {
    expect(record('---\n作者: 甲\n---\n\n# 正文里的标题\n\n## 摘要\n\n一句话。\n').title).toBe('正文里的标题');
    expect(record('# 没有前言的标题\n\n正文。\n').title).toBe('没有前言的标题');
  });

  it('falls back to the file name when there is neither', () => {
    expect(record('## 摘要\n\n只有摘要。\n', '01-博客/测试/文件名标题.md').title).toBe('文件名标题');
  });

  it('strips markdown emphasis from the title', () => {
    expect(record('# **加粗** 的 `代码` 标题\n').title).toBe('加粗 的 代码 标题');
  });

  it('accepts the 标题 key as well as title', () => {
    expect(record('---\n标题: 中文键的标题\n---\n\n正文\n').title).toBe('中文键的标题');
  });
});

describe('parseDocument: metadata', () => {
  it('reads string metadata from front matter', () => {
    const doc = record(
      '---\ntitle: T\n原文链接: "https://example.com/a"\n发布日期: "2026-02-12"\n作者: "张三"\n来源: "Ars Technica"\n---\n\n正文\n',
    );
    expect([doc.url, doc.date, doc.author, doc.sourceName]).toEqual(['https://example.com/a', '2026-02-12', '张三', 'Ars Technica']);
  });

  it('joins a YAML list of authors with commas', () => {
    expect(record('---\ntitle: T\n作者:\n  - "Benj Edwards"\n  - "Kyle Orland"\n---\n\n正文\n').author).toBe('Benj Edwards, Kyle Orland');
    expect(record('---\ntitle: T\n作者: ["斋藤康毅"]\n---\n\n正文\n').author).toBe('斋藤康毅');
  });

  it('reads an unquoted YAML date as an ISO day', () => {
    expect(record('---\ntitle: T\n发布日期: 2026-01-05\n---\n\n正文\n').date).toBe('2026-01-05');
  });

  it('normalises dates written with slashes or as 年月日', () => {
    expect(record('---\ntitle: T\n发布日期: "2025/11/3"\n---\n\n正文\n').date).toBe('2025-11-03');
    expect(record('---\ntitle: T\n日期: "2026年2月13日"\n---\n\n正文\n').date).toBe('2026-02-13');
  });

  it('reads metadata from bullets in the body when front matter has none', () => {
    const doc = record(
      '# 标题\n\n- 作者：OpenAI 团队\n- **原文链接**：https://openai.com/index/x/\n- 发布日期：2026年2月13日\n- 来源：OpenAI 博客\n\n## 摘要\n\n一句话。\n',
    );
    expect([doc.author, doc.url, doc.date, doc.sourceName]).toEqual(['OpenAI 团队', 'https://openai.com/index/x/', '2026-02-13', 'OpenAI 博客']);
  });

  it('reads body metadata under a 元信息 heading', () => {
    const doc = record('# 标题\n\n## 元信息\n\n- 作者：甲\n- 原文：https://a.example/x\n- 日期：2025年3月4日\n\n## 摘要\n\n一句话。\n');
    expect([doc.author, doc.url, doc.date]).toEqual(['甲', 'https://a.example/x', '2025-03-04']);
  });

  it('prefers front matter over body bullets', () => {
    expect(record('---\ntitle: T\n作者: 前言作者\n---\n\n- 作者：正文作者\n').author).toBe('前言作者');
  });

  it('matches front matter keys without regard to case', () => {
    const doc = record('---\nTitle: T\nURL: https://example.com/upper\nAuthor: Someone\n---\n\n正文\n');
    expect([doc.url, doc.author]).toEqual(['https://example.com/upper', 'Someone']);
  });

  it('takes the source name from a URL source and uses it as the link when there is no other', () => {
    const doc = record('---\ntitle: T\nsource: "https://www.deepmind.google/blog/x"\n---\n\n正文\n');
    expect([doc.sourceName, doc.url]).toEqual(['deepmind.google', 'https://www.deepmind.google/blog/x']);
  });

  it('takes the source name from the first URL of a YAML list', () => {
    const doc = record('---\ntitle: T\n来源:\n  - "https://huggingface.co/learn"\n---\n\n正文\n');
    expect([doc.sourceName, doc.url]).toEqual(['huggingface.co', 'https://huggingface.co/learn']);
  });

  it('takes a post’s link (原帖链接) as its source link', () => {
    const doc = record('---\ntitle: T\n原文标题: "黑 on X"\n原帖链接: "https://x.com/a/status/1"\n---\n\n正文\n');
    expect(doc.url).toBe('https://x.com/a/status/1');
  });

  it('has no link where the source link field holds no address', () => {
    expect(record('---\ntitle: T\n原文链接: "见正文各条目链接"\n---\n\n正文\n').url).toBe('');
  });

  it('leaves missing metadata empty', () => {
    const doc = record('# 只有标题\n');
    expect([doc.date, doc.author, doc.sourceName, doc.url]).toEqual(['', '', '', '']);
  });
});

describe('parseDocument: line endings and encoding marks', () => {
  it('reads a file with CRLF line endings and a BOM like any other', () => {
    const text = '\uFEFF---\r\ntitle: "CRLF 标题"\r\n作者: 甲\r\n---\r\n\r\n## 摘要\r\n\r\n**一句话总结**\r\n一句话。\r\n\r\n**关键要点**\r\n- 要点一\r\n- 要点二\r\n';
    const doc = record(text);
    expect([doc.title, doc.author, doc.oneLine, doc.keyPoints]).toEqual(['CRLF 标题', '甲', '一句话。', ['要点一', '要点二']]);
  });

  it('breaks lines at U+2028 and U+2029 too', () => {
    const doc = parseDocument('01-博客/甲/文.md', '# 标题\u2028## 摘要\u2029一句话总结。\u2028- 要点一。');
    expect(doc).toMatchObject({ title: '标题', oneLine: '一句话总结。', keyPoints: ['要点一。'] });
  });

  it('reads a metadata bullet, and passes over a long blank line, in linear time', () => {
    // The metadata pattern once matched runs of blanks two ways: a 100 KB line took most of a minute.
    const doc = parseDocument('01-博客/甲/文.md', '# 标题\n' + ' '.repeat(200_000) + 'x\n-  作者：  **甲**\n');
    expect(doc.author).toBe('甲');
  });

  it('reads a file with old Mac CR line endings', () => {
    expect(record('# 标题\r\r## 摘要\r\r一句话。\r').oneLine).toBe('一句话。');
  });
});

describe('parseDocument: odd front matter', () => {
  it('recovers broken YAML front matter line by line', () => {
    const doc = record('---\ntitle: "坏掉的前言"\n备注: 来源: 内部: 整理\n作者: "王五"\n发布日期: 2025-12-01\n---\n\n## 摘要\n\n一句话。\n');
    expect([doc.title, doc.author, doc.date, doc.oneLine]).toEqual(['坏掉的前言', '王五', '2025-12-01', '一句话。']);
  });

  it('ignores front matter that is a list', () => {
    const doc = record('---\n- 第一项\n- 第二项\n---\n\n# 列表前言\n\n## 摘要\n\n一句话。\n');
    expect([doc.title, doc.oneLine, doc.author]).toEqual(['列表前言', '一句话。', '']);
  });

  it('ignores front matter that is a number', () => {
    const doc = record('---\n42\n---\n\n# 数字前言\n\n## 摘要\n\n一句话。\n');
    expect([doc.title, doc.oneLine]).toEqual(['数字前言', '一句话。']);
  });

  it('ignores front matter values that are objects', () => {
    expect(record('---\ntitle: {a: 1}\n作者: {name: 甲}\n---\n\n# 对象前言\n').title).toBe('对象前言');
  });
});

describe('parseDocument: unreadable input', () => {
  it('rejects an empty or blank file with DigestParseError', () => {
    expect(() => parseDocument(ARTICLE, '')).toThrow(DigestParseError);
    expect(() => parseDocument(ARTICLE, ' \n\t\r\n')).toThrow('empty file');
    expect(() => parseDocument(ARTICLE, '\uFEFF')).toThrow('empty file');
  });

  it('rejects text holding NUL bytes as binary', () => {
    expect(() => parseDocument(ARTICLE, '# 标题\u0000\u0001')).toThrow(new DigestParseError('binary content (NUL bytes)'));
  });
});

describe('parseDocument: sections', () => {
  it('reads topics from ## 关联主题 wikilinks, last segment, each once', () => {
    const doc = record('# T\n\n## 关联主题\n\n- [[00-元语/OpenAI]]\n- [[00-元语/llm|大模型]]\n- [[00-元语/OpenAI]]\n- [[00-元语/Claude Code.md]]\n');
    expect(doc.topics).toEqual(['OpenAI', 'llm', 'Claude Code']);
  });

  it('reads ## 相关文档 lines with their alias and stated reason', () => {
    const doc = record(
      '# T\n\n## 相关文档\n\n' +
        '- [[01-博客/OpenAI/推出 Spark|推出 Spark]]；关联理由：同一事件；说明：该文提供官方技术细节。\n' +
        '- [[01-博客/Simon Willison/十二条原则]]\n' +
        '没有链接的一行\n',
    );
    expect(doc.related).toEqual([
      { target: '01-博客/OpenAI/推出 Spark', title: '推出 Spark', reason: '关联理由：同一事件；说明：该文提供官方技术细节。' },
      { target: '01-博客/Simon Willison/十二条原则', title: '十二条原则', reason: '' },
    ]);
  });

  it('keeps other body sections, without the summary, related docs, topics or images', () => {
    const doc = parseDocument(
      ARTICLE,
      '# T\n\n## 摘要\n\n一句话。\n\n## 正文\n\n第一段。![图](a.png)\n\n## 空的部分\n\n## 相关文档\n\n- [[a/b]]\n\n## 关联主题\n\n- [[00-元语/x]]\n',
    );
    expect(doc.sections).toEqual([
      { heading: '', text: '# T' },
      { heading: '正文', text: '第一段。' },
    ]);
  });

  it('finds the summary under a numbered ## heading', () => {
    const doc = record('## 1. 摘要\n\n### 一句话总结\n一句话。\n### 关键要点\n- 甲\n');
    expect([doc.oneLine, doc.keyPoints]).toEqual(['一句话。', ['甲']]);
  });

  it('does not split sections on ## lines inside code fences', () => {
    const doc = parseDocument(ARTICLE, '# T\n\n## 正文\n\n```md\n## 摘要\n假的摘要\n```\n');
    expect(doc.oneLine).toBe('');
    expect(doc.sections[1]).toEqual({ heading: '正文', text: '```md\n## 摘要\n假的摘要\n```' });
  });
});

describe('parseDocument: resource profiles', () => {
  const PROFILE = '02-资源/AI-编程助手与Agent/工具.md';

  it('falls back to 核心功能 and 限制与注意事项 when the summary is one paragraph', () => {
    const doc = record(
      '---\ntitle: "工具"\n---\n\n## 摘要\n\n一段话的摘要。\n\n## 核心功能\n\n- 仓库地图：汇总代码结构。\n- 自动提交。\n\n' +
        '## 限制与注意事项\n\n- 依赖外部 API 密钥。\n\n## 链接\n\n- 仓库：https://github.com/example/tool\n- 文档：https://example.com/docs\n',
      PROFILE,
    );
    expect(doc).toMatchObject({
      kind: 'resource',
      oneLine: '一段话的摘要。',
      keyPoints: ['仓库地图：汇总代码结构。', '自动提交。'],
      risks: ['依赖外部 API 密钥。'],
      url: 'https://github.com/example/tool',
    });
  });

  it('keeps the summary bullets when the profile has them', () => {
    const doc = record('# 工具\n\n## 摘要\n\n- 摘要要点。\n\n## 核心功能\n\n- 核心功能要点。\n', PROFILE);
    expect(doc.keyPoints).toEqual(['摘要要点。']);
  });

  it('takes the link from a 项目主页 front matter key', () => {
    expect(record('---\ntitle: 工具\n项目主页: "https://github.com/a/b"\n---\n\n正文\n', PROFILE).url).toBe('https://github.com/a/b');
  });

  it('does not fall back to profile sections for articles', () => {
    expect(record('# T\n\n## 摘要\n\n一段话。\n\n## 核心功能\n\n- 不是要点。\n').keyPoints).toEqual([]);
  });
});

describe('parseDocument: topic pages', () => {
  it('reads the 定义 and the aliases the page states', () => {
    const doc = record(
      '# LLM\n\n## 定义\n\nLLM（Large Language Model，大语言模型）是基于海量文本训练的模型。\n\n## 核心内涵\n\n能力底座。\n\n## 相关词条\n\n- [[00-元语/OpenAI]]\n',
      '00-元语/LLM.md',
    );
    expect([doc.kind, doc.title, doc.definition, doc.aliases]).toEqual([
      'topic',
      'LLM',
      'LLM（Large Language Model，大语言模型）是基于海量文本训练的模型。',
      ['Large Language Model', '大语言模型'],
    ]);
  });

  it('reads an alias introduced by 又称', () => {
    const doc = record('## 定义\n\nClaude Code 是终端编程智能体，又称“克劳德代码”。\n', '00-元语/Claude Code.md');
    expect(doc.aliases).toEqual(['克劳德代码']);
  });

  it('uses the first section as the definition when there is no 定义 heading', () => {
    const doc = record('AI 指执行感知与推理任务的技术体系。\n\n- 不是定义的列表项\n\n## 其他\n\n别的。\n', '00-元语/AI.md');
    expect(doc.definition).toBe('AI 指执行感知与推理任务的技术体系。');
  });

  it('gives articles no definition or aliases', () => {
    const doc = record('## 定义\n\nLLM（Large Language Model）是模型。\n');
    expect([doc.definition, doc.aliases]).toEqual(['', []]);
  });
});

describe('normalizeDate', () => {
  it('turns the date formats the vault uses into YYYY-MM-DD', () => {
    expect(normalizeDate('2026-02-22')).toBe('2026-02-22');
    expect(normalizeDate('2026/2/2')).toBe('2026-02-02');
    expect(normalizeDate('2026.2.22')).toBe('2026-02-22');
    expect(normalizeDate('2026年2月22日')).toBe('2026-02-22');
    expect(normalizeDate('2013-12-26T13:05:46Z')).toBe('2013-12-26');
    expect(normalizeDate('发布于 2026 年 3 月 1 日')).toBe('2026-03-01');
  });

  it('returns empty for text that is not a date', () => {
    expect(normalizeDate('')).toBe('');
    expect(normalizeDate('昨天')).toBe('');
    expect(normalizeDate('2026-13-01')).toBe('');
    expect(normalizeDate('2026-00-10')).toBe('');
    expect(normalizeDate('2026-01-32')).toBe('');
  });
});

describe('parseDocument: properties', () => {
  const mdish = fc.array(
    fc.oneof(
      fc.constantFrom('---', '# ', '## 摘要', '## 相关文档', '## 关联主题', '### 关键要点', '**风险与不足**', '- ', '  - ', '1. ', '```', '[[', ']]', '|', '：', '（', '）', '\r\n', '\n', '\uFEFF', 'title: ', '作者: ', '发布日期: 2026-01-05', '[', ']', '{', '}', '"', "'", '\t', 'https://x.y/z'),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
    ),
    { maxLength: 40 },
  );

  it('never throws anything but DigestParseError, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), mdish.map((parts) => parts.join(''))), (text) => {
        try {
          const doc = parseDocument('01-博客/x/y.md', text);
          expect(typeof doc.title).toBe('string');
          expect(doc.date === '' || /^\d{4}-\d{2}-\d{2}$/.test(doc.date)).toBe(true);
        } catch (error) {
          if (!(error instanceof DigestParseError)) throw error;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('gives a serialisable record that survives a JSON round trip', () => {
    fc.assert(
      fc.property(mdish.map((parts) => '# 标题\n' + parts.join('')), (text) => {
        const doc = parseDocument('02-资源/x/y.md', text);
        expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseDocument: formats found in the wild', () => {
  it('takes a profile key points from the first listed section when 功能与定位 is a paragraph', () => {
    const doc = record('## 摘要\n\n一段话。\n\n## 功能与定位\n\n段落。\n\n## 核心功能\n\n- 甲\n- 乙\n', '02-资源/x/y.md');
    expect(doc.keyPoints).toEqual(['甲', '乙']);
  });

  it('survives a YAML alias that makes a list contain itself', () => {
    const doc = record('---\ntitle: T\n作者: &a [*a]\n---\n\nx\n');
    expect(doc.title).toBe('T');
    expect(doc.author).toBe('');
  });

  it('reads a leading rule without a closing one as body, not front matter', () => {
    const doc = record('---\n# 标题在分隔线后\n\n## 摘要\n\n一句话。\n');
    expect(doc.title).toBe('标题在分隔线后');
    expect(doc.oneLine).toBe('一句话。');
  });

  it('keeps the date as written when an unquoted timestamp carries a time zone', () => {
    expect(record('---\ntitle: T\n发布日期: 2026-01-05T02:00:00+08:00\n---\n\nx\n').date).toBe('2026-01-05');
  });

  it('ignores headings inside code fences when looking for the title', () => {
    expect(record('```bash\n# install\n```\n\n# 真标题\n\n正文\n').title).toBe('真标题');
  });
});
