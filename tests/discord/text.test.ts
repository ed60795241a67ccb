import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CUT_MARK, escapeVault, truncate, truncateMarkdown, vaultText } from '../../src/discord/text.js';

const unescape = (s: string) => s.replace(/\\(.)/gsu, '$1');

/** Markdown left unescaped (a backslash escapes the character after it); `~` and `|` only mark up in pairs. */
function unescapedMarkup(s: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if ('*_`[]'.includes(s[i]!)) found.push(s[i]!);
    else if ((s[i] === '~' || s[i] === '|') && s[i + 1] === s[i]) found.push(s[i]! + s[i]);
  }
  return found;
}

const markupChar = fc.constantFrom('芯', '片', '英', '伟', '达', '*', '_', '~', '|', '`', '[', ']', '(', ')', '\\', '#', '-', '>', ' ', '\n', '1', '.', '@', '😀');
const markupText = fc.string({ unit: markupChar, maxLength: 200 });

describe('truncate', () => {
  test('leaves text that fits alone', () => {
    expect(truncate('英伟达芯片', 5)).toBe('英伟达芯片');
  });

  test('cuts Chinese by character, not at spaces, and says it was cut', () => {
    expect(truncate('一二三四五六七八九十一二三四五六七八九十', 12)).toBe(`一二三四五六${CUT_MARK}`);
  });

  test('never splits an emoji in half', () => {
    const cut = truncate('😀😀😀😀😀😀😀😀😀😀', 9);
    expect(cut).toBe(`😀${CUT_MARK}`);
    expect(cut.length).toBe(8);
  });

  test('any text is cut to at most the limit, on code point boundaries, marked when cut', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 0, max: 300 }), (text, max) => {
        const cut = truncate(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        // No lone surrogate: an emoji is kept whole or dropped whole.
        expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(cut)).toBe(false);
        if (text.length <= max) expect(cut).toBe(text);
        else if (max > CUT_MARK.length) expect(cut.endsWith(CUT_MARK)).toBe(true);
      }),
    );
  });
});

describe('escapeVault', () => {
  test('escapes bold, italics, code, links, headings and quotes', () => {
    expect(escapeVault('**粗体** _斜体_ `代码` [链接](https://x.example)')).toBe('\\*\\*粗体\\*\\* \\_斜体\\_ \\`代码\\` \\[链接\\](https://x.example)');
    expect(escapeVault('# 标题\n> 引用\n-# 小字')).toBe('\\# 标题\n\\> 引用\n\\-# 小字');
  });

  test('any text: every markdown character is escaped, and unescaping gives the text back', () => {
    fc.assert(
      fc.property(markupText, (text) => {
        const escaped = escapeVault(text);
        expect(unescapedMarkup(escaped)).toEqual([]);
        expect(unescape(escaped)).toBe(text);
      }),
    );
  });

  test('vaultText escapes only what can show, with the same result as escaping all of it', () => {
    fc.assert(
      fc.property(markupText, fc.integer({ min: 0, max: 120 }), (text, max) => {
        expect(vaultText(text, max)).toBe(truncate(escapeVault(text), max));
      }),
    );
  });

  test('vaultText fits a line of a million characters without escaping all of it', () => {
    // escapeMarkdown is quadratic in a line's length: escaping it all would take hours.
    const line = 'a_*`'.repeat(250_000);
    expect(vaultText(line, 100)).toBe(truncate(escapeVault(line.slice(0, 200)), 100));
  });

  test('vaultText cuts after escaping, so a cut never exposes markdown', () => {
    fc.assert(
      fc.property(markupText, fc.integer({ min: 0, max: 120 }), (text, max) => {
        const fitted = vaultText(text, max);
        expect(fitted.length).toBeLessThanOrEqual(max);
        expect(unescapedMarkup(fitted.replace(CUT_MARK, ''))).toEqual([]);
      }),
    );
  });
});

describe('truncateMarkdown', () => {
  const LINK = '[英伟达](https://example.com/a)';

  test('a cut inside a link moves back to before it: no half link is left as raw text', () => {
    const text = `第一篇 ${LINK}\n第二篇 ${LINK}`;
    for (let max = text.length - 1; max > 20; max--) {
      const cut = truncateMarkdown(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.replace(CUT_MARK, '').replaceAll(LINK, '')).not.toMatch(/[[\]()]/);
    }
    expect(truncateMarkdown(text, 43)).toBe(`第一篇 ${LINK}\n第二篇 ${CUT_MARK}`);
    expect(truncateMarkdown(text, 27)).toBe(`第一篇 ${CUT_MARK}`);
  });

  test('escaped brackets are text, not links, and are cut like text', () => {
    expect(truncateMarkdown('\\[注释\\] 很长很长很长的一句话', 14)).toBe(`\\[注释\\] 很${CUT_MARK}`);
  });

  test('text that fits, links and all, is left alone', () => {
    expect(truncateMarkdown(LINK, LINK.length)).toBe(LINK);
  });
});
