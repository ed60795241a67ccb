import { execFileSync, spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { indexFile } from '../../../src/search/persist.js';

export const REPO = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const FIXTURE_VAULT = join(REPO, 'tests/discord/fixtures/vault');

export type LogLine = Record<string, unknown> & { level: number; msg: string };

/**
 * Every setting given explicitly, empty meaning unset: dotenv never overrides a variable that is
 * present, so a developer's own `.env` cannot leak into the tests.
 */
export function botEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DISCORD_TOKEN: '',
    DISCORD_APPLICATION_ID: '',
    DISCORD_GUILD_ID: '',
    DISCORD_API_URL: '',
    SHARD_COUNT: '',
    DIGEST_DIR: FIXTURE_VAULT,
    DIGEST_BASE_URL: '',
    // A fresh saved index per run: the tests neither read nor disturb the developer's `.cache/`.
    INDEX_CACHE_DIR: mkdtempSync(join(tmpdir(), 'digest-bot-cache-')),
    // Likewise a fresh database: subscriptions never leak between tests or into `data/`.
    DATA_DIR: mkdtempSync(join(tmpdir(), 'digest-bot-data-')),
    SHUTDOWN_GRACE_SECONDS: '',
    HEALTH_PORT: '',
    HEALTH_HOST: '',
    LOG_LEVEL: 'info',
    ...settings,
  };
}

/** Node's arguments in a script of package.json (`node src/run.mjs …`): the tests start what users start. */
function npmScript(name: string): string[] {
  const scripts = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const [command, ...args] = scripts[name]!.split(' ');
  if (command !== 'node') throw new Error(`package.json script ${name} does not start with node: ${scripts[name]}`);
  return args;
}

/** The bot as `npm start` runs it; a shard of `npm run start:sharded` runs the same. */
export const BOT_ARGS = npmScript('start');

/** A process run the way a user runs it (`npm start`, `npm run deploy`…), its pino log lines parsed as they come. */
export class Process {
  readonly logs: LogLine[] = [];
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private readonly waiters = new Set<() => void>();

  /** With `ipc`, the process has a parent channel, as a shard of the sharding manager does. */
  constructor(args: readonly string[], env: NodeJS.ProcessEnv, { ipc = false } = {}) {
    const stdio: StdioOptions = ['ignore', 'pipe', 'pipe', ...(ipc ? ['ipc' as const] : [])];
    this.child = spawn(process.execPath, args, { cwd: REPO, env, stdio });
    let partial = '';
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      this.stdout += chunk;
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        try {
          this.logs.push(JSON.parse(line) as LogLine);
        } catch {
          // Not a log line (e.g. deploy's summary); kept in `stdout`.
        }
      }
      this.notify();
    });
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
      this.notify();
    });
    // After 'exit' the last log lines may still be on their way: wait for stdout and stderr to end.
    // (Not 'close': after the parent disconnects an IPC channel, it never comes.)
    const drained = Promise.all([this.child.stdout!, this.child.stderr!].map((stream) => finished(stream).catch(() => undefined)));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => void drained.then(() => resolve(code))));
  }

  private notify(): void {
    for (const waiter of this.waiters) waiter();
  }

  /** Resolves with the first log line that matches; fails early if the process exits first. */
  waitForLog(match: (line: LogLine) => boolean, timeoutMs = 30_000): Promise<LogLine> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const line = this.logs.find(match);
        if (!line) return;
        done();
        resolve(line);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no matching log line within ${timeoutMs} ms.\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`));
      }, timeoutMs);
      let settled = false;
      const done = () => {
        settled = true;
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      void this.exited.then((code) => {
        if (settled) return;
        done();
        reject(new Error(`process exited (${code}) before the log line.\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`));
      });
      this.waiters.add(check);
      check();
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Closes the parent channel, as the end of a sharding manager does. */
  disconnect(): void {
    this.child.disconnect();
  }

  /** Sends a signal, e.g. SIGTERM as a platform stopping the container does; `exited` tells the outcome. */
  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    await this.exited;
  }
}

export const startBot = (env: NodeJS.ProcessEnv) => new Process(BOT_ARGS, env);

/**
 * A bot whose index stays "opening" until the test lets it: the saved index it reads at start is a
 * named pipe, like a very slow disk, so no timing is involved. `openIndex` completes the read.
 */
export function startBotWithIndexHeld(env: NodeJS.ProcessEnv): { bot: Process; openIndex: () => Promise<void> } {
  const savedIndex = indexFile(env.INDEX_CACHE_DIR!, env.DIGEST_DIR!);
  execFileSync('mkfifo', [savedIndex]);
  return { bot: startBot(env), openIndex: () => writeFile(savedIndex, '{}') };
}
export const startSharded = (env: NodeJS.ProcessEnv) => new Process(npmScript('start:sharded'), env);
export const runDeploy = (env: NodeJS.ProcessEnv) => new Process(npmScript('deploy'), env);
