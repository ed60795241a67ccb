import nodejieba from 'nodejieba';

/**
 * nodejieba keeps one dictionary per process. Loading it takes about a second, so it happens once,
 * on first use, and user words are added to that same dictionary.
 */
let loaded = false;
const inserted = new Set<string>();

function ensureLoaded(): void {
  if (loaded) return;
  nodejieba.load();
  loaded = true;
}

/**
 * Segments a run of Chinese text. HMM is off: with it, unknown characters glue to their neighbours
 * differently in different sentences, so the same word would index and query differently.
 */
export function segmentChinese(run: string): string[] {
  ensureLoaded();
  return nodejieba.cutForSearch(run, false);
}

export function cutChinese(run: string): string[] {
  ensureLoaded();
  return nodejieba.cut(run, false);
}

export function addWords(words: Iterable<string>): void {
  ensureLoaded();
  for (const word of words) {
    if (inserted.has(word)) continue;
    nodejieba.insertWord(word);
    inserted.add(word);
  }
}
