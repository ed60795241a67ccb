import { createHash } from 'node:crypto';
import { listVault, type VaultFile } from '../digest/load.js';
import type { DocRecord, SkippedFile } from '../digest/types.js';
import type { AskAnswer, IndexStats, Suggestion, SummaryAnswer, TopicAnswer } from './answers.js';
import { ask, type AskOptions } from './ask.js';
import { bulletScorer, emptyStore, putBullets, removeBullets, termIds, type BulletStore } from './bullets.js';
import { characterIndex } from './characters.js';
import { titleIndexOf } from './indexes.js';
import { hasDictionary, readDictionary, writeReducedDictionary, type CutDictionary } from './dictionary.js';
import { addWords, useReducedDictionary } from './jieba.js';
import { codeFingerprint, dictionaryFile, indexFile, readSaved, skippedOf, writeSaved, type FileEntry, type SavedIndex } from './persist.js';
import type { PreparedDoc } from './prepare.js';
import { fieldTokens, Postings, PostingsBuilder, type FieldTokens } from './postings.js';
import { openShards, type ShardHandle } from './shards.js';
import { workerScript } from './workerScript.js';
import type { SearchState } from './state.js';
import { suggestTitles, suggestTopics, summary, titleKey } from './titles.js';
import { buildTopics, compareNewestFirst, resolveTopic, topicKey } from './topics.js';
import { thesaurus } from './thesaurus.js';
import { buildVocabulary, glossSynonyms, mergeSynonyms, phraseSet, topicSynonyms, type Vocabulary } from './vocabulary.js';

export interface OpenOptions {
  /** The vault's root folder. */
  dir: string;
  /** Where the saved index lives; never inside the vault. */
  cacheDir?: string;
  /** Off: always build from the files and save nothing. */
  persist?: boolean;
  onProgress?: (message: string) => void;
}

export const DEFAULT_CACHE_DIR = '.cache';

/** A document's short id: stable across restarts, short enough for a Discord custom id. */
export function docId(path: string): string {
  return createHash('sha1').update(path).digest('base64url').slice(0, 10);
}

/** What one open did, for the terminal and for tests of the saved index. */
export interface OpenReport {
  mode: 'built' | 'loaded' | 'updated';
  /** Files read and segmented in this open. */
  reindexed: string[];
  removed: string[];
}

export class Engine {
  private readonly idIndex: Map<string, number>;

  constructor(
    private readonly state: SearchState,
    readonly stats: IndexStats,
    readonly skipped: SkippedFile[],
    readonly report: OpenReport,
    /** The vault's files as this index saw them: a later look compares against these. */
    readonly files: readonly VaultFile[],
    /** Settles once the index is saved: null, or why it could not be (the engine works regardless). */
    readonly saved: Promise<Error | null> = Promise.resolve(null),
  ) {
    this.idIndex = new Map(state.ids.map((id, index) => [id, index]));
  }

  get docs(): readonly DocRecord[] {
    return this.state.docs;
  }

  ask(query: string, options?: AskOptions): AskAnswer {
    return ask(this.state, query, options);
  }

  topic(name: string, options: { limit?: number; offset?: number } = {}): TopicAnswer {
    const limit = Math.max(1, Math.min(100, options.limit ?? 10));
    const offset = Math.max(0, options.offset ?? 0);
    const match = resolveTopic(this.state.topics, name);
    if (!match) {
      const suggestions = suggestTopics(this.state, name).slice(0, 5).map((s) => s.value);
      return { query: name, topic: null, definition: '', aliases: [], total: 0, results: [], suggestions };
    }
    const { topic } = match;
    const results = topic.articles.slice(offset, offset + limit).map((index) => {
      const doc = this.state.docs[index]!;
      return { path: doc.path, id: this.state.ids[index]!, title: doc.title, date: doc.date, url: doc.url };
    });
    return {
      query: name,
      topic: topic.name,
      definition: topic.definition,
      aliases: topic.aliases,
      total: topic.articles.length,
      results,
      suggestions: [],
    };
  }

  summary(query: string, options?: { limit?: number }): SummaryAnswer {
    return summary(this.state, query, options);
  }

