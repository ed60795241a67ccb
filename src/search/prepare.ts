import type { DigestDoc } from '../digest/types.js';
import { tokenize, type Phrases } from './tokenize.js';

/**
 * A document reduced to what the indexes need: tokens per field. Markdown structure is indexed as
 * separate fields so each can be boosted; the body only as its set of distinct words, because
 * its length would otherwise drown the short, precise summary and cost most of the build.
 */
export interface PreparedDoc {
  title: string[];
  oneLine: string[];
  keyPoints: string[][];
  risks: string[][];
  topics: string[];
  body: string[];
}

export const DOC_FIELDS = ['title', 'oneLine', 'bullets', 'topics', 'body'] as const;
export type DocField = (typeof DOC_FIELDS)[number];

export function prepareDoc(doc: DigestDoc, phrases: Phrases): PreparedDoc {
  const tok = (text: string) => tokenize(text, phrases);
  const bodyText = doc.kind === 'topic' ? [doc.definition, ...doc.aliases].join('\n') : '';
  const body = new Set(tok(bodyText));
  for (const section of doc.sections) for (const token of tok(section.heading + '\n' + section.text)) body.add(token);
  return {
    title: tok(doc.title),
    oneLine: tok(doc.oneLine),
    keyPoints: doc.keyPoints.map(tok),
    risks: doc.risks.map(tok),
    topics: tok(doc.topics.join('\n')),
    body: [...body],
  };
}
