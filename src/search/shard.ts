import { readDocument, type VaultFile } from '../digest/load.js';
import type { DigestDoc } from '../digest/types.js';
import { addedWords, addWords, startRecording, stopRecording } from './jieba.js';
import type { FileEntry } from './persist.js';
import { prepareDoc, type PreparedDoc } from './prepare.js';
import { glossesOf, phraseSet, type Vocabulary } from './vocabulary.js';

/**
 * The work of a build that depends only on the files themselves, in two steps, because the second
 * (segmentation) needs the vocabulary that the first step of every shard together reveals.
 * Run in-process for small vaults, and on each core in a worker for large ones.
 */
export class Shard {
  private readonly parsed = new Map<string, DigestDoc>();
  /** Every word segmentation produced in `prepare`: what a reduced dictionary must keep. */
  words = new Set<string>();
  /** Vocabulary words jieba did not know and was taught. */
  userWords: string[] = [];

  /** Reads and parses the files; documents stay here, only their records go back. */
  read(dir: string, files: readonly VaultFile[], onFile?: () => void): FileEntry[] {
    return files.map((file): FileEntry => {
      const result = readDocument(dir, file);
      onFile?.();
      if (!('doc' in result)) return { ...file, glosses: [], skipped: result.skipped.reason };
      this.parsed.set(file.path, result.doc);
      const { sections: _body, ...record } = result.doc;
      return { ...file, doc: record, glosses: glossesOf(result.doc) };
    });
  }

  /** Segments every parsed document with the vault's vocabulary. */
  *prepare(vocabulary: Vocabulary): Generator<[string, PreparedDoc]> {
    addWords(vocabulary.words);
    const phrases = phraseSet(vocabulary.phrases);
    startRecording();
    for (const [path, doc] of this.parsed) yield [path, prepareDoc(doc, phrases)];
    this.words = stopRecording();
    this.userWords = addedWords();
    this.parsed.clear();
  }
}

/** Messages between the engine and a build worker. */
export type ToWorker = { type: 'read'; dir: string; files: VaultFile[] } | { type: 'prepare'; vocabulary: Vocabulary };
export type FromWorker =
  | { type: 'read'; entries: FileEntry[] }
  | { type: 'prepared'; batch: [string, PreparedDoc][] }
  | { type: 'done'; words: string[]; userWords: string[] };
