import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

/** One channel following one topic. Times are ms since the epoch. */
export interface Subscription {
  channelId: string;
  guildId: string;
  /** The topic's name as the vault gives it, whatever alias was typed. */
  topic: string;
  createdBy: string;
  createdAt: number;
  /** Set when the bot could no longer post to the channel; null while active. */
  pausedAt: number | null;
  pauseReason: string | null;
}

/** An article going to a channel: what the poster sends, and, once sent, what is never sent again. */
export interface Delivery {
  identity: string;
  channelId: string;
  /** Where the article is in the vault, to render it at sending time. */
  path: string;
  date: string;
  /** The followed topics it is posted for. */
  topics: string[];
}

export type DeliveryOutcome = 'sent' | 'failed' | 'dropped';

export const DATABASE_FILE = 'bot.sqlite';

/**
 * Schema changes in order: entry i takes a database from version i to i + 1 (PRAGMA user_version).
 * Append only; never edit one that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE subscriptions (
     channel_id TEXT NOT NULL,
     guild_id TEXT NOT NULL,
     topic TEXT NOT NULL,
     created_by TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     paused_at INTEGER,
     pause_reason TEXT,
     PRIMARY KEY (channel_id, topic)
   );
   -- Every article the bot has seen in the vault, under each path it had: only an article known by
   -- neither is new (see src/follow/plan.ts).
   CREATE TABLE known_articles (
     identity TEXT NOT NULL,
     path TEXT NOT NULL,
     first_seen_at INTEGER NOT NULL,
     PRIMARY KEY (identity, path)
   );
   CREATE INDEX known_articles_path ON known_articles (path);
   -- One row per article and channel, written before sending (status queued) and kept after.
   CREATE TABLE posted (
     identity TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     path TEXT NOT NULL,
     date TEXT NOT NULL,
     topics TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'dropped')),
     queued_at INTEGER NOT NULL,
     done_at INTEGER,
     message_id TEXT,
     PRIMARY KEY (identity, channel_id)
   );
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
];

interface SubscriptionRow {
  channel_id: string;
  guild_id: string;
  topic: string;
  created_by: string;
  created_at: number;
  paused_at: number | null;
  pause_reason: string | null;
}

interface PostedRow {
  identity: string;
  channel_id: string;
  path: string;
  date: string;
  topics: string;
}

const subscription = (row: SubscriptionRow): Subscription => ({
  channelId: row.channel_id,
  guildId: row.guild_id,
  topic: row.topic,
  createdBy: row.created_by,
  createdAt: row.created_at,
  pausedAt: row.paused_at,
  pauseReason: row.pause_reason,
});

/**
 * The bot's own data, in SQLite: which channels follow which topics, which articles it has seen and
 * what it posted where. Every change is one transaction, so a crash leaves the last whole state.
 */
export class FollowStore {
  private constructor(private readonly db: Database.Database) {}

  /** Opens (creating the folder and file when missing) and migrates `${dir}/bot.sqlite`. */
  static open(dir: string, migrations: readonly string[] = MIGRATIONS): FollowStore {
    const file = join(dir, DATABASE_FILE);
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    try {
      // WAL: readers never wait for the writer, and a crash mid-write leaves the last commit.
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      migrate(db, migrations);
    } catch (error) {
      db.close();
      throw error;
    }
    return new FollowStore(db);
  }

  close(): void {
    this.db.close();
  }

  /**
   * Runs `work` as one transaction: all of it is stored, or none. Immediate: it takes the write lock
   * first, waiting for another process (a shard) to finish, rather than read a state that process
   * may change and then fail to write.
   */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  // --- Subscriptions ----------------------------------------------------------------------------

