/**
 * `npm run load [VAULT] [IN_FLIGHT]`: the bot as its own process, as `npm start` runs it, on a warm
 * index, against the fake Discord of the end-to-end tests. 1,000 interactions go out over the
 * gateway, IN_FLIGHT (default 200) at a time, mixed /ask, /topic, /summary and autocomplete, each
 * from a user of its own (one user would meet the per-user rate). Prints how many were answered,
 * the time from dispatch to the interaction callback reaching the fake's REST API, the bot's CPU
 * time and its peak RSS. Figures, not a timed test: it exits non-zero when interactions are lost,
 * or when it could not measure a warm bot.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CALLBACK_WINDOW_MS } from '../src/discord/interactionWindow.js';
import { FakeDiscord, type Recorded } from '../tests/discord/fakeDiscord.js';
import { botEnv, Process, startBot } from '../tests/discord/e2e/botProcess.js';
import { cpuSeconds, fmt, memory, percentile, readJsonl, REAL_VAULT, requireVault } from './lib.js';

const TOTAL = 1_000;
/** From the first dispatch: whatever has no callback by then is reported lost. */
const DEADLINE_MS = 120_000;
/** A cold build of the real vault takes about 10 s; ten times that is a hang. */
const STARTUP_MS = 300_000;

const KINDS = ['ask', 'topic', 'summary', 'autocomplete'] as const;
type Kind = (typeof KINDS)[number];

const queries = (name: string) => readJsonl<{ q: string }>(name).map((c) => c.q);

/** The i-th interaction of a kind, its text taken in turn from the labelled sets in bench/eval/. */
function dispatcher(fake: FakeDiscord): (kind: Kind, i: number) => string {
  const asks = queries('ask.jsonl');
  const topics = queries('topic.jsonl');
  const titles = queries('summary.jsonl');
  const nth = (list: string[], i: number) => list[i % list.length]!;
  // What a user has typed so far: the first 1 to 4 characters of a topic or a title.
  const typed = (text: string, i: number) => Array.from(text).slice(0, 1 + (i % 4)).join('');
  return (kind, i) => {
    switch (kind) {
      case 'ask':
        return fake.command('ask', { question: nth(asks, i) });
      case 'topic':
        return fake.command('topic', { name: nth(topics, i) });
      case 'summary':
        return fake.command('summary', { title: nth(titles, i) });
      case 'autocomplete':
        return i % 2 ? fake.autocomplete('topic', 'name', typed(nth(topics, i), i)) : fake.autocomplete('summary', 'title', typed(nth(titles, i), i));
    }
  };
}