  autocomplete(kind: 'title' | 'topic', prefix: string): Suggestion[] {
    return kind === 'title' ? suggestTitles(this.state, prefix) : suggestTopics(this.state, prefix);
  }

  docById(id: string): DocRecord | undefined {
    const index = this.idIndex.get(id);
    return index === undefined ? undefined : this.state.docs[index];
  }

  idOf(path: string): string {
    return docId(path);
  }

  /** The page of the topic with exactly this name (any case or spacing), when the vault has one. */
  topicPage(name: string): DocRecord | undefined {
    const key = topicKey(name);
    const topic = this.state.topics.find((t) => t.path && topicKey(t.name) === key);
    return topic ? this.byPath(topic.path) : undefined;
  }

  byPath(path: string): DocRecord | undefined {
    const index = this.state.positions.get(path);
    return index === undefined ? undefined : this.state.docs[index];
  }

  /** `01-博客/OpenAI/xxx` or `00-元语/OpenAI` (with or without `.md`) to its document. */
  resolveLink(target: string): DocRecord | undefined {
    return this.byPath(target.replace(/\.md$/i, '') + '.md');
  }
}

/**
 * Opens a vault: loads the saved index when the vault and the code are unchanged, re-indexes only
 * the files that changed, and builds from scratch otherwise.
 */
export async function openEngine(options: OpenOptions): Promise<Engine> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const persist = options.persist ?? true;
  const file = indexFile(options.cacheDir ?? DEFAULT_CACHE_DIR, options.dir);
  const fingerprint = await codeFingerprint();
  const listed = listVault(options.dir);
  const dictFile = persist ? dictionaryFile(file) : null;
  const read = dictFile ? await readSaved(file, fingerprint) : null;
  // The dictionary is part of the saved index: an update extends it, so without it, rebuild.
  const saved = dictFile && hasDictionary(dictFile) ? read : null;

  let entries: FileEntry[];
  let state: SearchState;
  let report: OpenReport;
  let builtAt = Date.now();
  const incremental = saved ? await tryIncremental(options.dir, saved, listed, dictFile, progress) : null;
  if (saved && incremental) {
    ({ entries, state, report } = incremental);
    if (report.mode === 'loaded') builtAt = saved.builtAt;
  } else {
    ({ entries, state } = await buildAll(options.dir, listed, dictFile, progress));
    report = { mode: 'built', reindexed: listed.map((f) => f.path), removed: [] };
  }
  // Saving waits a turn, so a caller can answer its first question before serialising blocks.
  const saving: Promise<Error | null> =
    persist && report.mode !== 'loaded'
      ? new Promise((resolve) => setImmediate(resolve))
          .then(() =>
            writeSaved(file, {
              fingerprint,
              builtAt,
              vocabulary: state.vocabulary,
              files: entries,
              postings: state.postings.save(),
              bullets: state.bullets,
            }),
          )
          .then(
            () => null,
            (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
          )
      : Promise.resolve(null);
  const stats: IndexStats = {
    articles: state.docs.filter((d) => d.kind !== 'topic').length,
    topics: state.topics.filter((t) => t.path).length,
    files: listed.length,
    builtAt,
    buildMs: Math.round(performance.now() - started),
  };
  return new Engine(state, stats, skippedOf(entries), report, listed, saving);
}

interface Built {
  entries: FileEntry[];
  state: SearchState;
}

/** A dictionary that cannot be written (read-only cache) only costs speed: the full one is used. */
function saveDictionary(file: string, parts: readonly CutDictionary[]): boolean {
  try {
    writeReducedDictionary(file, parts);
    return true;
  } catch {
    return false;
  }
}

function vocabularyFor(entries: readonly FileEntry[]): Vocabulary {
  const docs = entries.flatMap((e) => (e.doc ? [e.doc] : []));
  return buildVocabulary(docs, entries.map((e) => e.glosses), thesaurus().keys());
}

