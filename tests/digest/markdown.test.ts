import { describe, expect, it } from 'vitest';
import { collectBullets, findWikiLinks, firstUrl, matchBullet, paragraphText, plainText, splitSections } from '../../src/digest/markdown.js';

describe('splitSections', () => {
  it('splits on headings of the given level and keeps the preamble in an unnamed section', () => {
    expect(splitSections(['前言', '## 甲', 'a', '### 子标题', 'b', '## 乙', 'c'], 2)).toEqual([
      { heading: '', lines: ['前言'] },
      { heading: '甲', lines: ['a', '### 子标题', 'b'] },
      { heading: '乙', lines: ['c'] },
    ]);
  });

  it('ignores headings inside ``` and ~~~ fences', () => {
    expect(splitSections(['## 甲', '```', '## 不是标题', '```', '~~~', '## 也不是', '~~~'], 2)).toEqual([
      { heading: '', lines: [] },
      { heading: '甲', lines: ['```', '## 不是标题', '```', '~~~', '## 也不是', '~~~'] },
    ]);
  });
});

describe('plainText', () => {
  it('removes emphasis, code ticks, images and link syntax', () => {
    expect(plainText('**粗体** 与 *斜体* 和 `code` ![图](a.png) [链接](https://x.y) 结束')).toBe('粗体 与 斜体 和 code 链接 结束');
  });

  it('shows wikilinks by alias, else by the last segment of the target', () => {
    expect(plainText('见 [[01-博客/OpenAI/某文|某文别名]] 与 [[00-元语/LLM]]')).toBe('见 某文别名 与 LLM');
  });

  it('collapses whitespace and trims', () => {
    expect(plainText('  一\n\n二\t三  ')).toBe('一 二 三');
  });

  it('keeps a lone asterisk used as multiplication', () => {
    expect(plainText('2 * 3 = 6')).toBe('2 * 3 = 6');
  });

  it('reads a link and drops an image whose address holds parentheses', () => {
    expect(plainText('[维基](https://zh.wikipedia.org/wiki/A_(B)) 与 ![图](https://x.y/a_(1).png) 后')).toBe('维基 与 后');
  });

  it('keeps runs of unclosed link syntax as text, however long the line', () => {
    // Matched by backtracking regexes these took quadratic time: a 300 KB line, minutes.
    for (const unit of ['[', '[[', '![', '[a](', '[[a|', '![a](']) {
      const line = unit.repeat(300_000 / unit.length);
      expect(plainText(line)).toBe(line);
    }
  });
});

describe('matchBullet', () => {
  it('recognises -, *, +, • and numbered items with their indent', () => {
    expect(matchBullet('- 甲')).toEqual({ indent: 0, text: '甲' });
    expect(matchBullet('*   乙')).toEqual({ indent: 0, text: '乙' });
    expect(matchBullet('  + 丙')).toEqual({ indent: 2, text: '丙' });
    expect(matchBullet('• 丁')).toEqual({ indent: 0, text: '丁' });
    expect(matchBullet('3) 戊')).toEqual({ indent: 0, text: '戊' });
    expect(matchBullet('12. 己')).toEqual({ indent: 0, text: '己' });
    expect(matchBullet('2、庚')).toBeNull();
    expect(matchBullet('\t- 辛')).toEqual({ indent: 4, text: '辛' });
  });

  it('rejects lines that are not list items', () => {
    expect(matchBullet('普通文字')).toBeNull();
    expect(matchBullet('**粗体**')).toBeNull();
    expect(matchBullet('2026. 年份开头的句子')).toBeNull();
  });
});

describe('collectBullets', () => {
  it('folds nested items and continuation lines into their parent', () => {
    expect(collectBullets(['- 父项：', '  - 子项一', '  - 子项二', '- 第二项', '  接着写的一行', '', '- 第三项'])).toEqual([
      '父项： 子项一 子项二',
      '第二项 接着写的一行',
      '第三项',
    ]);
  });

  it('ignores text before the first bullet and drops items that are empty once plain', () => {
    expect(collectBullets(['引言', '- **甲**', '- ![图](a.png)'])).toEqual(['甲']);
  });
});

describe('paragraphText', () => {
  it('joins the non-list lines', () => {
    expect(paragraphText(['第一句。', '- 列表项', '第二句。'])).toBe('第一句。 第二句。');
  });
});

describe('findWikiLinks', () => {
  it('reads targets and aliases, dropping .md and #anchors', () => {
    expect(findWikiLinks('[[00-元语/OpenAI]] [[01-博客/a/b.md|别名]] [[c#小节|C]] [[ ]]')).toEqual([
      { target: '00-元语/OpenAI', alias: '' },
      { target: '01-博客/a/b', alias: '别名' },
      { target: 'c', alias: 'C' },
    ]);
  });
});

describe('firstUrl', () => {
  it('returns the first http(s) link, stopping at CJK punctuation and brackets', () => {
    expect(firstUrl('见 https://example.com/a，以及 https://b.example')).toBe('https://example.com/a');
    expect(firstUrl('（http://example.com/x）')).toBe('http://example.com/x');
    expect(firstUrl('[官网](https://example.com/y)')).toBe('https://example.com/y');
    expect(firstUrl('没有链接')).toBe('');
  });
});
