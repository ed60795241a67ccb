/**
 * The one rule for where a reply links a vault file: its source (原文链接, 项目主页 …) when that is a
 * web address, else its page on the published digest site when there is one, else nowhere (the
 * reply then shows the vault path as text). Used by every renderer, terminal and Discord.
 */

/** A document as far as its link goes. */
export interface Linkable {
  /** Relative to the vault, with `.md`. */
  path: string;
  /** The source as the vault gives it; anything but an http(s) address is ignored. */
  url: string;
}

/** The address of a document, or undefined when it has none (then show `doc.path`). */
export function docLink(doc: Linkable, siteBase: string | undefined): string | undefined {
  return webUrl(doc.url) ?? (siteBase ? pageUrl(siteBase, doc.path) : undefined);
}

/**
 * `url` as a clean http(s) address, else undefined: Discord only links web addresses, and a
 * `javascript:`, `file:` or `obsidian://` link, a relative path or `//host` must never become one.
 * The parsed form is returned, so whitespace and control characters are gone or encoded.
 */
export function webUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  // `https://trusted.example@evil.example` shows one host and opens another.
  if (parsed.username || parsed.password) return undefined;
  return parsed.href;
}

/**
 * The slug of a vault file's page when the vault is built into a static site, e.g.
 * `01-博客/OpenAI/GPT-5-发布` for `01-博客/OpenAI/GPT 5 发布.md`. The rule is Quartz's (v4), the usual
 * generator for Obsidian vaults, so a link the bot makes opens the page Quartz made:
 *
 * - the path loses its `.md`; each folder and the file name keep their case and their Chinese;
 * - in each segment, whitespace becomes `-`, `&` becomes `-and-`, `%` becomes `-percent`, and `?`
 *   and `#` are removed (nothing else: `：`, `（`, `,` stay as written);
 * - `_index` is `index`, the page of its folder (see pageUrl); any other name, `README` among them,
 *   is a page of its own.
 */
export function pageSlug(path: string): string {
  const slug = path
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.md$/, '')
    .split('/')
    .map((segment) => segment.replace(/\s/g, '-').replace(/&/g, '-and-').replace(/%/g, '-percent').replace(/[?#]/g, ''))
    .join('/');
  return slug.replace(/(^|\/)_index$/, '$1index');
}

/**
 * The address of a vault file's page on the site at `base` (an http(s) URL, e.g. DIGEST_BASE_URL),
 * or undefined when the path cannot be a page: Quartz publishes only `.md` files (not `.MD`), and a
 * segment `.` or `..` would resolve to another page.
 */
export function pageUrl(base: string, path: string): string | undefined {
  if (!path.endsWith('.md')) return undefined;
  const segments = pageSlug(path).split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return undefined;
  // The folder page: `folder/index` is served as `folder/`, the root `index` as the site itself.
  if (segments[segments.length - 1] === 'index') segments[segments.length - 1] = '';
  const root = new URL(base);
  root.search = '';
  root.hash = '';
  if (!root.pathname.endsWith('/')) root.pathname += '/';
  return root.href + segments.map(encodeSegment).join('/');
}

/** Every character but unreserved ones encoded, parentheses too: a markdown link ends at `)`. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
