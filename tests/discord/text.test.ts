import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CUT_MARK, escapeVault, maskedLink, truncate, vaultText, webUrl } from '../../src/discord/text.js';

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

describe('urls', () => {
  test('only http and https urls pass', () => {
    expect(webUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(webUrl('http://example.com')).toBe('http://example.com/');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'ftp://example.com', 'file:///etc/passwd', '', '不是链接']) {
      expect(webUrl(bad)).toBeUndefined();
    }
  });

  test('a masked link keeps its parentheses inside the address', () => {
    expect(maskedLink('维基 [百科]', 'https://en.wikipedia.org/wiki/Chip_(computing)', 200)).toBe(
      '[维基 \\[百科\\]](https://en.wikipedia.org/wiki/Chip_%28computing%29)',
    );
  });

  test('without a web url, a masked link is just the escaped text', () => {
    expect(maskedLink('**标题**', 'javascript:alert(1)', 100)).toBe('\\*\\*标题\\*\\*');
  });
});
