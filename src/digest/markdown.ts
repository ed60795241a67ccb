/** Small markdown helpers shared by the digest parser: only what the vault's format needs. */

export interface RawSection {
  heading: string;
  /** Lines under the heading, up to the next heading of the same or a higher level. */
  lines: string[];
}

/** Splits text into `## ` sections; lines before the first heading go to a section with an empty heading. */
export function splitSections(lines: string[], level: number): RawSection[] {
  const marker = '#'.repeat(level) + ' ';
  const sections: RawSection[] = [{ heading: '', lines: [] }];
  let inFence = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (!inFence && line.startsWith(marker)) {
      sections.push({ heading: line.slice(marker.length).trim(), lines: [] });
    } else {
      sections[sections.length - 1]!.lines.push(line);
    }
  }
  return sections;
}

/*
 * Link syntax, written so that matching stays linear in the length of a line: a bracketed text may
 * not contain another opening bracket, and a link target holds at most one level of parentheses
 * (`…/Foo_(bar)`). Without that, a long run of `[` or `](` with no closer costs quadratic time,
 * and one such line of a few megabytes stops a build for hours.
 */
const TARGET = String.raw`\([^()]*(?:\([^()]*\)[^()]*)*\)`;
const IMAGE = new RegExp(String.raw`!\[[^[\]]*\]` + TARGET, 'g');
const LINK = new RegExp(String.raw`\[([^[\]]+)\]` + TARGET, 'g');
const WIKI_ALIASED = /\[\[([^[\]|]+)\|([^[\]]+)\]\]/g;
const WIKI = /\[\[([^[\]]+)\]\]/g;
const WIKI_PARTS = /\[\[([^[\]|#]+)(?:#[^[\]|]*)?(?:\|([^[\]]*))?\]\]/g;

/** Text without its embedded images (`![alt](src)`). */
export function withoutImages(text: string): string {
  return text.replace(IMAGE, '');
}

/** Removes emphasis, inline code ticks and link syntax so text reads plainly in any renderer. */
export function plainText(text: string): string {
  return withoutImages(text)
    .replace(WIKI_ALIASED, '$2')
    .replace(WIKI, (_m, target: string) => target.split('/').pop() ?? target)
    .replace(LINK, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/(^|[^*\w])\*(?!\s)([^*]+?)\*(?!\w)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const BULLET = /^(\s*)(?:[-*+•]|\d{1,3}[.)、])\s+(.*)$/;

export interface Bullet {
  indent: number;
  text: string;
}

/** Recognises a list item line, bulleted or numbered. */
export function matchBullet(line: string): Bullet | null {
  const m = BULLET.exec(line);
  if (!m) return null;
  return { indent: m[1]!.replace(/\t/g, '    ').length, text: m[2]! };
}

/**
 * Collects top-level list items; nested items and continuation lines are folded into their parent,
 * because a sub-list (e.g. "12 principles: 1. … 2. …") belongs to the point that introduces it.
 */
export function collectBullets(lines: string[]): string[] {
  const items: string[] = [];
  let baseIndent = -1;
  for (const line of lines) {
    if (!line.trim()) continue;
    const bullet = matchBullet(line);
    if (bullet && (baseIndent < 0 || bullet.indent <= baseIndent)) {
      baseIndent = bullet.indent;
      items.push(bullet.text);
    } else if (items.length > 0) {
      items[items.length - 1] += ' ' + (bullet ? bullet.text : line.trim());
    }
  }
  return items.map(plainText).filter((item) => item.length > 0);
}

/** Paragraph text of lines that are not list items, joined. */
export function paragraphText(lines: string[]): string {
  return plainText(lines.filter((line) => line.trim() && !matchBullet(line)).join(' '));
}

export interface WikiLink {
  target: string;
  alias: string;
}

export function findWikiLinks(text: string): WikiLink[] {
  const links: WikiLink[] = [];
  for (const m of text.matchAll(WIKI_PARTS)) {
    const target = m[1]!.trim().replace(/\.md$/i, '');
    if (!target) continue;
    links.push({ target, alias: (m[2] ?? '').trim() });
  }
  return links;
}

export function firstUrl(text: string): string {
  const m = /https?:\/\/[^\s"'<>）)\]，。；]+/i.exec(text);
  return m ? m[0] : '';
}
