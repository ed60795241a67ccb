import { readDocument, type VaultFile } from '../digest/load.js';
import { HanCoverage } from './coverage.js';
import type { CutDictionary } from './dictionary.js';
import { addWords, useCoveringDictionary } from './jieba.js';
import type { FileEntry } from './persist.js';
import { allTexts, docTexts, prepareDoc, type DocTexts, type PreparedDoc } from './prepare.js';
import { STOP_WORDS } from './stopwords.js';
import { normalize } from './tokenize.js';
import { topicPageName } from './topics.js';
import { glossesOf, phraseSet, type Vocabulary } from './vocabulary.js';

/**
 * The work of a build that depends only on the files themselves, in two steps, because the second
 * (segmentation) needs the vocabulary that the first step of every shard together reveals.
 * Each runs on its own core, in a worker (shards.ts).
 */
export class Shard {
  private readonly texts = new Map<string, DocTexts>();

  /**
   * Reads and parses the files, then loads a dictionary covering them (glosses already need jieba).
   * Documents stay here; their records go back, with the dictionary: the engine's reduced
   * dictionary is the union of its shards'. So the coverage also takes what the engine's jieba
   * must know beyond the files' texts: the stop words, which wrap a question's words, and the
   * names of topic pages, which join the vocabulary (the other names in it are in the texts).
   */
  read(dir: string, files: readonly VaultFile[]): { entries: FileEntry[]; dictionary: CutDictionary } {
    const results = files.map((file) => ({ file, result: readDocument(dir, file) }));
    // Local, not kept: its tables (10 MB) are needed only until the dictionary is cut.
    const coverage = new HanCoverage();
    coverage.add([...STOP_WORDS].join('\n'));
    for (const { result } of results) {
      if (!('doc' in result)) continue;
      const texts = docTexts(result.doc);
      for (const text of allTexts(texts)) coverage.add(text);
      if (result.doc.kind === 'topic') coverage.add(normalize(topicPageName(result.doc)));
      this.texts.set(result.doc.path, texts);
    }
    const dictionary = useCoveringDictionary(coverage);
    const entries = results.map(({ file, result }): FileEntry => {
      if (!('doc' in result)) return { ...file, glosses: [], skipped: result.skipped.reason };
      const { sections: _body, ...record } = result.doc;
      return { ...file, doc: record, glosses: glossesOf(result.doc) };
    });
    return { entries, dictionary };
  }

  /** Segments every parsed document with the vault's vocabulary. */
  prepare(vocabulary: Vocabulary, onDoc: (path: string, prepared: PreparedDoc) => void): void {
    addWords(vocabulary.words);
    const phrases = phraseSet(vocabulary.phrases);
    // Each text is let go once prepared, so segmenting's garbage can reuse its memory.
    for (const [path, texts] of this.texts) {
      this.texts.delete(path);
      onDoc(path, prepareDoc(texts, phrases));
    }
  }
}

/** Messages between the engine and a build worker. */
export type ToWorker = { type: 'read'; dir: string; files: VaultFile[] } | { type: 'prepare'; vocabulary: Vocabulary };
export type FromWorker =
  | { type: 'read'; entries: FileEntry[]; dictionary: CutDictionary }
  | { type: 'prepared'; batch: [string, PreparedDoc][] }
  | { type: 'done' };
