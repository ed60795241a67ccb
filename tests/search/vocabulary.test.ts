import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/digest/parse.js';
import type { DigestDoc } from '../../src/digest/types.js';
import { bracketStretches, buildVocabulary, GLOSSED, GLOSSED_REVERSE, glossesOf, glossSynonyms, mergeSynonyms, phraseSet, topicSynonyms } from '../../src/search/vocabulary.js';

const article = (path: string, body: string): DigestDoc => parseDocument(path, `# 文章\n\n## 正文\n\n${body}\n`);

describe('glossesOf', () => {
  it('finds in the stretches around brackets every match the patterns find in the whole text', () => {
    const glosses = ['深度学习框架（PyTorch）', '晶圆级引擎 (Wafer Scale Engine)', 'Claude Code Max（命令行工具）', 'GPT-5 （大模型）'];
    const pieces = [...glosses, '英伟达', '的', 'Nvidia', 'Wafer Scale', ' ', '\n', '（', '）', '(', ')', '，', '。', 'x', '“'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
    const matches = (texts: string[], pattern: RegExp) => texts.flatMap((t) => [...t.matchAll(pattern)].map((m) => m.slice(0, 3)));
    fc.assert(
      fc.property(text, (sample) => {
        for (const pattern of [GLOSSED, GLOSSED_REVERSE]) expect(matches(bracketStretches(sample), pattern)).toEqual(matches([sample], pattern));
      }),
      { numRuns: 500 },
    );
  });

  it('reads a Han name glossed by a Latin one, and the reverse', () => {
    expect(glossesOf(article('01-博客/甲/一.md', '据报道，英伟达（Nvidia）与 Wafer Scale Engine（晶圆级引擎）。'))).toEqual([
      ['英伟达', 'nvidia'],
      ['晶圆级引擎', 'wafer scale engine'],
    ]);
  });

  it('reads glosses in the summary as well as the body, each once', () => {
    const doc = parseDocument('01-博客/甲/二.md', '# 题\n\n## 摘要\n\n- 台积电（TSMC）代工。\n\n## 正文\n\n再说台积电（TSMC）。\n');
    expect(glossesOf(doc)).toEqual([['台积电', 'tsmc']]);
  });

  it('leaves a negating 非 off the glossed name', () => {
    expect(glossesOf(article('01-博客/甲/三.md', '首个在非英伟达（Nvidia）硬件上运行的模型。'))).toEqual([['英伟达', 'nvidia']]);
  });

  it('keeps the word a last character jieba split off belongs to (提示|词), but not a grammatical one', () => {
    expect(glossesOf(article('01-博客/甲/四.md', '编写提示词（Prompt）时，先说目标。'))).toEqual([['提示词', 'prompt']]);
    expect(glossesOf(article('01-博客/甲/五.md', '我们使用的（API）。'))).toEqual([['', 'api']]);
  });
});

describe('glossSynonyms', () => {
  const files = (...glosses: [string, string][][]) => glosses;

  it('links the words of a pair glossed in three files, both ways', () => {
    const synonyms = glossSynonyms(files([['提示词', 'prompt']], [['提示词', 'prompt']], [['提示词', 'prompt'], ['英伟达', 'nvidia']]));
    expect([...synonyms]).toEqual([
      ['提示词', ['prompt']],
      ['prompt', ['提示词']],
    ]);
  });

  it('links no word that the vault glosses mostly otherwise, nor a pair in fewer than three files', () => {
    const poc = Array.from({ length: 3 }, () => [['验证', 'poc']] as [string, string][]);
    const mvp = Array.from({ length: 4 }, () => [['验证', 'mvp']] as [string, string][]);
    expect(glossSynonyms([...poc, ...mvp]).get('poc')).toBeUndefined();
    expect(glossSynonyms([...mvp]).get('验证')).toEqual(['mvp']);
    expect(glossSynonyms(files([['英伟达', 'nvidia']], [['英伟达', 'nvidia']])).size).toBe(0);
  });

  it('counts a pair once per file, and leaves out one-character and multi-word names', () => {
    expect(glossSynonyms(files([['英伟达', 'nvidia'], ['英伟达', 'nvidia'], ['英伟达', 'nvidia']])).size).toBe(0);
    const glossed = Array.from({ length: 3 }, () => [['体', 'agent'], ['晶圆级引擎', 'wafer scale engine'], ['', 'api']] as [string, string][]);
    expect(glossSynonyms(glossed).size).toBe(0);
  });
});

describe('topicSynonyms', () => {
  const vocabulary = { words: ['检索增强生成', '大语言模型'], phrases: ['retrieval augmented generation'] };

  it('links a topic name and each alias its page gives, all ways', () => {
    const synonyms = topicSynonyms([{ name: 'RAG', aliases: ['Retrieval Augmented Generation', '检索增强生成'] }], vocabulary);
    expect([...synonyms]).toEqual([
      ['rag', ['retrieval augmented generation', '检索增强生成']],
      ['retrieval augmented generation', ['rag', '检索增强生成']],
      ['检索增强生成', ['rag', 'retrieval augmented generation']],
    ]);
  });

  it('leaves out names a question is not read into as one term, and topics without aliases', () => {
    const synonyms = topicSynonyms(
      [
        { name: 'llm', aliases: ['Large Language Model', '大语言模型', '语言模型'] },
        { name: 'OpenAI', aliases: [] },
      ],
      vocabulary,
    );
    expect([...synonyms]).toEqual([
      ['llm', ['大语言模型']],
      ['大语言模型', ['llm']],
    ]);
  });
});

describe('mergeSynonyms', () => {
  it('gives each word the synonyms of every map, each once', () => {
    const merged = mergeSynonyms(new Map([['llm', ['模型']]]), new Map([['llm', ['大语言模型', '模型']], ['rag', ['检索增强生成']]]));
    expect([...merged]).toEqual([
      ['llm', ['模型', '大语言模型']],
      ['rag', ['检索增强生成']],
    ]);
  });
});

describe('buildVocabulary', () => {
  const topics = [
    parseDocument('00-元语/Claude Code.md', '## 定义\n\nClaude Code 是终端编程智能体，又称“克劳德代码”。\n'),
    parseDocument('00-元语/LLM.md', '## 定义\n\nLLM（Large Language Model，大语言模型）是模型。\n'),
    parseDocument('00-元语/英伟达.md', '## 定义\n\n英伟达（NVIDIA）是芯片公司。\n'),
  ];

  it('picks up topic names and the aliases topic pages state', () => {
    expect(buildVocabulary(topics, topics.map(() => []))).toEqual({
      words: ['克劳德代码', '大语言模型', '英伟达'],
      phrases: ['claude code', 'large language model'],
    });
  });

  it('picks up a name glossed in two files, but not one glossed in a single file', () => {
    const docs = [
      article('01-博客/甲/一.md', '据报道，英伟达（Nvidia）将发布新芯片；寒武纪（Cambricon）也在跟进。'),
      article('01-博客/乙/二.md', '芯片巨头英伟达（Nvidia）公布财报，Claude Opus（克劳德旗舰）上线。'),
      article('01-博客/丙/三.md', 'Claude Opus（克劳德旗舰）再次更新。'),
    ];
    expect(buildVocabulary(docs, docs.map((doc) => glossesOf(doc)))).toEqual({ words: ['克劳德旗舰', '英伟达'], phrases: ['claude opus'] });
  });

  it('adds the known Han words it is given, but not Latin or one-character ones, which jieba never cuts', () => {
    expect(buildVocabulary([], [], ['闪退', '卡顿', 'crash', '卡', 'a卡'])).toEqual({ words: ['卡顿', '闪退'], phrases: [] });
  });

  it('ignores names that are too long and articles that are not topic pages', () => {
    const docs = [article('01-博客/甲/Claude Code.md', '正文'), parseDocument('00-元语/一个非常非常长的主题名称啊.md', '## 定义\n\n定义。\n')];
    expect(buildVocabulary(docs, [[], []])).toEqual({ words: [], phrases: [] });
  });
});

describe('phraseSet', () => {
  it('knows its phrases and the longest one in words', () => {
    const set = phraseSet(['claude code', 'large language model']);
    expect([set.has('claude code'), set.has('claude'), set.maxWords]).toEqual([true, false, 3]);
    expect(phraseSet([]).maxWords).toBe(0);
  });
});
