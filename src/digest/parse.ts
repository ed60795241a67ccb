import { extractAliases } from './aliases.js';
import { readFrontMatter, pickMeta, type Meta } from './frontMatter.js';
import { collectBullets, findWikiLinks, firstUrl, paragraphText, plainText, splitSections, withoutImages, type RawSection } from './markdown.js';
import { parseSummary } from './summary.js';
import type { DigestDoc, DocKind, RelatedDoc, Section } from './types.js';

/** A file that cannot become a record; the loader reports its path and this message. */
export class DigestParseError extends Error {
  override name = 'DigestParseError';
}

const KEYS = {
  date: ['发布日期', '发布时间', '日期', 'date', 'published', 'pubDate', '记录日期', '创建时间', '更新日期', 'created'],
  author: ['作者', 'author', 'authors', '译者'],
  source: ['来源', 'source', '站点', '出处', 'site', '媒体'],
  url: ['原文链接', '原文', '原始链接', '原帖链接', 'url', 'link', 'source_url', 'sourceUrl', '链接', '来源链接'],
  homepage: ['项目主页', '官方网站', '官网', '项目仓库', '仓库链接', '仓库', '主页', 'homepage', 'repo', 'repository', '来源仓库'],
} as const;

const SUMMARY_HEADING = /^(摘要|概要|总结|summary|tl;?dr)$/i;
const RELATED_HEADING = /^(相关文档|相关文章|相关阅读|延伸阅读|related)/i;
const TOPICS_HEADING = /^(关联主题|相关主题|主题|topics?|tags?)$/i;
/** Sections whose list items may carry metadata, as older files put it in the body. */
const META_HEADING = /^(元信息|基本信息|文章信息|信息|元数据|metadata|来源|出处|链接)$/i;

export function kindOf(path: string): DocKind {
  const top = path.split('/')[0] ?? '';
  if (top.includes('元语')) return 'topic';
  if (top.includes('博客')) return 'article';
  if (top.includes('资源')) return 'resource';
  if (top.includes('图书')) return 'book';
  // Vaults laid out differently (or a single file at the root) hold articles by default.
  return 'article';
}

/** Parses one vault file. `path` is relative to the vault, with forward slashes. */
export function parseDocument(path: string, text: string): DigestDoc {
  if (text.includes('\u0000')) throw new DigestParseError('binary content (NUL bytes)');
  // U+2028 and U+2029 end lines too, and JavaScript's `.` stops at them: left in, a `(.*)$` that
  // cannot reach the end of the line backtracks over the whole line, quadratic in its length.
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?|[\u2028\u2029]/g, '\n');
  if (!normalized.trim()) throw new DigestParseError('empty file');
  const { meta, body } = readFrontMatter(normalized);
  const lines = body.split('\n');
  const sections = splitSections(lines, 2);
  const byHeading = (pattern: RegExp): RawSection | undefined =>
    sections.find((s) => pattern.test(s.heading.replace(/^\d+[.)、]\s*/, '')));

  const bodyMeta = readBodyMeta(sections);
  const get = (keys: readonly string[]) => pickMeta(meta, keys) || pickMeta(bodyMeta, keys);
  const kind = kindOf(path);
  const fileName = (path.split('/').pop() ?? path).replace(/\.md$/i, '');
  const title = plainText(pickMeta(meta, ['title', '标题']) || firstHeading(lines) || fileName);

  const summarySection = byHeading(SUMMARY_HEADING);
  const summary = summarySection ? parseSummary(summarySection.lines) : { oneLine: '', keyPoints: [], risks: [] };
  if (kind === 'resource') fillFromProfile(summary, sections);

  const definitionSection = byHeading(/^(定义|释义|definition)$/i);
  const definition = kind === 'topic' ? paragraphText(definitionSection?.lines ?? sections[0]?.lines ?? []) : '';

  const related = byHeading(RELATED_HEADING);
  const topicsSection = byHeading(TOPICS_HEADING);
  const urlText = get(KEYS.url) || get(KEYS.homepage) || (byHeading(/^链接$/)?.lines.join('\n') ?? '');
  const source = get(KEYS.source);

  return {
    path,
    kind,
    title,
    date: normalizeDate(get(KEYS.date)),
    author: plainText(get(KEYS.author)),
    sourceName: /^https?:/i.test(source) ? hostName(source) : plainText(source),
    url: firstUrl(urlText) || (/^https?:/i.test(source) ? firstUrl(source) : ''),
    oneLine: summary.oneLine,
    keyPoints: summary.keyPoints,
    risks: summary.risks,
    topics: topicsSection ? unique(findWikiLinks(topicsSection.lines.join('\n')).map((l) => lastSegment(l.target))) : [],
    related: related ? parseRelated(related.lines) : [],
    sections: bodySections(sections, [summarySection, related, topicsSection]),
    definition,
    aliases: kind === 'topic' ? extractAliases(fileName, title, definition) : [],
  };
}

