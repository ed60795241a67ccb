import { describe, expect, it } from 'vitest';
import { metaText, pickMeta, readFrontMatter } from '../../src/digest/frontMatter.js';

describe('readFrontMatter', () => {
  it('splits YAML front matter from the body', () => {
    const result = readFrontMatter('---\ntitle: "标题"\n作者:\n  - 甲\n  - 乙\n---\n正文\n');
    expect(result.meta).toEqual({ title: '标题', 作者: ['甲', '乙'] });
    expect(result.body.trim()).toBe('正文');
    expect(result.warning).toBeUndefined();
  });

  it('returns the whole text as body when there is no front matter', () => {
    expect(readFrontMatter('# 标题\n\n---\n\n正文\n')).toEqual({ meta: {}, body: '# 标题\n\n---\n\n正文\n' });
  });

  it('reads broken YAML line by line and says so', () => {
    const result = readFrontMatter('---\ntitle: "坏"\n备注: 来源: 内部: 整理\n作者: \'王五\'\n---\n\n正文\n');
    expect(result.meta).toEqual({ title: '坏', 备注: '来源: 内部: 整理', 作者: '王五' });
    expect(result.body).toBe('\n正文\n');
    expect(result.warning).toMatch(/^front matter YAML: /);
  });

  it('reads front matter with many thousands of blank lines', () => {
    // gray-matter's own comment stripping is quadratic in blank lines: this took minutes through it.
    const result = readFrontMatter('---\n' + '\n'.repeat(200_000) + 'title: 甲\n---\n正文\n');
    expect(result).toEqual({ meta: { title: '甲' }, body: '正文\n' });
  });

  it('gives empty metadata for front matter that is a list or a scalar', () => {
    expect(readFrontMatter('---\n- a\n- b\n---\n正文\n').meta).toEqual({});
    expect(readFrontMatter('---\n42\n---\n正文\n').meta).toEqual({});
  });
});

describe('metaText', () => {
  it('renders strings, numbers, booleans, dates and lists as text', () => {
    expect(metaText('  文字  ')).toBe('文字');
    expect(metaText(42)).toBe('42');
    expect(metaText(true)).toBe('true');
    expect(metaText(new Date('2026-01-05T00:00:00Z'))).toBe('2026-01-05');
    expect(metaText(['甲', '', null, 3])).toBe('甲, 3');
  });

  it('renders nothing for missing values, invalid dates and objects', () => {
    expect(metaText(undefined)).toBe('');
    expect(metaText(null)).toBe('');
    expect(metaText(new Date('not a date'))).toBe('');
    expect(metaText({ a: 1 })).toBe('');
  });
});

describe('pickMeta', () => {
  it('returns the first key that has a value, matching keys without case', () => {
    expect(pickMeta({ URL: '', Link: 'https://b', 原文链接: null }, ['原文链接', 'url', 'link'])).toBe('https://b');
    expect(pickMeta({ ' Author ': '甲' }, ['author'])).toBe('甲');
    expect(pickMeta({}, ['title'])).toBe('');
  });
});
