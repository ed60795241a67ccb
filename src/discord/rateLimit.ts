/** At most `limit` interactions per user in any window of `windowMs`. */
export interface Rate {
  limit: number;
  windowMs: number;
}

/**
 * Commands and button or menu clicks share one rate: each costs a search and a reply. Eight in ten
 * seconds leaves room for a question and a quick run of page clicks, and stops a script.
 * Autocomplete fires as the user types, a few times a second, and costs well under a millisecond;
 * its looser rate never bothers a typist and still caps a script.
 */
export const USER_RATES = {
  interactions: { limit: 8, windowMs: 10_000 },
  autocomplete: { limit: 50, windowMs: 10_000 },
} as const satisfies Record<string, Rate>;

/**
 * A sliding window per user: the times of their last `limit` admitted interactions. Refused ones
 * are not counted, so spamming while refused does not push the next chance back. Memory stays
 * bounded by the users seen in the last two windows: idle users are swept once per window.
 */
export class RateLimiter {
  private readonly admitted = new Map<string, number[]>();
  private lastSweep: number;

  constructor(
    private readonly rate: Rate,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  /** Admits one interaction of the user and returns 0, or returns how many ms until they may retry. */
  take(user: string): number {
    const now = this.now();
    this.sweep(now);
    const times = (this.admitted.get(user) ?? []).filter((t) => t > now - this.rate.windowMs);
    if (times.length < this.rate.limit) {
      times.push(now);
      this.admitted.set(user, times);
      return 0;
    }
    this.admitted.set(user, times);
    return times[0]! + this.rate.windowMs - now;
  }

  /** How many users are remembered (for the test that memory stays bounded). */
  get size(): number {
    return this.admitted.size;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.rate.windowMs) return;
    this.lastSweep = now;
    for (const [user, times] of this.admitted) {
      if (times.at(-1)! <= now - this.rate.windowMs) this.admitted.delete(user);
    }
  }
}
