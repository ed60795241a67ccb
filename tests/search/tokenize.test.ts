import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/digest/parse.js';
import { addWords } from '../../src/search/jieba.js';
import { STOP_WORDS } from '../../src/search/stopwords.js';
import { isOneWord, normalize, splitCompound, tokenize } from '../../src/search/tokenize.js';
import { buildVocabulary, glossesOf, phraseSet } from '../../src/search/vocabulary.js';

// nodejieba's dictionary is global to the process: the test that adds words runs last in this file.

describe('tokenize: Latin text', () => {
  it('keeps a model name whole and also yields its parts and adjacent pairs, lower-cased', () => {
    expect(tokenize('GPT-5.3-Codex-Spark')).toEqual(['gpt-5.3-codex-spark', 'gpt', '5.3', 'codex', 'spark', 'gpt-5.3', '5.3-codex', 'codex-spark']);
  });

  it('gives a two-part name no pairs beyond the name itself', () => {
    expect(tokenize('Codex-Spark')).toEqual(['codex-spark', 'codex', 'spark']);
  });

  it('keeps dotted and symbol names such as Node.js and C++', () => {
    expect(tokenize('Node.js 与 C++')).toEqual(['node.js', 'node', 'js', 'c++']);
  });

  it('folds full-width letters and digits', () => {
    expect(tokenize('ＯｐｅｎＡＩ')).toEqual(['openai']);
    expect(tokenize('ＧＰＴ－５')).toEqual(['gpt-5', 'gpt', '5']);
    expect(normalize('ＡＢＣ１２３')).toBe('abc123');
  });

  it('drops punctuation and English stop words', () => {
    expect(tokenize('What is the   Claude Code?!')).toEqual(['claude', 'code']);
    expect(tokenize('，。！？、；：“”（）…… --- ...')).toEqual([]);
  });

  it('drops a trailing dot or apostrophe from a word', () => {
    expect(tokenize("It ends with version 5.3. Users'")).toEqual(['ends', 'version', '5.3', 'users']);
  });
});

describe('tokenize: Han text', () => {
  it('segments Han runs and drops Chinese stop words and question words', () => {
    expect(tokenize('芯片的速度是什么')).toEqual(['芯片', '速度']);
  });

  it('segments mixed text in order', () => {
    expect(tokenize('OpenAI 在芯片上推出GPT-5模型')).toEqual(['openai', '芯片', '推出', 'gpt-5', 'gpt', '5', '模型']);
  });

  it('returns nothing for blank text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\t ')).toEqual([]);
  });
});

describe('splitCompound', () => {
  it('splits on joiners but not on a dot between digits', () => {
    expect(splitCompound('gpt-5.3-codex')).toEqual(['gpt', '5.3', 'codex']);
    expect(splitCompound('node.js')).toEqual(['node', 'js']);
    expect(splitCompound('a_b/cd')).toEqual(['cd']);
    expect(splitCompound('plain')).toEqual(['plain']);
  });
});

describe('isOneWord', () => {
  it('tells a name the tokenizer reads whole, as one word, from text it reads otherwise', () => {
    expect(['rag', 'code-review', 'c++', 'gpt-5.3', 'node.js'].filter(isOneWord)).toEqual(['rag', 'code-review', 'c++', 'gpt-5.3', 'node.js']);
    expect(['large language model', 'gpt.', '检索', 'rag检索', '', '-rag'].filter(isOneWord)).toEqual([]);
  });

  it('holds only for text that tokenize yields whole, stop words aside', () => {
    const text = fc.array(fc.constantFrom('a', 'B', '7', '-', '.', '+', '#', "'", '/', ' ', '_'), { maxLength: 8 }).map((parts) => normalize(parts.join('')));
    fc.assert(
      fc.property(text, (sample) => {
        if (isOneWord(sample) && !STOP_WORDS.has(sample)) expect(tokenize(sample)[0]).toBe(sample);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('tokenize: phrases', () => {
  it('adds a known multi-word name as one extra token', () => {
    const phrases = phraseSet(['claude code', 'large language model']);
    expect(tokenize('用 Claude Code 写代码', phrases)).toEqual(['claude', 'code', 'claude code', '写', '代码']);
    expect(tokenize('a Large Language Model', phrases)).toEqual(['large', 'language', 'model', 'large language model']);
  });

  it('does not add a phrase whose words are split by Han text', () => {
    expect(tokenize('Claude 的 Code', phraseSet(['claude code']))).toEqual(['claude', 'code']);
  });
});

describe('tokenize: properties', () => {
  it('never throws and returns only non-empty lower-case tokens without whitespace at the ends', () => {
    const pieces = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('GPT-5.3-Codex', 'ＯｐｅｎＡＩ', '英伟达的芯片', 'C++', 'node.js', "it's", '  ', '\u3000', 'İstanbul', 'ΣΑΣ', 'ﬃ', 'Claude Code'),
    );
    const phrases = phraseSet(['claude code', 'gpt 5']);
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 6 }), (parts) => {
        for (const token of tokenize(parts.join(' '), phrases)) {
          expect(token.length).toBeGreaterThan(0);
          expect(token).toBe(token.trim());
          expect(token).toBe(token.toLowerCase());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('analyses a text the same way each time', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        expect(tokenize(text)).toEqual(tokenize(text));
      }),
      { numRuns: 100 },
    );
  });
});

describe('tokenize with the vault vocabulary', () => {
  it('keeps 英伟达 whole once buildVocabulary has taught it to jieba', () => {
    expect(tokenize('英伟达')).toEqual(['英', '伟达']);
    const docs = [
      parseDocument('01-博客/甲/一.md', '# 一\n\n## 正文\n\n据报道，英伟达（Nvidia）将发布新芯片。\n'),
      parseDocument('01-博客/乙/二.md', '# 二\n\n## 正文\n\n芯片巨头英伟达（Nvidia）公布财报。\n'),
    ];
    const vocabulary = buildVocabulary(docs, docs.map(glossesOf));
    expect(vocabulary.words).toEqual(['英伟达']);
    addWords(vocabulary.words);
    const tokens = tokenize('英伟达的芯片');
    expect(tokens).toContain('英伟达');
    expect(tokens).not.toContain('英');
    expect(tokens).toContain('芯片');
  });
});
