import { segmentChinese } from './jieba.js';
import { STOP_WORDS } from './stopwords.js';

/**
 * The one analysis used for indexing and for queries, so both sides always agree.
 *
 * Text is NFKC-folded (full-width letters and digits become ASCII) and lower-cased. Runs of Han
 * characters go to jieba; everything else is split by a regex that keeps model names and versions
 * whole (`gpt-5.3-codex-spark`, `node.js`, `c++`) and also yields their parts (`gpt`, `5.3`,
 * `codex`, `spark`), so a name is findable whole and by any piece.
 */

/** The characters jieba segments: CJK unified ideographs, extension A and compatibility ideographs. */
export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}
/** Whether every character of `text` is one jieba segments: a Han word, not a mixed one (a卡). */
export function isHanWord(text: string): boolean {
  if (!text) return false;
  for (let i = 0; i < text.length; i++) if (!isHan(text.charCodeAt(i))) return false;
  return true;
}
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}]|[-_.+#'/](?=[\p{L}\p{N}+#]))*[+#]*/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const TRAILING = /['.]+$/;
/**
 * Whether the tokenizer reads `text` (normalised) as one word, whole, outside Han runs: `rag`,
 * `code-review`, `c++`; so that a name is looked up as one term.
 */
export function isOneWord(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isHan(text.charCodeAt(i))) return false;
  const words = text.match(WORD);
  return words?.length === 1 && words[0] === text && !TRAILING.test(text);
}

/** What `splitCompound` splits at: a separator, a dot or a digit. */
const COMPOUND = /[-_/+#'.\d]/;

export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Multi-word names (`claude code`) also index as one token, so a phrase outranks scattered words. */
export interface Phrases {
  has(phrase: string): boolean;
  /** Longest phrase in words. */
  readonly maxWords: number;
}

const NO_PHRASES: Phrases = { has: () => false, maxWords: 0 };

export function tokenize(text: string, phrases: Phrases = NO_PHRASES): string[] {
  return tokenizeNormalized(normalize(text), phrases);
}

/** `tokenize` for text already passed through `normalize`. */
export function tokenizeNormalized(normalized: string, phrases: Phrases = NO_PHRASES): string[] {
  const tokens: string[] = [];
  let last = 0;
  // A character scan rather than a regex: a build meets a million Han runs.
  for (let start = 0; start < normalized.length; start++) {
    if (!isHan(normalized.charCodeAt(start))) continue;
    let end = start + 1;
    while (end < normalized.length && isHan(normalized.charCodeAt(end))) end++;
    if (start > last) pushWords(normalized.slice(last, start), tokens, phrases);
    for (const word of segmentChinese(normalized.slice(start, end))) if (!STOP_WORDS.has(word)) tokens.push(word);
    last = start = end;
  }
  pushWords(normalized.slice(last), tokens, phrases);
  return tokens;
}

function pushWords(text: string, tokens: string[], phrases: Phrases): void {
  // Most stretches between Han runs are a punctuation mark or two.
  if (!LETTER_OR_DIGIT.test(text)) return;
  const words: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = TRAILING.test(match[0]) ? match[0].replace(TRAILING, '') : match[0];
    words.push(word);
    if (!STOP_WORDS.has(word)) tokens.push(word);
    // Most words are plain letters: the patterns below would only confirm they have no parts.
    if (!COMPOUND.test(word)) continue;
    const parts = splitCompound(word);
    if (parts.length > 1) for (const part of parts) if (!STOP_WORDS.has(part)) tokens.push(part);
    tokens.push(...adjacentPairs(word));
  }
  for (let size = 2; size <= phrases.maxWords; size++) {
    for (let i = 0; i + size <= words.length; i++) {
      const phrase = words.slice(i, i + size).join(' ');
      if (phrases.has(phrase)) tokens.push(phrase);
    }
  }
}

/**
 * `gpt-5.3-codex` → gpt, 5.3, codex; `gen3` → gen, 3, so `Gen-3` and `Gen3` meet. A dot between
 * digits is a version, not a separator.
 */
export function splitCompound(word: string): string[] {
  return word
    .split(/[-_/+#']|\.(?!\d)|(?<!\d)\.|(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z]{2})/)
    .filter((part) => part.length > 1 || /\d/.test(part));
}

/**
 * `gpt-5.3-codex-spark` → gpt-5.3, 5.3-codex, codex-spark: a name is often written as a piece of a
 * longer one (Codex-Spark), and must match that piece whole.
 */
function adjacentPairs(word: string): string[] {
  const pieces = word.split(/([-_/])/);
  if (pieces.length < 5) return [];
  const pairs: string[] = [];
  for (let i = 0; i + 2 < pieces.length; i += 2) pairs.push(pieces[i]! + pieces[i + 1]! + pieces[i + 2]!);
  return pairs.filter((pair) => !/^[-_/]|[-_/]$/.test(pair));
}
