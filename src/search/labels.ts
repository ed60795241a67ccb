import { normalize, tokenize } from './tokenize.js';

/**
 * The vault says what a text is about before a colon: a resource profile's title opens with the
 * project's name (`FFmpeg：Mirror of …`), and a summary bullet with its aspect (`多平台支持：支持 14 个…`).
 */
const LABEL = /^([^：:]+)[：:]/;
/** A bullet's label is a short phrase; a longer run before a colon is a sentence that holds one. */
const MAX_BULLET_LABEL = 20;

function label(text: string): string {
  const found = LABEL.exec(normalize(text));
  return found ? found[1]!.trim() : '';
}

interface TitleName {
  name: string;
  /** The name's words, as the tokenizer cuts it (ollama and python for ollama-python). */
  words: string[];
}

/**
 * Each title's name, found once: a question reads the titles of up to a hundred articles, and the
 * same articles come up again and again, while cutting a name costs a call into jieba.
 */
const titleNames = new Map<string, TitleName | null>();

function titleName(title: string): TitleName | null {
  let found = titleNames.get(title);
  if (found === undefined) {
    const name = label(title);
    // A lone character is no name (问：…).
    found = Array.from(name).length < 2 ? null : { name, words: tokenize(name).filter((word) => word !== name) };
    titleNames.set(title, found);
  }
  return found;
}

/**
 * Whether `title` opens with a name the question holds, as one word (`ffmpeg`) or all its words
 * (`ollama-python` as ollama and python; 通义千问 as jieba cuts it). A `common` name is none: a
 * profile titled `ai：…` is not what every question on AI is about.
 */
export function titleNamed(title: string, tokens: readonly string[], common: (name: string) => boolean): boolean {
  const found = titleName(title);
  if (!found) return false;
  const { name, words } = found;
  const held = tokens.includes(name) || (words.length > 0 && words.every((word) => tokens.includes(word)));
  return held && !common(name);
}

/** The words of a bullet's label (`iOS 测试限制：…` → ios, 测试, 限制); none if it has no label. */
export function bulletLabelWords(text: string): string[] {
  const found = label(text);
  return found && Array.from(found).length <= MAX_BULLET_LABEL ? tokenize(found) : [];
}
