import type { DigestDoc, DocRecord } from '../digest/types.js';
import { cutChinese } from './jieba.js';
import { isHanWord, isOneWord, normalize, type Phrases } from './tokenize.js';
import { topicPageName, type Topic } from './topics.js';

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

/** A name and the name that glosses it, normalised: [英伟达, nvidia] from 英伟达（Nvidia）. The Han name may be ''. */
export type GlossPair = [han: string, latin: string];

/** The glosses of one document, each once; counted across files to keep only established names. */
export function glossesOf(doc: DigestDoc): GlossPair[] {
  const pairs: GlossPair[] = [];
  const text = [doc.title, doc.oneLine, ...doc.keyPoints, ...doc.risks, ...doc.sections.map((s) => s.text)].join('\n');
  const stretches = bracketStretches(text);
  for (const m of stretches.flatMap((stretch) => [...stretch.matchAll(GLOSSED)])) {
    // A Latin name glossing no Han name (a lone character before it) is still a name.
    pairs.push([nameBeforeGloss(m[1]!), m[2]!.trim()]);
  }
  for (const m of stretches.flatMap((stretch) => [...stretch.matchAll(GLOSSED_REVERSE)])) pairs.push([m[2]!, m[1]!.trim()]);
  // Normalised once here, where a file is read, not on every start that recomputes the synonyms.
  const normalized = pairs.map(([han, latin]): GlossPair => [normalize(han).trim(), normalize(latin).trim()]);
  return [...new Map(normalized.map((pair) => [pair.join('\t'), pair])).values()];
}

/** A pair glossed in fewer files than this is one writer's wording, not the vault's. */
const MIN_SYNONYM_FILES = 3;

/**
 * Synonyms the vault states: each word of a gloss pair (提示词（Prompt）) for the other, both ways,
 * so a question in one language finds articles written in the other. Only pairs that are each
 * other's usual gloss, in at least half the files that gloss either: a generic word glossed by
 * many names (验证 by PoC and MVP, 代理 by agent and proxy) keeps none, since it would find
 * everything the other names. Han names of one character and multi-word Latin names are left out:
 * phrases and characters are matched otherwise (tokenize.ts, characters.ts).
 */
export function glossSynonyms(glosses: readonly (readonly GlossPair[])[]): Map<string, string[]> {
  const files = new Map<string, number>();
  const han = new Map<string, number>();
  const latin = new Map<string, number>();
  const add = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const pairs of glosses) {
    const seen = new Set<string>();
    for (const [h, l] of pairs) {
      if (!h) continue;
      const pair = `${h}\t${l}`;
      if (seen.has(pair)) continue;
      seen.add(pair);
      add(files, pair);
      add(han, h);
      add(latin, l);
    }
  }
  const synonyms = new Map<string, string[]>();
  const link = (from: string, to: string) => synonyms.set(from, [...(synonyms.get(from) ?? []), to]);
  for (const [pair, count] of files) {
    const [h, l] = pair.split('\t') as [string, string];
    if (count < MIN_SYNONYM_FILES || count * 2 < han.get(h)! || count * 2 < latin.get(l)!) continue;
    if (Array.from(h).length < 2 || l.includes(' ')) continue;
    link(h, l);
    link(l, h);
  }
  return synonyms;
}

/**
 * Synonyms a topic page states: its name and each alias it gives (rag, 检索增强生成,
 * Retrieval-Augmented Generation) stand for one another, both ways. Only names a question is read
 * into as one term count: Han names in the vault's dictionary, single Latin words and the vault's
 * phrases; a Han name jieba would cut is matched by its pieces anyway.
 */
export function topicSynonyms(topics: readonly Pick<Topic, 'name' | 'aliases'>[], vocabulary: Vocabulary): Map<string, string[]> {
  const words = new Set(vocabulary.words);
  const phrases = new Set(vocabulary.phrases);
  const isTerm = (name: string) => words.has(name) || phrases.has(name) || isOneWord(name);
  const synonyms = new Map<string, string[]>();
  for (const topic of topics) {
    if (topic.aliases.length === 0) continue;
    const names = [...new Set([topic.name, ...topic.aliases].map((name) => normalize(name).trim()))].filter(isTerm);
    for (const name of names) synonyms.set(name, names.filter((other) => other !== name));
  }
  return synonyms;
}

/** Each word's synonyms from all the maps, each once. */
export function mergeSynonyms(...maps: ReadonlyMap<string, readonly string[]>[]): Map<string, string[]> {
  const merged = new Map<string, string[]>();
  for (const map of maps) for (const [word, synonyms] of map) merged.set(word, [...new Set([...(merged.get(word) ?? []), ...synonyms])]);
  return merged;
}

/**
 * Topic names and aliases, plus names glossed in at least two files, plus `known` words that must
 * be read whole for other reasons (the thesaurus's, which are looked up as words).
 */
export function buildVocabulary(docs: readonly DocRecord[], glosses: readonly (readonly GlossPair[])[], known: Iterable<string> = []): Vocabulary {
  const words = new Set<string>();
  for (const word of known) if (word.length > 1 && isHanWord(word)) words.add(word);
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
  for (const pairs of glosses) for (const name of new Set(pairs.flat())) if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
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
  // A last character jieba split off is the name's own suffix (提示|词, 智能|体): the word before it
  // is part of the name.
  if (name.length === 1 && !FUNCTION_CHARS.has(name) && tokens.length > 0) name = tokens.pop()! + name;
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
