import type { DigestDoc } from '../digest/types.js';
import { normalize, tokenizeNormalized, type Phrases } from './tokenize.js';

/**
 * A document reduced to what the indexes need: tokens per field. Markdown structure is indexed as
 * separate fields so each can be boosted. The body is indexed only by its keywords (its words, each
 * once, most repeated first, up to a cap): its full text would drown the short, precise summary,
 * and inserting every body token cost three quarters of the build.
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

/**
 * The normalised text of each field a document is indexed by: what jieba will segment, so a build
 * worker can load a dictionary covering it before segmenting any of it.
 */
export interface DocTexts {
  title: string;
  oneLine: string;
  keyPoints: string[];
  risks: string[];
  topics: string;
  meta: string;
  /** A topic page's definition and aliases, which count as said twice. */
  lead: string;
  sections: string[];
}

/**
 * A long body's repeated words fill its keywords; in a shorter one, words said once fill the rest: a
 * question in everyday words often meets an article only in a word its body says once, the summary
 * saying it otherwise. Measured on the held-out sets (bench/README.md): repeated words alone, up to
 * 200 or more, found no more answers; any words up to 250 found more, and more words no more again.
 */
const MAX_KEYWORDS = 250;

export function docTexts(doc: DigestDoc): DocTexts {
  return {
    title: normalize(doc.title),
    oneLine: normalize(doc.oneLine),
    keyPoints: doc.keyPoints.map(normalize),
    risks: doc.risks.map(normalize),
    topics: normalize(doc.topics.join('\n')),
    meta: normalize([doc.author, doc.sourceName, doc.path.split('/').slice(1, -1).join('\n')].join('\n')),
    lead: doc.kind === 'topic' ? normalize([doc.definition, ...doc.aliases].join('\n')) : '',
    sections: doc.sections.map((section) => normalize(section.heading + '\n' + section.text)),
  };
}

/** Every text of `docTexts`, for a coverage. */
export function allTexts(texts: DocTexts): string[] {
  return [texts.title, texts.oneLine, ...texts.keyPoints, ...texts.risks, texts.topics, texts.meta, texts.lead, ...texts.sections];
}

export function prepareDoc(texts: DocTexts, phrases: Phrases): PreparedDoc {
  const tok = (text: string) => tokenizeNormalized(text, phrases);
  const counts = new Map<string, number>();
  for (const token of tok(texts.lead)) counts.set(token, 2);
  for (const section of texts.sections) for (const token of tok(section)) counts.set(token, (counts.get(token) ?? 0) + 1);
  return {
    title: tok(texts.title),
    oneLine: tok(texts.oneLine),
    keyPoints: texts.keyPoints.map((text) => [...new Set(tok(text))]),
    risks: texts.risks.map((text) => [...new Set(tok(text))]),
    topics: tok(texts.topics),
    meta: [...new Set(tok(texts.meta))],
    body: keywords(counts),
  };
}

/** The most repeated words; among words said as often, the first said (a sort keeps their order). */
function keywords(counts: Map<string, number>): string[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_KEYWORDS)
    .map(([token]) => token);
}