function firstHeading(lines: string[]): string {
  let inFence = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    else if (!inFence && /^#\s+\S/.test(line)) return line.replace(/^#\s+/, '').trim();
  }
  return '';
}

/**
 * `- 作者：X` / `- **原文链接**: https://…` after the list marker or quote sign. No two runs of
 * whitespace in it can match the same spaces, so a long blank line fails in linear time.
 */
const META_LINE = /^(?:[-*+](?=\s)|>)?\s*(?:\*\*)?([^\s*:：][^*:：]{0,11}?)(?:\*\*)?\s*[:：]\s*(?:\*\*)?(.+)$/;

/** `- 作者：X` / `- **原文链接**: https://…` lines, in the preamble or a metadata section. */
function readBodyMeta(sections: RawSection[]): Meta {
  const meta: Meta = {};
  for (const section of sections) {
    if (section.heading && !META_HEADING.test(section.heading)) continue;
    for (const line of section.lines) {
      const m = META_LINE.exec(line.trimStart());
      if (m && !(m[1]!.trim() in meta)) meta[m[1]!.trim()] = plainText(m[2]!);
    }
  }
  return meta;
}

/** Resource profiles often summarise in one paragraph; their 核心功能 and 限制 sections stand in for bullets. */
function fillFromProfile(summary: { keyPoints: string[]; risks: string[] }, sections: RawSection[]): void {
  // The first such section that has list items: 功能与定位 is often a paragraph, 核心功能 a list.
  const bulletsOf = (pattern: RegExp) =>
    sections.filter((s) => pattern.test(s.heading)).map((s) => collectBullets(s.lines)).find((b) => b.length > 0) ?? [];
  if (summary.keyPoints.length === 0) summary.keyPoints.push(...bulletsOf(/^(核心功能|功能与定位|主要功能|典型使用场景)$/));
  if (summary.risks.length === 0) summary.risks.push(...bulletsOf(/^(限制与注意事项|限制|注意事项|局限)$/));
}

function parseRelated(lines: string[]): RelatedDoc[] {
  const related: RelatedDoc[] = [];
  for (const line of lines) {
    const [link] = findWikiLinks(line);
    if (!link) continue;
    const after = line.slice(line.indexOf(']]') + 2);
    const reason = plainText(after.replace(/^[\s;；,，:：—–-]+/, ''));
    related.push({ target: link.target, title: link.alias || lastSegment(link.target), reason });
  }
  return related;
}

function bodySections(sections: RawSection[], exclude: (RawSection | undefined)[]): Section[] {
  return sections
    .filter((s) => !exclude.includes(s))
    .map((s) => ({ heading: s.heading, text: withoutImages(s.lines.join('\n')).trim() }))
    .filter((s) => s.text.length > 0);
}

/** `2026-02-22`, `2026/2/22`, `2026年2月22日` and ISO timestamps all become `2026-02-22`. */
export function normalizeDate(text: string): string {
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text);
  if (!m) return '';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return '';
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function hostName(url: string): string {
  try {
    return new URL(firstUrl(url)).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

function lastSegment(target: string): string {
  return target.split('/').pop()!.trim();
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}
