import { docLink, webUrl, type Linkable } from '../../digest/links.js';
import { truncateMarkdown, vaultText } from '../text.js';

/** What a reply needs from the vault to link related documents and topics; the engine is one. */
export interface LinkLookup {
  resolveLink(target: string): Linkable | undefined;
  topicPage(name: string): Linkable | undefined;
}

/** How a reply links what it names, by the one rule in src/digest/links.ts. */
export interface Links {
  /** A document's address; undefined when it has none, and the reply shows its vault path. */
  doc(doc: Linkable): string | undefined;
  /** A topic's page, when the vault has one and it has an address. */
  topic(name: string): string | undefined;
  /** The vault's document for a `## 相关文档` wikilink target, when it holds one. */
  related(target: string): Linkable | undefined;
}

/** Links for replies from `vault`, with pages on the site at `siteBase` (DIGEST_BASE_URL) if set. */
export function replyLinks(siteBase: string | undefined, vault: LinkLookup): Links {
  return {
    doc: (doc) => docLink(doc, siteBase),
    topic: (name) => {
      const page = vault.topicPage(name);
      return page ? docLink(page, siteBase) : undefined;
    },
    related: (target) => vault.resolveLink(target),
  };
}

/**
 * `[text](url)` when `url` is a web address, else the text; the label escaped (brackets too) and
 * cut to `labelMax`. The address is checked again here, the last step before Discord.
 */
export function maskedLink(text: string, url: string | undefined, labelMax: number): string {
  const href = url === undefined ? undefined : webUrl(url);
  const label = vaultText(text, labelMax);
  if (!href || !label.trim()) return label;
  // A `)` would end the link early and a `\` escape it; percent-encoded, the address is the same.
  const target = href.replace(/[()\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${label}](${target})`;
}

/** One entry of a list a reply shows: `full` with its link or path, `short` when room runs out. */
export interface ListEntry {
  full: string;
  short: string;
}

/**
 * A document in a list: its title linked, or with no address the title and its vault path as text.
 * Short, the title alone.
 */
export function docEntry(title: string, doc: Linkable, links: Links, titleMax: number): ListEntry {
  const href = links.doc(doc);
  const short = vaultText(title, titleMax);
  return { full: href ? maskedLink(title, href, titleMax) : `${short} · ${vaultText(doc.path, 300)}`, short };
}

/**
 * Entries joined within `max`: every entry is named, and as many as the room allows in full, in
 * order. Link addresses are long (a Chinese path is encoded at 9 characters a character), so a
 * page of links may not fit whole.
 */
export function fitEntries(entries: readonly ListEntry[], separator: string, max: number): string {
  const chosen = entries.map((e) => e.short);
  let length = chosen.join(separator).length;
  entries.forEach((entry, i) => {
    const extra = entry.full.length - chosen[i]!.length;
    if (length + extra > max) return;
    chosen[i] = entry.full;
    length += extra;
  });
  return truncateMarkdown(chosen.join(separator), max);
}
