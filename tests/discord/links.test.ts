import { describe, expect, test } from 'vitest';
import type { Linkable } from '../../src/digest/links.js';
import { docEntry, fitEntries, maskedLink, replyLinks, type LinkLookup } from '../../src/discord/render/links.js';
import { NOT_WEB } from '../helpers/urls.js';

const BASE = 'https://digest.example.com/';
const TOPIC_PAGE = 'https://digest.example.com/00-%E5%85%83%E8%AF%AD/OpenAI';

/** A vault of one topic page and one article, as the engine would answer. */
const vault: LinkLookup = {
  topicPage: (name) => (name === 'OpenAI' ? { path: '00-元语/OpenAI.md', url: '' } : undefined),
  resolveLink: (target) => (target === '01-博客/a' ? { path: '01-博客/a.md', url: 'https://example.com/a' } : undefined),
};

describe('maskedLink', () => {
  test('a web address links the escaped label; parentheses and backslashes in it are encoded', () => {
    expect(maskedLink('维基 [百科]', 'https://en.wikipedia.org/wiki/Chip_(computing)', 200)).toBe(
      '[维基 \\[百科\\]](https://en.wikipedia.org/wiki/Chip_%28computing%29)',
    );
    expect(maskedLink('a', 'https://example.com/?q=a\\b', 10)).toBe('[a](https://example.com/?q=a%5Cb)');
  });

  test('the label is cut, never the address', () => {
    const url = `https://example.com/${'x'.repeat(500)}`;
    expect(maskedLink('英伟达发布新一代推理芯片', url, 8)).toBe(`[英伟…（已截断）](${url})`);
  });

  test('anything but a web address gives the escaped text alone', () => {
    for (const bad of NOT_WEB) expect(maskedLink('**标题**', bad, 100), JSON.stringify(bad)).toBe('\\*\\*标题\\*\\*');
    expect(maskedLink('**标题**', undefined, 100)).toBe('\\*\\*标题\\*\\*');
  });

  test('a blank label is not linked: Discord would show nothing to click', () => {
    expect(maskedLink('', 'https://example.com/', 100)).toBe('');
  });
});

describe('replyLinks', () => {
  test('documents: source, else site page; topics: their page on the site; related: the vault’s document', () => {
    const links = replyLinks(BASE, vault);
    expect(links.doc({ path: '01-博客/a.md', url: 'https://example.com/a' })).toBe('https://example.com/a');
    expect(links.doc({ path: '01-博客/a.md', url: '' })).toBe('https://digest.example.com/01-%E5%8D%9A%E5%AE%A2/a');
    expect(links.topic('OpenAI')).toBe(TOPIC_PAGE);
    expect(links.topic('没有页面的主题')).toBeUndefined();
    expect(links.related('01-博客/a')).toEqual({ path: '01-博客/a.md', url: 'https://example.com/a' });
    expect(links.related('01-博客/不在库中')).toBeUndefined();
  });

  test('without a site, only sources link', () => {
    const links = replyLinks(undefined, vault);
    expect(links.doc({ path: '01-博客/a.md', url: '' })).toBeUndefined();
    expect(links.doc({ path: '01-博客/a.md', url: 'https://example.com/a' })).toBe('https://example.com/a');
    expect(links.topic('OpenAI')).toBeUndefined();
  });
});

describe('docEntry', () => {
  const doc: Linkable = { path: '01-博客/Amp/编程智能体已死.md', url: '' };

  test('linked title when the document has an address', () => {
    expect(docEntry('编程智能体已死', doc, replyLinks(BASE, vault), 100)).toEqual({
      full: '[编程智能体已死](https://digest.example.com/01-%E5%8D%9A%E5%AE%A2/Amp/%E7%BC%96%E7%A8%8B%E6%99%BA%E8%83%BD%E4%BD%93%E5%B7%B2%E6%AD%BB)',
      short: '编程智能体已死',
    });
  });

  test('else the title and its vault path as text, escaped', () => {
    expect(docEntry('编程*智能体*已死', { ...doc, url: 'obsidian://open?file=x' }, replyLinks(undefined, vault), 100)).toEqual({
      full: '编程\\*智能体\\*已死 · 01-博客/Amp/编程智能体已死.md',
      short: '编程\\*智能体\\*已死',
    });
  });
});

describe('fitEntries', () => {
  const entries = ['一', '二', '三'].map((n) => ({ full: `[${n}](https://example.com/${n.repeat(10)})`, short: n }));

  test('all in full when they fit', () => {
    expect(fitEntries(entries, '\n', 1000)).toBe(entries.map((e) => e.full).join('\n'));
  });

  test('as many in full as the room allows, in order, and every entry named', () => {
    const two = entries[0]!.full.length + entries[1]!.full.length + '\n三'.length + 1;
    expect(fitEntries(entries, '\n', two)).toBe(`${entries[0]!.full}\n${entries[1]!.full}\n三`);
    expect(fitEntries(entries, '、', 10)).toBe('一、二、三');
  });

  test('when even the short entries are too long, cut without leaving half a link', () => {
    const long = [{ full: '[很长的标题](https://example.com/)', short: '很长的标题'.repeat(10) }];
    expect(fitEntries(long, '\n', 20)).toBe('很长的标题很长的标题很长的标…（已截断）');
  });
});