/** Splits files across shards by size, largest first to the lightest shard, so cores finish together. */
function split(files: readonly VaultFile[], count: number): VaultFile[][] {
  const parts = Array.from({ length: count }, () => ({ bytes: 0, files: [] as VaultFile[] }));
  for (const file of [...files].sort((a, b) => b.size - a.size)) {
    const lightest = parts.reduce((min, part) => (part.bytes < min.bytes ? part : min));
    lightest.files.push(file);
    lightest.bytes += file.size;
  }
  return parts.map((part) => part.files);
}

async function buildAll(
  dir: string,
  files: readonly VaultFile[],
  dictFile: string | null,
  progress: (m: string) => void,
): Promise<Built> {
  const shards = openShards(files.length, await workerScript());
  try {
    progress(`读取 ${files.length} 个文件…`);
    const read = await readInShards(shards, dir, files);
    const byPath = new Map(read.entries.map((e) => [e.path, e]));
    const entries = files.map((f) => byPath.get(f.path)!);
    const vocabulary = vocabularyFor(entries);
    const positions = documentPositions(entries);
    const postings = new PostingsBuilder(positions.size);
    const bullets = emptyStore();
    const ids = termIds(bullets);
    let done = 0;
    const preparing = prepareInShards(shards, vocabulary, (path, prepared) => {
      postings.add(positions.get(path)!, fieldTokens(prepared));
      putBullets(bullets, ids, path, prepared);
      if (++done % 250 === 0) progress(`分词与索引 ${done}/${positions.size}`);
    });
    await preparing;
    await closeShards(shards);
    useVaultDictionary(dictFile, read.dictionaries, vocabulary);
    return { entries, state: assemble(entries, postings.finish(), bullets, vocabulary) };
  } finally {
    await closeShards(shards);
  }
}

/** The shards' entries, and the dictionaries that covered their files. */
async function readInShards(
  shards: ShardHandle[],
  dir: string,
  files: readonly VaultFile[],
): Promise<{ entries: FileEntry[]; dictionaries: CutDictionary[] }> {
  const parts = split(files, shards.length);
  const read = await Promise.all(shards.map((shard, i) => shard.read(dir, parts[i]!)));
  return { entries: read.flatMap((r) => r.entries), dictionaries: read.map((r) => r.dictionary) };
}

/** Resolves once every shard has handed over its documents, prepared. */
async function prepareInShards(shards: ShardHandle[], vocabulary: Vocabulary, add: (path: string, prepared: PreparedDoc) => void): Promise<void> {
  await Promise.all(shards.map((shard) => shard.prepare(vocabulary, add)));
}

/**
 * Points this thread's jieba at the vault's reduced dictionary, writing it first as the union of
 * `parts`: the dictionaries that covered the files shards just read (and the vault's previous one,
 * after an update). Without one (nothing persisted, or it cannot be written) the full dictionary
 * loads instead. Either way jieba then knows the vault's vocabulary.
 */
function useVaultDictionary(dictFile: string | null, parts: readonly CutDictionary[] | null, vocabulary: Vocabulary): void {
  if (dictFile && (parts ? saveDictionary(dictFile, parts) : hasDictionary(dictFile))) {
    useReducedDictionary(dictFile);
  }
  addWords(vocabulary.words);
}

/**
 * Applies the vault's changes to a saved index. Returns null when that is not possible: a change
 * to the vocabulary alters how every file segments, so everything is rebuilt.
 */
