/** Discord allows about 5 messages per channel per 5 seconds; beyond that it answers 429. */
export const CHANNEL_PACE = { limit: 5, windowMs: 5_000 } as const;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One queue per key (a channel): tasks run one at a time, in the order pushed, and at most `limit`
 * start within any `windowMs`. Queues of different keys run side by side. The REST client would
 * also wait out a 429, but only after Discord answered one; pacing here never draws one.
 */
export class PacedQueues {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly starts = new Map<string, number[]>();

  constructor(private readonly pace: { limit: number; windowMs: number } = CHANNEL_PACE) {}

  /** Resolves when the task has run; a task that throws is the caller's to handle, the queue goes on. */
  push(key: string, task: () => Promise<void>): Promise<void> {
    const run = (this.tails.get(key) ?? Promise.resolve()).then(async () => {
      await this.turn(key);
      await task();
    });
    const tail = run.catch(() => {});
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return run;
  }

  /** Resolves once every task pushed so far has run. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }

  private async turn(key: string): Promise<void> {
    const starts = this.starts.get(key) ?? [];
    if (starts.length >= this.pace.limit) {
      const wait = starts[starts.length - this.pace.limit]! + this.pace.windowMs - Date.now();
      if (wait > 0) await sleep(wait);
    }
    starts.push(Date.now());
    this.starts.set(key, starts.slice(-this.pace.limit));
  }
}
