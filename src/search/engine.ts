import { createHash } from 'node:crypto';
import MiniSearch from 'minisearch';
import { listVault, readDocument, type VaultFile } from '../digest/load.js';
import type { DigestDoc, DocRecord, SkippedFile } from '../digest/types.js';
import type { AskAnswer, IndexStats, Suggestion, SummaryAnswer, TopicAnswer } from './answers.js';
import { ask, type AskOptions } from './ask.js';
import { BULLET_INDEX_OPTIONS, DOC_INDEX_OPTIONS, bulletEntries, docEntry, newBulletIndex, newDocIndex } from './indexes.js';
import { addWords } from './jieba.js';
import { codeFingerprint, indexFile, readSaved, skippedOf, writeSaved, type FileEntry, type SavedIndex } from './persist.js';
import { prepareDoc } from './prepare.js';
import type { SearchState } from './state.js';
import { suggestTitles, suggestTopics, summary, titleKey } from './titles.js';
import { buildTopics, resolveTopic } from './topics.js';
import { buildVocabulary, glossesOf, phraseSet, type Vocabulary } from './vocabulary.js';

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
  readonly idIndex: Map<string, number>;

  constructor(
    private readonly state: SearchState,
    readonly stats: IndexStats,
    readonly skipped: SkippedFile[],
    readonly report: OpenReport,
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

  /** `01-博客/OpenAI/xxx` or `00-元语/OpenAI` (with or without `.md`) to its document. */
  resolveLink(target: string): DocRecord | undefined {
    const path = target.replace(/\.md$/i, '') + '.md';
    const index = this.state.positions.get(path);
    return index === undefined ? undefined : this.state.docs[index];
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
  const listed = await listVault(options.dir);
  const saved = persist ? await readSaved(file, fingerprint) : null;

  let entries: FileEntry[];
  let state: SearchState;
  let report: OpenReport;
  let builtAt = Date.now();
  const incremental = saved ? await tryIncremental(options.dir, saved, listed, progress) : null;
  if (saved && incremental) {
    ({ entries, state, report } = incremental);
    if (report.mode === 'loaded') builtAt = saved.builtAt;
  } else {
    ({ entries, state } = await buildAll(options.dir, listed, progress));
    report = { mode: 'built', reindexed: listed.map((f) => f.path), removed: [] };
  }
  if (persist && report.mode !== 'loaded') {
    progress('保存索引…');
    await writeSaved(file, {
      fingerprint,
      builtAt,
      vocabulary: state.vocabulary,
      files: entries,
      docIndex: state.docIndex.toJSON(),
      bulletIndex: state.bulletIndex.toJSON(),
    });
  }
  const stats: IndexStats = {
    articles: state.docs.filter((d) => d.kind !== 'topic').length,
    topics: state.topics.filter((t) => t.path).length,
    files: listed.length,
    builtAt,
    buildMs: Math.round(performance.now() - started),
  };
  return new Engine(state, stats, skippedOf(entries), report);
}

interface Built {
  entries: FileEntry[];
  state: SearchState;
}

async function readAll(dir: string, files: readonly VaultFile[], progress: (m: string) => void): Promise<{ entries: FileEntry[]; parsed: Map<string, DigestDoc> }> {
  const entries: FileEntry[] = [];
  const parsed = new Map<string, DigestDoc>();
  let done = 0;
  for (const file of files) {
    const result = await readDocument(dir, file);
    if ('doc' in result) {
      parsed.set(file.path, result.doc);
      const { sections: _body, ...record } = result.doc;
      entries.push({ ...file, doc: record, glosses: glossesOf(result.doc) });
    } else {
      entries.push({ ...file, glosses: [], skipped: result.skipped.reason });
    }
    if (++done % 500 === 0) progress(`读取 ${done}/${files.length}`);
  }
  return { entries, parsed };
}

function vocabularyFor(entries: readonly FileEntry[]): Vocabulary {
  const docs = entries.flatMap((e) => (e.doc ? [e.doc] : []));
  return buildVocabulary(docs, entries.map((e) => e.glosses));
}

async function buildAll(dir: string, files: readonly VaultFile[], progress: (m: string) => void): Promise<Built> {
  const { entries, parsed } = await readAll(dir, files, progress);
  const vocabulary = vocabularyFor(entries);
  addWords(vocabulary.words);
  const phrases = phraseSet(vocabulary.phrases);
  const docIndex = newDocIndex();
  const bulletIndex = newBulletIndex();
  let done = 0;
  for (const [path, doc] of parsed) {
    const prepared = prepareDoc(doc, phrases);
    docIndex.add(docEntry(path, prepared));
    bulletIndex.addAll(bulletEntries(path, prepared));
    if (++done % 250 === 0) progress(`分词与索引 ${done}/${parsed.size}`);
  }
  const state = assemble(entries, docIndex, bulletIndex, vocabulary);
  return { entries, state };
}

/**
 * Applies the vault's changes to a saved index. Returns null when that is not possible: a change
 * to the vocabulary alters how every file segments, so everything is rebuilt.
 */
async function tryIncremental(
  dir: string,
  saved: SavedIndex,
  listed: readonly VaultFile[],
  progress: (m: string) => void,
): Promise<(Built & { report: OpenReport }) | null> {
  const previous = new Map(saved.files.map((f) => [f.path, f]));
  const changed = listed.filter((f) => {
    const old = previous.get(f.path);
    return !old || old.size !== f.size || old.mtimeMs !== f.mtimeMs;
  });
  const listedPaths = new Set(listed.map((f) => f.path));
  const removed = saved.files.filter((f) => !listedPaths.has(f.path)).map((f) => f.path);

  const { entries: fresh, parsed } = await readAll(dir, changed, progress);
  const freshByPath = new Map(fresh.map((e) => [e.path, e]));
  const entries = listed.map((f) => freshByPath.get(f.path) ?? previous.get(f.path)!);
  const vocabulary = vocabularyFor(entries);
  if (JSON.stringify(vocabulary) !== JSON.stringify(saved.vocabulary)) return null;

  progress('载入已保存的索引…');
  addWords(vocabulary.words);
  let docIndex: MiniSearch<ReturnType<typeof docEntry>>;
  let bulletIndex: MiniSearch<ReturnType<typeof bulletEntries>[number]>;
  try {
    docIndex = MiniSearch.loadJS(saved.docIndex as never, DOC_INDEX_OPTIONS);
    bulletIndex = MiniSearch.loadJS(saved.bulletIndex as never, BULLET_INDEX_OPTIONS);
  } catch {
    return null;
  }
  const phrases = phraseSet(vocabulary.phrases);
  for (const path of [...removed, ...changed.map((f) => f.path)]) {
    const old = previous.get(path);
    if (!old?.doc) continue;
    docIndex.discard(path);
    for (let k = 0; k <= old.doc.keyPoints.length + old.doc.risks.length; k++) {
      if (bulletIndex.has(`${path}#${k}`)) bulletIndex.discard(`${path}#${k}`);
    }
  }
  for (const [path, doc] of parsed) {
    const prepared = prepareDoc(doc, phrases);
    docIndex.add(docEntry(path, prepared));
    bulletIndex.addAll(bulletEntries(path, prepared));
  }
  const state = assemble(entries, docIndex, bulletIndex, vocabulary);
  const mode = changed.length === 0 && removed.length === 0 ? 'loaded' : 'updated';
  return { entries, state, report: { mode, reindexed: changed.map((f) => f.path), removed } };
}

function assemble(
  entries: readonly FileEntry[],
  docIndex: SearchState['docIndex'],
  bulletIndex: SearchState['bulletIndex'],
  vocabulary: Vocabulary,
): SearchState {
  const docs = entries.flatMap((e) => (e.doc ? [e.doc] : []));
  const state: SearchState = {
    docs,
    positions: new Map(docs.map((d, i) => [d.path, i])),
    ids: docs.map((d) => docId(d.path)),
    titleKeys: docs.map((d) => titleKey(d.title)),
    docIndex,
    bulletIndex,
    topics: buildTopics(docs),
    vocabulary,
    phrases: phraseSet(vocabulary.phrases),
  };
  return state;
}