async function tryIncremental(
  dir: string,
  saved: SavedIndex,
  listed: readonly VaultFile[],
  dictFile: string | null,
  progress: (m: string) => void,
): Promise<(Built & { report: OpenReport }) | null> {
  const previous = new Map(saved.files.map((f) => [f.path, f]));
  const changed = listed.filter((f) => {
    const old = previous.get(f.path);
    return !old || old.size !== f.size || old.mtimeMs !== f.mtimeMs;
  });
  const listedPaths = new Set(listed.map((f) => f.path));
  const removed = saved.files.filter((f) => !listedPaths.has(f.path)).map((f) => f.path);

  const unchanged = changed.length === 0 && removed.length === 0;
  const shards = changed.length > 0 ? openShards(changed.length, await workerScript()) : [];
  try {
    const fresh = await readInShards(shards, dir, changed);
    const freshByPath = new Map(fresh.entries.map((e) => [e.path, e]));
    const entries = listed.map((f) => freshByPath.get(f.path) ?? previous.get(f.path)!);
    const vocabulary = vocabularyFor(entries);
    if (JSON.stringify(vocabulary) !== JSON.stringify(saved.vocabulary)) return null;

    progress('载入已保存的索引…');
    let postings: Postings;
    try {
      postings = Postings.load(saved.postings);
    } catch {
      return null;
    }
    // An update keeps the words the dictionary already had; an unchanged vault uses it as it is.
    let kept: CutDictionary[] = [];
    try {
      if (!unchanged && dictFile) kept = [readDictionary(dictFile)];
    } catch {
      return null; // gone since the open looked
    }
    const { bullets } = saved;
    // Only changed files add bullets: a start with none skips mapping 40,000 terms to their ids.
    let ids: Map<string, number> | undefined;
    const stale = new Set([...removed, ...changed.map((f) => f.path)]);
    for (const path of stale) {
      if (!previous.get(path)?.doc) continue;
      removeBullets(bullets, path);
    }
    const positions = documentPositions(entries);
    const added = new Map<number, FieldTokens>();
    const preparing = prepareInShards(shards, vocabulary, (path, prepared) => {
      added.set(positions.get(path)!, fieldTokens(prepared));
      putBullets(bullets, (ids ??= termIds(bullets)), path, prepared);
    });
    await preparing;
    await closeShards(shards);
    useVaultDictionary(dictFile, unchanged ? null : [...kept, ...fresh.dictionaries], vocabulary);
    if (!unchanged) {
      // The saved postings number documents by their place among the saved files that parsed.
      const before = saved.files.filter((f) => f.doc).map((f) => f.path);
      const renumber = Int32Array.from(before, (path) => (stale.has(path) ? -1 : (positions.get(path) ?? -1)));
      postings = postings.update(renumber, positions.size, added);
    }
    const state = assemble(entries, postings, bullets, vocabulary);
    const mode = unchanged ? 'loaded' : 'updated';
    return { entries, state, report: { mode, reindexed: changed.map((f) => f.path), removed } };
  } finally {
    await closeShards(shards);
  }
}

/**
 * Ends the build workers. Done as soon as they have handed over their documents, before this
 * thread loads its dictionary: a cold build then never holds their memory (their jieba, their
 * heaps) and this dictionary's at once, which kept its peak 40 MB higher.
 */
async function closeShards(shards: readonly ShardHandle[]): Promise<void> {
  await Promise.all(shards.map((shard) => shard.close()));
}

/** Each parsed document's position among the engine's documents, which number it in the postings. */
function documentPositions(entries: readonly FileEntry[]): Map<string, number> {
  return new Map(entries.filter((e) => e.doc).map((e, i) => [e.path, i]));
}

function assemble(
  entries: readonly FileEntry[],
  postings: Postings,
  bullets: BulletStore,
  vocabulary: Vocabulary,
): SearchState {
  const docs = entries.flatMap((e) => (e.doc ? [e.doc] : []));
  const topics = buildTopics(docs);
  const state: SearchState = {
    docs,
    positions: new Map(docs.map((d, i) => [d.path, i])),
    ids: docs.map((d) => docId(d.path)),
    titleKeys: docs.map((d) => titleKey(d.title)),
    newest: docs
      .map((_, i) => i)
      .filter((i) => docs[i]!.kind !== 'topic')
      .sort((a, b) => compareNewestFirst(docs[a]!, docs[b]!)),
    postings,
    isTopic: Uint8Array.from(docs, (d) => (d.kind === 'topic' ? 1 : 0)),
    titleIndex: titleIndexOf(postings, docs.map((d) => d.path)),
    bullets,
    bulletScorer: bulletScorer(bullets),
    characters: characterIndex(bullets.terms),
    topics,
    vocabulary,
    phrases: phraseSet(vocabulary.phrases),
    synonyms: mergeSynonyms(glossSynonyms(entries.map((e) => e.glosses)), topicSynonyms(topics, vocabulary), thesaurus()),
  };
  return state;
}
