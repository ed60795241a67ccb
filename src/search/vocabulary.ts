import type { DigestDoc, DocRecord } from '../digest/types.js';
import { cutChinese } from './jieba.js';
import { normalize, type Phrases } from './tokenize.js';
import { topicPageName } from './topics.js';

/**
 * Names the vault itself teaches: jieba's dictionary lacks many names of this field (英伟达 splits
 * into 英|伟达), and multi-word English names (Claude Code) should match as a phrase.
 */
export interface Vocabulary {
  /** Han words added to jieba's dictionary. */
  words: string[];
  /** Lower-cased multi-word ASCII names, indexed as one extra token. */
  phrases: string[];
}

const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}/g;
/** `英伟达（Nvidia）`: a Han name glossed by a Latin one, the vault's usual way to introduce a name. */
export const GLOSSED = /([\u3400-\u4dbf\u4e00-\u9fff]{1,12})[（(]\s*([A-Za-z][A-Za-z0-9 .&+-]{1,40}?)\s*[)）]/g;
/** `Wafer Scale Engine（晶圆级引擎）`: the reverse order. */
export const GLOSSED_REVERSE = /([A-Za-z][A-Za-z0-9.&+-]*(?: [A-Za-z0-9.&+-]+){0,3})\s*[（(]\s*([\u3400-\u4dbf\u4e00-\u9fff]{2,8})\s*[)）]/g;
/**
 * Every character either pattern can match. A match never spans any other character, so only the
 * stretches of these around a bracket need the patterns, which are slow to try at every position
 * of a whole article.
 */
const GLOSS_CHARACTER = '[\\u3400-\\u4dbf\\u4e00-\\u9fff（）()\\sA-Za-z0-9.&+-]';
const GLOSS_CHAR = new RegExp(GLOSS_CHARACTER);
const GLOSS_CHARS_FROM = new RegExp(`${GLOSS_CHARACTER}*`, 'y');

export function bracketStretches(text: string): string[] {
  const stretches: string[] = [];
  let end = 0;
  for (const bracket of text.matchAll(/[（(]/g)) {
    if (bracket.index < end) continue;
    let start = bracket.index;
    while (start > 0 && GLOSS_CHAR.test(text[start - 1]!)) start--;
    GLOSS_CHARS_FROM.lastIndex = bracket.index;
    end = bracket.index + GLOSS_CHARS_FROM.exec(text)![0].length;
    stretches.push(text.slice(start, end));
  }
  return stretches;
}

/** Single characters that are grammar, never the first syllable of a name. */
const FUNCTION_CHARS = new Set(Array.from('的了在是和与及或对把被将从向为于以由让给等个这那其之并也都就还又而且但中上下与即如若所该各每有无非'));
const MIN_OCCURRENCES = 2;
const MAX_NAME_CHARS = 8;

/** Names one document glosses, each once; counted across files to keep only established names. */
export function glossesOf(doc: DigestDoc): string[] {
  const names = new Set<string>();
  const text = [doc.title, doc.oneLine, ...doc.keyPoints, ...doc.risks, ...doc.sections.map((s) => s.text)].join('\n');
  const stretches = bracketStretches(text);
  for (const m of stretches.flatMap((stretch) => [...stretch.matchAll(GLOSSED)])) {
    const han = nameBeforeGloss(m[1]!);
    if (han) names.add(han);
    names.add(m[2]!.trim());
  }
  for (const m of stretches.flatMap((stretch) => [...stretch.matchAll(GLOSSED_REVERSE)])) {
    names.add(m[2]!);
    names.add(m[1]!.trim());
  }
  return [...names];
}

/** Topic names and aliases, plus names glossed in at least two files. */
export function buildVocabulary(docs: readonly DocRecord[], glosses: readonly (readonly string[])[]): Vocabulary {
  const words = new Set<string>();
  const phrases = new Set<string>();
  const addName = (name: string) => {
    const text = normalize(name).trim();
    for (const run of text.match(HAN_RUN) ?? []) if (Array.from(run).length <= MAX_NAME_CHARS) words.add(run);
    const latin = text.replace(HAN_RUN, ' ').trim();
    if (/^[a-z0-9][a-z0-9.+#-]*( [a-z0-9][a-z0-9.+#-]*){1,3}$/.test(latin)) phrases.add(latin);
  };
  for (const doc of docs) {
    if (doc.kind !== 'topic') continue;
    addName(topicPageName(doc));
    for (const alias of doc.aliases) addName(alias);
  }
  const counts = new Map<string, number>();
  for (const names of glosses) for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  for (const [name, count] of counts) if (count >= MIN_OCCURRENCES) addName(name);
  return { words: [...words].sort(), phrases: [...phrases].sort() };
}

/**
 * The name a gloss belongs to is the end of the Han run before it. jieba's last word is usually
 * the name; single characters it left before that word (英|伟达) are glued back on.
 */
function nameBeforeGloss(run: string): string {
  const tokens = cutChinese(run);
  let name = tokens.pop() ?? '';
  while (tokens.length > 0) {
    const previous = tokens[tokens.length - 1]!;
    if (previous.length !== 1 || FUNCTION_CHARS.has(previous) || Array.from(name).length >= MAX_NAME_CHARS - 1) break;
    name = tokens.pop()! + name;
  }
  return Array.from(name).length >= 2 ? name : '';
}

export function phraseSet(phrases: readonly string[]): Phrases {
  const set = new Set(phrases);
  const maxWords = phrases.reduce((max, p) => Math.max(max, p.split(' ').length), 0);
  return { has: (phrase) => set.has(phrase), maxWords };
}
