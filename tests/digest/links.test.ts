import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { docLink, pageSlug, pageUrl, webUrl } from '../../src/digest/links.js';
import { NOT_WEB } from '../helpers/urls.js';

const BASE = 'https://digest.example.com/';

describe('webUrl', () => {
  test('an http(s) address passes, parsed: whitespace and control characters gone or encoded', () => {
    expect(webUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(webUrl('  HTTP://Example.com  ')).toBe('http://example.com/');
    expect(webUrl('https://example.com/a\n/b\tc')).toBe('https://example.com/a/bc');
    expect(webUrl('https://example.com/路径?q=芯片')).toBe('https://example.com/%E8%B7%AF%E5%BE%84?q=%E8%8A%AF%E7%89%87');
  });

  test('nothing else passes: other schemes, relative and protocol-relative paths, credentials', () => {
    for (const bad of NOT_WEB) expect(webUrl(bad), JSON.stringify(bad)).toBeUndefined();
  });
});

describe('docLink: the source, else the page on the site, else none', () => {
  const doc = { path: '01-博客/Amp/编程智能体已死.md', url: '' };
  const page = 'https://digest.example.com/01-%E5%8D%9A%E5%AE%A2/Amp/%E7%BC%96%E7%A8%8B%E6%99%BA%E8%83%BD%E4%BD%93%E5%B7%B2%E6%AD%BB';

  test('a web source wins, with or without a site', () => {
    expect(docLink({ ...doc, url: 'https://ampcode.com/news/x' }, BASE)).toBe('https://ampcode.com/news/x');
    expect(docLink({ ...doc, url: 'https://ampcode.com/news/x' }, undefined)).toBe('https://ampcode.com/news/x');
  });

  test('no source, or one that is not a web address: the page on the site', () => {
    expect(docLink(doc, BASE)).toBe(page);
    for (const bad of NOT_WEB) expect(docLink({ ...doc, url: bad }, BASE)).toBe(page);
  });

  test('neither: no link', () => {
    expect(docLink(doc, undefined)).toBeUndefined();
    expect(docLink({ ...doc, url: 'javascript:alert(1)' }, undefined)).toBeUndefined();
    expect(docLink({ path: '01-博客/a.MD', url: '' }, BASE)).toBeUndefined();
  });
});

describe('pageSlug: Quartz v4 slugs', () => {
  test('drops .md and keeps Chinese, case and fullwidth punctuation', () => {
    expect(pageSlug('00-元语/OpenAI.md')).toBe('00-元语/OpenAI');
    expect(pageSlug('OpenAI 绕过英伟达：在“餐盘大小”的芯片上推出超快编程模型.md')).toBe('OpenAI-绕过英伟达：在“餐盘大小”的芯片上推出超快编程模型');
  });

  test('whitespace to -, & to -and-, % to -percent, ? and # removed, in every folder too', () => {
    expect(pageSlug('02-资源/AI 应用/one-api：LLM API 管理 & 分发系统.md')).toBe('02-资源/AI-应用/one-api：LLM-API-管理--and--分发系统');
    expect(pageSlug('02-资源/jan：runs 100% offline.md')).toBe('02-资源/jan：runs-100-percent-offline');
    expect(pageSlug('01-博客/x/Why LLMs? #1.md')).toBe('01-博客/x/Why-LLMs-1');
    expect(pageSlug('01-博客/a\tb\u3000c.md')).toBe('01-博客/a-b-c');
  });

  test('leaves everything else alone: commas, parentheses, dots, other extensions', () => {
    expect(pageSlug('01-博客/a/GPT-5.2 (preview), 说明.md')).toBe('01-博客/a/GPT-5.2-(preview),-说明');
    expect(pageSlug('附件/图.png')).toBe('附件/图.png');
  });

  test('_index is index; README is an ordinary page', () => {
    expect(pageSlug('00-元语/_index.md')).toBe('00-元语/index');
    expect(pageSlug('00-元语/README.md')).toBe('00-元语/README');
    expect(pageSlug('notes/my_index.md')).toBe('notes/my_index');
  });
});

describe('pageUrl', () => {
  test('base plus the slug, each segment percent-encoded', () => {
    expect(pageUrl(BASE, '00-元语/OpenAI.md')).toBe('https://digest.example.com/00-%E5%85%83%E8%AF%AD/OpenAI');
    expect(pageUrl(BASE, '01-博客/Amp/编程智能体已死.md')).toBe(
      'https://digest.example.com/01-%E5%8D%9A%E5%AE%A2/Amp/%E7%BC%96%E7%A8%8B%E6%99%BA%E8%83%BD%E4%BD%93%E5%B7%B2%E6%AD%BB',
    );
    expect(pageUrl(BASE, '02-资源/x/nocodb：A Free & Self-hostable Airtable Alternative.md')).toBe(
      'https://digest.example.com/02-%E8%B5%84%E6%BA%90/x/nocodb%EF%BC%9AA-Free--and--Self-hostable-Airtable-Alternative',
    );
  });

  test('parentheses and quotes are encoded, so the address survives inside a markdown link', () => {
    expect(pageUrl(BASE, "a/Chip (v2) it's *new*!.md")).toBe('https://digest.example.com/a/Chip-%28v2%29-it%27s-%2Anew%2A%21');
  });

  test('a base with a folder, with or without its trailing slash; query and fragment dropped', () => {
    expect(pageUrl('https://me.github.io/digest', '00-元语/AI.md')).toBe('https://me.github.io/digest/00-%E5%85%83%E8%AF%AD/AI');
    expect(pageUrl('https://me.github.io/digest/', '00-元语/AI.md')).toBe('https://me.github.io/digest/00-%E5%85%83%E8%AF%AD/AI');
    expect(pageUrl('http://localhost:8080/?x=1#top', 'a.md')).toBe('http://localhost:8080/a');
  });

  test('an index page is its folder; the root index is the site', () => {
    expect(pageUrl(BASE, '00-元语/index.md')).toBe('https://digest.example.com/00-%E5%85%83%E8%AF%AD/');
    expect(pageUrl(BASE, '00-元语/_index.md')).toBe('https://digest.example.com/00-%E5%85%83%E8%AF%AD/');
    expect(pageUrl(BASE, 'index.md')).toBe('https://digest.example.com/');
    expect(pageUrl(BASE, '00-元语/README.md')).toBe('https://digest.example.com/00-%E5%85%83%E8%AF%AD/README');
  });

  test('no page for what Quartz does not publish, nor for a path that would leave its folder', () => {
    for (const path of ['01-博客/a.MD', '附件/图.png', '', '.md', 'a//b.md', '../secret.md', 'a/../../b.md', 'a/./b.md']) {
      expect(pageUrl(BASE, path), path).toBeUndefined();
    }
  });

  test('any vault path gives a page under the base, or none', () => {
    const segment = fc.string({ unit: fc.constantFrom('芯', 'a', ' ', '.', '?', '#', '%', '&', '(', ')', '\\', ':', '@', '/', '`', '\n'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), (segments) => {
        const url = pageUrl('https://digest.example.com/site/', `${segments.join('/')}.md`);
        if (url === undefined) return;
        const parsed = new URL(url);
        expect(parsed.origin).toBe('https://digest.example.com');
        expect(parsed.pathname.startsWith('/site/')).toBe(true);
        expect(parsed.href).toBe(url);
        expect(url).not.toMatch(/[\s()]/);
      }),
    );
  });
});
