import type { DocRecord } from '../digest/types.js';
import { topicKey } from '../search/topics.js';
import type { Delivery, Subscription } from './store.js';

/**
 * What makes two vault files the same article, so that a renamed or moved file is never posted
 * again: its source link (`原文链接`) when it has one, else its title and date. Never the path,
 * which a rename changes. Two digests of one source are one article to a reader: the real vault
 * holds twenty such pairs (the same post digested twice under two titles), and each is posted once.
 * Bump {@link IDENTITY_VERSION} when this changes: stored identities would no longer match.
 */
export function articleIdentity(doc: Pick<DocRecord, 'url' | 'title' | 'date'>): string {
  const url = sourceKey(doc.url);
  if (url) return `url:${url}`;
  return `title:${doc.date} ${doc.title.normalize('NFKC').toLowerCase().replace(/\s+/g, '')}`;
}

export const IDENTITY_VERSION = 1;

/**
 * A link as one source: host and path without scheme, `www.`, trailing slash, fragment or
 * `utm_` tracking parameters, which vary between copies of the same link.
 */
function sourceKey(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return '';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return '';
  for (const name of [...parsed.searchParams.keys()]) if (name.toLowerCase().startsWith('utm_')) parsed.searchParams.delete(name);
  const search = parsed.searchParams.size ? `?${parsed.searchParams.toString()}` : '';
  return `${parsed.hostname.replace(/^www\./, '')}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname.replace(/\/+$/, '')}${search}`;
}

/** Oldest first, undated last: a channel then reads top to bottom in order, the newest nearest its reader. */
function byDate(a: DocRecord, b: DocRecord): number {
  if (!a.date !== !b.date) return a.date ? -1 : 1;
  return a.date.localeCompare(b.date) || a.title.localeCompare(b.title) || a.path.localeCompare(b.path);
}

/** The identity and path of each document, as the store remembers them. */
export function seenOf(docs: readonly DocRecord[]): { identity: string; path: string }[] {
  return docs.map((doc) => ({ identity: articleIdentity(doc), path: doc.path }));
}

export interface Plan {
  /** Every article given, to remember as seen (whether or not it is posted anywhere). */
  seen: { identity: string; path: string }[];
  /** The posts to make, in the order to make them. */
  deliveries: Delivery[];
}

/**
 * Which of `candidates` to post where. An article is posted when it is new (`isKnown` knows neither
 * its identity nor its path: a rename keeps the identity, an edit keeps the path) and one of its
 * topics is followed by an active subscription; once per channel however many of its topics the
 * channel follows, and once per identity however many files share it.
 */
export function planPosts(
  candidates: readonly DocRecord[],
  subscriptions: readonly Subscription[],
  isKnown: (identity: string, path: string) => boolean,
): Plan {
  const followers = new Map<string, Subscription[]>();
  for (const sub of subscriptions) {
    if (sub.pausedAt !== null) continue;
    const key = topicKey(sub.topic);
    followers.set(key, [...(followers.get(key) ?? []), sub]);
  }
  const seen = seenOf(candidates);
  const planned = new Set<string>();
  const deliveries: Delivery[] = [];
  for (const doc of candidates.filter((d) => d.kind === 'article').sort(byDate)) {
    const identity = articleIdentity(doc);
    if (planned.has(identity) || isKnown(identity, doc.path)) continue;
    planned.add(identity);
    const topicsByChannel = new Map<string, Set<string>>();
    for (const topic of doc.topics) {
      for (const sub of followers.get(topicKey(topic)) ?? []) {
        topicsByChannel.set(sub.channelId, (topicsByChannel.get(sub.channelId) ?? new Set()).add(sub.topic));
      }
    }
    for (const [channelId, topics] of topicsByChannel) deliveries.push({ identity, channelId, path: doc.path, date: doc.date, topics: [...topics] });
  }
  return { seen, deliveries };
}
