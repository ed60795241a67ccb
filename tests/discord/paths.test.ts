import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test, vi, type MockInstance } from 'vitest';
import { command as summary } from '../../commands/summary.js';
import { loadVault } from '../../src/digest/load.js';
import { askReply, openReply, summaryReply, topicReply } from '../../src/discord/answers.js';
import { decodeCustomId, decodeOpenValue } from '../../src/discord/customId.js';
import { replyLinks, type Links } from '../../src/discord/render/links.js';
import { UserError } from '../../src/discord/errors.js';
import type { Reply } from '../../src/discord/reply.js';
import { openEngine, type Engine } from '../../src/search/engine.js';
import { PATHS } from '../fixtures/hostile.js';
import { FIXTURE_VAULT } from './e2e/botProcess.js';

/**
 * A /summary title or a button or menu value can only name a document of the index: whatever
 * path a user types, nothing reads the file system. Every reading function of `fs` is spied on
 * (the ESM bindings the source imports are synced to the spies), so a read anywhere shows.
 */

const READERS = [
  'open', 'openSync', 'read', 'readSync', 'readFile', 'readFileSync', 'readdir', 'readdirSync', 'opendir', 'opendirSync',
  'stat', 'statSync', 'lstat', 'lstatSync', 'access', 'accessSync', 'exists', 'existsSync', 'createReadStream', 'readlink', 'readlinkSync',
] as const;
const PROMISE_READERS = ['open', 'readFile', 'readdir', 'opendir', 'stat', 'lstat', 'access', 'readlink'] as const;

let spies: MockInstance[] = [];
const reads = () => spies.flatMap((spy) => spy.mock.calls.map((args) => `${spy.getMockName()}(${String(args[0])})`));

let engine: Engine;
let links: Links;
let vaultPaths: string[];
beforeAll(async () => {
  engine = await openEngine({ dir: FIXTURE_VAULT, persist: false });
  links = replyLinks('https://digest.example.com/', engine);
  vaultPaths = engine.docs.map((d) => d.path);
  spies = [
    ...READERS.map((name) => vi.spyOn(fs, name).mockName(`fs.${name}`)),
    ...PROMISE_READERS.map((name) => vi.spyOn(fs.promises, name).mockName(`fs.promises.${name}`)),
  ] as MockInstance[];
  syncBuiltinESMExports();
  return () => {
    vi.restoreAllMocks();
    syncBuiltinESMExports();
  };
});
afterEach(() => {
  for (const spy of spies) spy.mockClear();
});

/** What users may type that names a file: paths outside the vault, and the vault's own files by path. */
function pathLike(): string[] {
  const inVault = vaultPaths.flatMap((path) => [path, path.replace(/\.md$/, ''), join(FIXTURE_VAULT, path), `../${path}`, path.replaceAll('/', '\\'), encodeURIComponent(path), `${path}\0`]);
  return [...PATHS, ...inVault];
}

/** The titles a reply shows: they must all be titles of the index's documents. */
const titlesOf = (outcome: Reply | UserError) => (outcome instanceof UserError ? [] : (outcome.embeds ?? []).map((e) => e.title ?? ''));

test('the spies see a read: loading the vault is recorded', () => {
  loadVault(FIXTURE_VAULT);
  expect(reads().some((r) => r.startsWith('fs.readFileSync('))).toBe(true);
});

describe('a path typed by a user', () => {
  test('into /summary finds nothing, or a document of the index by its title words, reading no file', () => {
    const titles = new Set(engine.docs.map((d) => d.title));
    for (const value of pathLike()) {
      const outcome = summary.run({ getString: () => value, getInteger: () => null }, engine, links);
      for (const title of titlesOf(outcome)) expect(titles.has(title.replace(/\\/g, '')), value).toBe(true);
      if (PATHS.includes(value)) expect(outcome, value).toBeInstanceOf(UserError);
    }
    expect(reads()).toEqual([]);
  });

  test('as a menu value opens nothing: an unknown document, or an unknown topic', () => {
    for (const value of pathLike()) {
      expect(decodeOpenValue(value), value).toBeNull();
      expect(openReply(engine, links, decodeOpenValue(`d:${value}`)!), value).toEqual(new UserError('这篇文章已不在索引中，可能已被删除或改名。'));
      const topic = openReply(engine, links, decodeOpenValue(`t:${value}`)!);
      expect(topic, value).toBeInstanceOf(UserError);
      expect((topic as UserError).message, value).toMatch(/^没有名为「.*」的主题。/s);
    }
    expect(reads()).toEqual([]);
  });

  test('as a button id is stale; inside a paging id it is only a query or a topic name', () => {
    for (const value of pathLike()) {
      expect(decodeCustomId(value), value).toBeNull();
      const topicPage = decodeCustomId(`v1|topicPage|0|${value}`);
      expect(topicPage, value).toEqual({ kind: 'topicPage', offset: 0, topic: value });
      expect(topicReply(engine, links, value, 0), value).toBeInstanceOf(UserError);
      const askPage = decodeCustomId(`v1|askPage|0|5||${value}`);
      if (askPage?.kind === 'askPage') askReply(engine, links, askPage);
      summaryReply(engine, links, value);
    }
    expect(reads()).toEqual([]);
  });

  test('while a document id the index gave still opens that document, reading no file', () => {
    const doc = engine.docs.find((d) => d.kind !== 'topic')!;
    const reply = openReply(engine, links, decodeOpenValue(`d:${engine.idOf(doc.path)}`)!) as Reply;
    expect(reply.embeds![0]!.title).toBe(doc.title);
    expect(reads()).toEqual([]);
  });
});