  /**
   * Subscribes the channel to the topic. A pause is about the channel (the bot could not post
   * there), so following anything in it again resumes every paused topic of the channel.
   */
  follow(request: { channelId: string; guildId: string; topic: string; userId: string; now: number }): { added: boolean; resumed: number } {
    return this.transaction(() => {
      const resumed = this.db
        .prepare('UPDATE subscriptions SET paused_at = NULL, pause_reason = NULL WHERE channel_id = ? AND paused_at IS NOT NULL')
        .run(request.channelId).changes;
      const added = this.db
        .prepare('INSERT OR IGNORE INTO subscriptions (channel_id, guild_id, topic, created_by, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(request.channelId, request.guildId, request.topic, request.userId, request.now).changes;
      return { added: added > 0, resumed };
    });
  }

  /** False when the channel did not follow the topic. */
  unfollow(channelId: string, topic: string): boolean {
    return this.db.prepare('DELETE FROM subscriptions WHERE channel_id = ? AND topic = ?').run(channelId, topic).changes > 0;
  }

  /** The channel's subscriptions, oldest first. */
  subscriptions(channelId: string): Subscription[] {
    const rows = this.db.prepare('SELECT * FROM subscriptions WHERE channel_id = ? ORDER BY created_at, topic').all(channelId) as SubscriptionRow[];
    return rows.map(subscription);
  }

  /** Every subscription that is not paused, in all channels. */
  activeSubscriptions(): Subscription[] {
    const rows = this.db.prepare('SELECT * FROM subscriptions WHERE paused_at IS NULL ORDER BY channel_id, created_at').all() as SubscriptionRow[];
    return rows.map(subscription);
  }

  /** Pauses every subscription of the channel and drops what was still queued for it. */
  pauseChannel(channelId: string, reason: string, now: number): number {
    return this.transaction(() => {
      this.db.prepare("UPDATE posted SET status = 'dropped', done_at = ? WHERE channel_id = ? AND status = 'queued'").run(now, channelId);
      return this.db
        .prepare('UPDATE subscriptions SET paused_at = ?, pause_reason = ? WHERE channel_id = ? AND paused_at IS NULL')
        .run(now, reason, channelId).changes;
    });
  }

  // --- Articles seen ----------------------------------------------------------------------------

  isKnown(identity: string, path: string): boolean {
    return this.db.prepare('SELECT 1 FROM known_articles WHERE identity = ? OR path = ? LIMIT 1').get(identity, path) !== undefined;
  }

  remember(articles: readonly { identity: string; path: string }[], now: number): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO known_articles (identity, path, first_seen_at) VALUES (?, ?, ?)');
    this.transaction(() => {
      for (const { identity, path } of articles) insert.run(identity, path, now);
    });
  }

  /** A value kept with the data, such as what the known articles were first taken from. */
  meta(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  // --- Posts ------------------------------------------------------------------------------------

  /** Queues each delivery unless that article already went (or is going) to that channel; returns how many were new. */
  enqueue(deliveries: readonly Delivery[], now: number): number {
    const insert = this.db.prepare(
      "INSERT OR IGNORE INTO posted (identity, channel_id, path, date, topics, status, queued_at) VALUES (?, ?, ?, ?, ?, 'queued', ?)",
    );
    return this.transaction(() =>
      deliveries.reduce((count, d) => count + insert.run(d.identity, d.channelId, d.path, d.date, JSON.stringify(d.topics), now).changes, 0),
    );
  }

  /** Deliveries not yet sent, in the order they were planned. */
  queued(): Delivery[] {
    const rows = this.db.prepare("SELECT identity, channel_id, path, date, topics FROM posted WHERE status = 'queued' ORDER BY rowid").all() as PostedRow[];
    return rows.map((row) => ({ identity: row.identity, channelId: row.channel_id, path: row.path, date: row.date, topics: JSON.parse(row.topics) as string[] }));
  }

  isQueued(identity: string, channelId: string): boolean {
    return this.db.prepare("SELECT 1 FROM posted WHERE identity = ? AND channel_id = ? AND status = 'queued'").get(identity, channelId) !== undefined;
  }

  finish(identity: string, channelId: string, outcome: DeliveryOutcome, now: number, messageId: string | null = null): void {
    this.db
      .prepare('UPDATE posted SET status = ?, done_at = ?, message_id = ? WHERE identity = ? AND channel_id = ?')
      .run(outcome, now, messageId, identity, channelId);
  }
}

/** Brings the database to the last version, each step in its own transaction; refuses a newer one. */
function migrate(db: Database.Database, migrations: readonly string[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`the database is at version ${current}, newer than this code knows (${migrations.length}): run the newer version of the bot, or use another DATA_DIR`);
  }
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
