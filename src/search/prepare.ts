import type { DigestDoc } from '../digest/types.js';
import { tokenize, type Phrases } from './tokenize.js';

/**
 * A document reduced to what the indexes need: tokens per field. Markdown structure is indexed as
 * separate fields so each can be boosted. The body is indexed only by its keywords (the words it
 * repeats): its full text would drown the short, precise summary, and inserting every body token
 * cost three quarters of the build.
 */
export interface PreparedDoc {
  title: string[];
  oneLine: string[];
  keyPoints: string[][];
  risks: string[][];
  topics: string[];
  /** Who wrote it and where: author, source name and the source folder (`01-博客/Simon Willison/…`). */
  meta: string[];
  /** The body's keywords, most repeated first. */
  body: string[];
}

const MAX_KEYWORDS = 200;

export function prepareDoc(doc: DigestDoc, phrases: Phrases): PreparedDoc {
  const tok = (text: string) => tokenize(text, phrases);
  const bodyText = doc.kind === 'topic' ? [doc.definition, ...doc.aliases].join('\n') : '';
  const counts = new Map<string, number>();
  for (const token of tok(bodyText)) counts.set(token, 2);
  for (const section of doc.sections) {
    for (const token of tok(section.heading + '\n' + section.text)) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return {
    title: tok(doc.title),
    oneLine: tok(doc.oneLine),
    keyPoints: doc.keyPoints.map((text) => [...new Set(tok(text))]),
    risks: doc.risks.map((text) => [...new Set(tok(text))]),
    topics: tok(doc.topics.join('\n')),
    meta: [...new Set(tok([doc.author, doc.sourceName, doc.path.split('/').slice(1, -1).join('\n')].join('\n')))],
    body: keywords(counts),
  };
}

/** Words said at least twice; a word said once is a passing mention, not what the text is about. */
function keywords(counts: Map<string, number>): string[] {
  return [...counts]
    .filter(([, count]) => count >= 2)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_KEYWORDS)
    .map(([token]) => token);
}