/** Rejects after `ms`, naming what did not happen in time. */
const timeout = (ms: number, what: string) =>
  new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms / 1000} s`)), ms).unref());

/** Builds and saves the index in a process of its own, so that the bot measured loads it warm. */
async function warmIndex(env: NodeJS.ProcessEnv): Promise<void> {
  const opener = new Process(['src/run.mjs', 'src/discord/openIndex.ts'], env);
  const code = await Promise.race([opener.exited, timeout(STARTUP_MS, 'building the index')]);
  if (code !== 0) throw new Error(`building the index failed (${code}):\n${opener.stderr}`);
}

interface Sent {
  id: string;
  kind: Kind;
  at: number;
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? REAL_VAULT;
  const inFlight = Number(process.argv[3] ?? 200);
  if (!Number.isInteger(inFlight) || inFlight < 1) throw new Error('usage: npm run load [VAULT] [IN_FLIGHT, a whole number from 1]');
  if (!requireVault(dir, 'load')) return;
  const fake = await FakeDiscord.start();
  const cacheDir = mkdtempSync(join(tmpdir(), 'digest-load-cache-'));
  const env = botEnv({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DIGEST_DIR: dir, INDEX_CACHE_DIR: cacheDir });
  let bot: Process | undefined;
  try {
    await warmIndex(env);
    bot = startBot(env);
    await bot.waitForLog((l) => l.msg === 'ready', STARTUP_MS);
    const opened = await bot.waitForLog((l) => l.msg === 'index ready', STARTUP_MS);
    if (opened.mode !== 'loaded') {
      // Its build and save would run under the load: that measures a cold start, not answering.
      console.log(`load: the bot's index was ${opened.mode}, not loaded as saved (the vault or the search code changed meanwhile); not measured, run again.`);
      process.exitCode = 1;
      return;
    }
    console.log(`load: ${dir}, ${opened.articles} articles, ${TOTAL} interactions, ${inFlight} in flight, mixed ${KINDS.join(' / ')}`);
    console.log(`machine: ${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)} before the run`);

    // When each interaction's first callback arrived, read off the fake's own request events: one
    // listener for all, so the measuring adds no per-request search to the loop it shares with the fake.
    const arrived = new Map<string, number>();
    const waiting = new Map<string, () => void>();
    fake.on('request', (r: Recorded) => {
      const id = /^\/api\/v10\/interactions\/(\d+)\/[^/]+\/callback$/.exec(r.path)?.[1];
      if (!id || r.method !== 'POST' || arrived.has(id)) return;
      arrived.set(id, performance.now());
      waiting.get(id)?.();
    });

    const dispatch = dispatcher(fake);
    const sent: Sent[] = [];
    const deadline = timeout(DEADLINE_MS, 'the run').catch(() => 'deadline' as const);
    let next = 0;
    let expired = false;
    // Each lane keeps one interaction in flight: `inFlight` lanes, the next dispatch as soon as a callback lands.
    const lane = async () => {
      while (next < TOTAL && !expired) {
        const i = next++;
        const kind = KINDS[i % KINDS.length]!;
        const at = performance.now();
        const id = dispatch(kind, i);
        sent.push({ id, kind, at });
        const answered = new Promise<void>((resolve) => (arrived.has(id) ? resolve() : waiting.set(id, resolve)));
        if ((await Promise.race([answered, deadline])) === 'deadline') expired = true;
      }
    };
    const started = performance.now();
    const cpuBefore = cpuSeconds(bot.pid!);
    await Promise.all(Array.from({ length: inFlight }, lane));
    const wallS = (performance.now() - started) / 1000;
    const cpuS = cpuSeconds(bot.pid!) - cpuBefore;

    const answered = sent.filter((s) => arrived.has(s.id));
    const lost = sent.length - answered.length;
    const ms = (list: Sent[]) => list.map((s) => arrived.get(s.id)! - s.at);
    const figures = (list: Sent[]) => {
      const times = ms(list);
      return `p50 ${fmt(percentile(times, 50), 1)} ms  p99 ${fmt(percentile(times, 99), 1)} ms  max ${fmt(Math.max(...times), 1)} ms`;
    };
    const answeredIds = new Set(answered.map((s) => s.id));
    const notAnswers = bot.logs.filter((l) => ['refused', 'interaction failed', 'interaction expired before its reply landed'].includes(l.msg) && answeredIds.has(l.interaction as string));
    const { rssMb, peakMb } = memory(bot.pid!);

    console.log(`sent       ${sent.length}${sent.length < TOTAL ? ` (${TOTAL - sent.length} never sent: the ${DEADLINE_MS / 1000}-s deadline passed)` : ''}`);
    // The fake takes a callback at any time; Discord answers one later than its window 10062.
    const late = ms(answered).filter((t) => t > CALLBACK_WINDOW_MS).length;
    console.log(`answered   ${answered.length}, of which refusals or apologies: ${notAnswers.length}, later than Discord's ${CALLBACK_WINDOW_MS / 1000}-s window: ${late}`);
    console.log(`lost       ${lost}${lost ? `: ${sent.filter((s) => !arrived.has(s.id)).slice(0, 10).map((s) => `${s.kind} ${s.id}`).join(', ')}${lost > 10 ? ' …' : ''}` : ''}`);
    console.log(`latency    ${figures(answered)}  (dispatch to callback, ${fmt(answered.length / wallS, 0)} interactions/s over ${fmt(wallS, 1)} s)`);
    for (const kind of KINDS) {
      const ofKind = answered.filter((s) => s.kind === kind);
      console.log(`  ${kind.padEnd(13)}${figures(ofKind)}  (${ofKind.length})`);
    }
    // The bot runs as `npm start` runs it: one process, which holds the index.
    console.log(`bot CPU    ${fmt(cpuS, 1)} s in those ${fmt(wallS, 1)} s`);
    console.log(`bot memory peak RSS ${peakMb} MB, RSS at the end ${rssMb} MB (pid ${bot.pid})`);
    process.exitCode = lost > 0 ? 1 : 0;
  } finally {
    await bot?.stop();
    await fake.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

await main();
