import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import type { DocRecord } from '../digest/types.js';
import type { Engine } from '../search/engine.js';
import type { IndexUpdate } from '../search/live.js';
import { PacedQueues } from './pace.js';
import { IDENTITY_VERSION, planPosts, seenOf } from './plan.js';
import type { Delivery, FollowStore } from './store.js';

export type SendResult =
  | { ok: true; messageId: string }
  /** `unreachable`: the channel is gone or the bot may no longer post there; retrying cannot help. */
  | { ok: false; unreachable: boolean; error: unknown };

/**
 * Posts one message to a channel. The nonce is the same each time the same article goes to the
 * same channel, so Discord can drop a repeat (see {@link nonceOf}).
 */
export type SendPost<M> = (channelId: string, message: M, nonce: string) => Promise<SendResult>;

export interface PosterOptions<M> {
  store: FollowStore;
  /** The message for an article, rendered from the engine current when it is sent. */
  render: (engine: Engine, doc: DocRecord, topics: readonly string[]) => M;
  send: SendPost<M>;
  log: Logger;
  queues?: PacedQueues;
}

/** Marks what the known articles were taken from: another vault or another identity rule starts over. */
const BASELINE_KEY = 'baseline';

/**
 * Posts new articles of followed topics to the channels that follow them.
 *
 * Each delivery is stored as queued, in the same transaction that records the article as seen,
 * before anything is sent; it is marked sent after Discord accepts it. So a restart or a crash
 * never loses a post (queued ones are sent at the next start) and never plans one twice. The one
 * window for a repeat, a crash after Discord accepted a post but before it was marked, is closed
 * by the nonce Discord enforces for a few minutes.
 */
export class Poster<M> {
  private engine: Engine | undefined;
  private readonly queues: PacedQueues;
  private readonly inFlight = new Set<string>();

  constructor(private readonly options: PosterOptions<M>) {
    this.queues = options.queues ?? new PacedQueues();
  }

  /**
   * At start, with the first index. A database that has not seen this vault (new, or another
   * vault, or another identity rule) takes every article as known and posts nothing, so the first
   * start cannot flood a channel. Otherwise articles added while the bot was down, known by neither
   * identity nor path, are posted now. Then whatever was still queued is sent.
   */
  start(engine: Engine, vault: string): void {
    this.engine = engine;
    const baseline = JSON.stringify({ vault: resolve(vault), identity: IDENTITY_VERSION });
    const { store, log } = this.options;
    this.plan('start', () => {
      if (store.meta(BASELINE_KEY) === baseline) return this.queue(engine.docs);
      store.remember(seenOf(engine.docs), Date.now());
      store.setMeta(BASELINE_KEY, baseline);
      log.info({ documents: engine.docs.length }, 'following: took every article in the vault as already seen');
      return 0;
    });
  }

  /** Each index update: only added files (new, or renamed) can be new articles; an edit never is. */
  update(update: IndexUpdate): void {
    this.engine = update.engine;
    const { store } = this.options;
    this.plan('update', () => {
      const queued = this.queue(update.added);
      store.remember(seenOf(update.changed), Date.now());
      return queued;
    });
  }

  /** Resolves once every queued post has been tried. */
  idle(): Promise<void> {
    return this.queues.idle();
  }

  private plan(when: 'start' | 'update', work: () => number): void {
    const { store, log } = this.options;
    try {
      const queued = store.transaction(work);
      log.info({ when, queued }, 'following: planned posts');
    } catch (err) {
      log.error({ err, when }, 'following: could not plan posts');
    }
    this.drain();
  }

  /** Stores the deliveries of the new articles among `candidates` and remembers all of them as seen. */
  private queue(candidates: readonly DocRecord[]): number {
    const { store } = this.options;
    const { seen, deliveries } = planPosts(candidates, store.activeSubscriptions(), (identity, path) => store.isKnown(identity, path));
    store.remember(seen, Date.now());
    return store.enqueue(deliveries, Date.now());
  }

  /** Hands every stored delivery not already on its way to its channel's paced queue. */
  private drain(): void {
    let queued: Delivery[];
    try {
      queued = this.options.store.queued();
    } catch (err) {
      this.options.log.error({ err }, 'following: could not read the queued posts');
      return;
    }
    for (const delivery of queued) {
      const key = `${delivery.identity}\n${delivery.channelId}`;
      if (this.inFlight.has(key)) continue;
      this.inFlight.add(key);
      void this.queues
        .push(delivery.channelId, () => this.deliver(delivery))
        .catch((err: unknown) => this.options.log.error({ err, ...delivery }, 'following: could not post'))
        .finally(() => this.inFlight.delete(key));
    }
  }

  private async deliver(delivery: Delivery): Promise<void> {
    const { store, log, send, render } = this.options;
    const { identity, channelId, path } = delivery;
    // Paused (and its queue dropped) since it was planned.
    if (!store.isQueued(identity, channelId)) return;
    const doc = this.engine?.byPath(path);
    if (!this.engine || !doc) {
      store.finish(identity, channelId, 'dropped', Date.now());
      log.warn({ channel: channelId, path }, 'following: article left the vault before it was posted');
      return;
    }
    let result: SendResult;
    try {
      result = await send(channelId, render(this.engine, doc, delivery.topics), nonceOf(identity, channelId));
    } catch (error) {
      // A message that cannot be rendered would fail the same way at every retry.
      result = { ok: false, unreachable: false, error };
    }
    if (result.ok) {
      store.finish(identity, channelId, 'sent', Date.now(), result.messageId);
      log.info({ channel: channelId, path, topics: delivery.topics, message: result.messageId }, 'following: posted');
    } else if (result.unreachable) {
      const paused = store.pauseChannel(channelId, describeError(result.error), Date.now());
      log.warn({ err: result.error, channel: channelId, path, paused }, 'following: cannot post to the channel; its subscriptions are paused');
    } else {
      store.finish(identity, channelId, 'failed', Date.now());
      log.error({ err: result.error, channel: channelId, path }, 'following: could not post');
    }
  }
}

/** Discord keeps a nonce for a few minutes and, with enforce_nonce, returns the first message for a repeat. */
export function nonceOf(identity: string, channelId: string): string {
  return createHash('sha1').update(`${identity}\n${channelId}`).digest('base64url').slice(0, 25);
}

function describeError(error: unknown): string {
  const { status, code, message } = (error ?? {}) as { status?: unknown; code?: unknown; message?: unknown };
  return [status, code, message].filter((part) => part !== undefined && part !== '').join(' ');
}
