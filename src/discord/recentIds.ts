/**
 * The last `max` interaction ids seen. The gateway replays what a resumed session missed, from the
 * sequence number the client resumes with; @discordjs/ws handles gateway messages concurrently, so
 * after an op 9 that closely follows a dispatch it can resume from before that dispatch, and the
 * interaction comes again. Answered twice, the second callback would fail (already acknowledged).
 */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly max: number) {}

  /** Remembers `id`; false if it was already there. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    // A Set iterates in insertion order: the first is the oldest.
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value!);
    return true;
  }
}
