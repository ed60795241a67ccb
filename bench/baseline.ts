import MiniSearch from 'minisearch';
import type { DigestDoc } from '../src/digest/types.js';

/**
 * The classic approach for Chinese without a segmenter: MiniSearch over CJK character bigrams,
 * English words by a regex, on the same fields (body cut to its opening, or building it would take
 * minutes). It is what the engine must beat.
 */

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const BODY_CHARS = 600;

export function bigrams(text: string): string[] {
  const normalized = text.normalize('NFKC').toLowerCase();
  const tokens: string[] = normalized.replace(HAN, ' ').match(/[a-z0-9]+/g) ?? [];
  for (const run of normalized.match(HAN) ?? []) {
    const chars = Array.from(run);
    if (chars.length === 1) tokens.push(run);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
  }
  return tokens;
}

interface Entry {
  id: string;
  title: string;
  oneLine: string;
  bullets: string;
  topics: string;
  body: string;
}

export class Baseline {
  private readonly index = new MiniSearch<Entry>({ fields: ['title', 'oneLine', 'bullets', 'topics', 'body'], tokenize: bigrams });
  private readonly docs = new Map<string, DigestDoc>();
  private readonly topicIndex = new MiniSearch<{ id: string; names: string }>({ fields: ['names'], tokenize: bigrams });

  constructor(docs: readonly DigestDoc[]) {
    for (const doc of docs) {
      this.docs.set(doc.path, doc);
      if (doc.kind === 'topic') {
        const name = doc.path.split('/').pop()!.replace(/\.md$/, '');
        this.topicIndex.add({ id: name, names: [name, ...doc.aliases].join(' ') });
        continue;
      }
      this.index.add({
        id: doc.path,
        title: doc.title,
        oneLine: doc.oneLine,
        bullets: [...doc.keyPoints, ...doc.risks].join('\n'),
        topics: doc.topics.join(' '),
        body: doc.sections.map((s) => s.text).join('\n').slice(0, BODY_CHARS),
      });
    }
  }

  ask(query: string): { path: string; bullets: string[] }[] {
    const terms = new Set(bigrams(query));
    return this.index
      .search(query, { boost: { title: 3, oneLine: 2, bullets: 1.6, topics: 1.2, body: 0.6 }, fuzzy: 0.2, prefix: true })
      .slice(0, 10)
      .map((hit) => {
        const doc = this.docs.get(hit.id as string)!;
        // Bullets ranked by how many of the question's bigrams they contain.
        const bullets = [...doc.keyPoints, ...doc.risks]
          .map((text) => ({ text, overlap: bigrams(text).filter((t) => terms.has(t)).length }))
          .filter((b) => b.overlap > 0)
          .sort((a, b) => b.overlap - a.overlap)
          .map((b) => b.text);
        return { path: hit.id as string, bullets };
      });
  }

  topic(query: string): string | null {
    return (this.topicIndex.search(query, { fuzzy: 0.2, prefix: true })[0]?.id as string | undefined) ?? null;
  }

  summary(query: string): string[] {
    return this.index.search(query, { fields: ['title'], prefix: true, fuzzy: 0.2 }).slice(0, 5).map((hit) => hit.id as string);
  }
}
