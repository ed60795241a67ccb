import { readFileSync } from 'node:fs';
import { normalize } from './tokenize.js';

/**
 * Near-synonyms of everyday and technical Chinese that the vault does not state itself (去世 and
 * 已故, 降低 and 压低, 容器 and container): a question says a thing in its own words, an article in
 * others. The file holds one group per line, its words separated by spaces; `#` starts a comment.
 */
export const THESAURUS_FILE = new URL('./thesaurus.txt', import.meta.url);

/** Each word of a group stands for the others of every group it is in. */
export function parseThesaurus(text: string): Map<string, string[]> {
  const synonyms = new Map<string, Set<string>>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const group = new Set(line.split(/\s+/).filter(Boolean).map(normalize));
    for (const word of group) {
      const others = synonyms.get(word) ?? synonyms.set(word, new Set()).get(word)!;
      for (const other of group) if (other !== word) others.add(other);
    }
  }
  return new Map([...synonyms].filter(([, others]) => others.size > 0).map(([word, others]) => [word, [...others]]));
}

let shipped: Map<string, string[]> | undefined;

/** The project's thesaurus, read once per process. */
export function thesaurus(): ReadonlyMap<string, readonly string[]> {
  return (shipped ??= parseThesaurus(readFileSync(THESAURUS_FILE, 'utf8')));
}
