/**
 * What the router counts, rendered in Prometheus's text exposition format (0.0.4) for the health
 * endpoint's /metrics. Kept in memory: the counters start at zero with each process, as Prometheus
 * expects of a counter (it reads a reset from a drop).
 */

/** How an interaction ended. */
export type Outcome =
  /** The reply (or autocomplete choices) reached Discord. */
  | 'answered'
  /** A mistake the user can fix, or nothing found: the user got a note saying so. */
  | 'user_error'
  /** Turned away: the user's rate, or the bot stopping. */
  | 'refused'
  /** Its token ran out before the reply landed. */
  | 'expired'
  /** Our failure: logged, and the user got the apology. */
  | 'failed'
  /** A kind of interaction the bot has no handler for (its commands never produce one). */
  | 'ignored';

export interface InteractionLabels {
  kind: 'command' | 'autocomplete' | 'component' | 'other';
  /** The command's name, or for a button or menu the kind of its custom id. */
  command: string;
}

/** Upper bounds in seconds: Prometheus clients' defaults, which bracket a millisecond answer and Discord's 3-s window alike. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** A value read when /metrics is asked for, such as the index's size. */
export interface Gauge {
  name: string;
  help: string;
  value: number;
}

const PREFIX = 'digest_bot_';

// Label values are quoted; the format escapes these three inside them.
const escapeLabel = (value: string) => value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));

const labelText = (labels: Record<string, string>) =>
  `{${Object.entries(labels)
    .map(([name, value]) => `${name}="${escapeLabel(value)}"`)
    .join(',')}}`;

const header = (name: string, type: string, help: string) => [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`];

export class Metrics {
  /** Counts by their label text, which is also their order in the output. */
  private readonly interactions = new Map<string, number>();
  private readonly buckets: number[] = LATENCY_BUCKETS.map(() => 0);
  private latencySum = 0;
  private latencyCount = 0;

  record(labels: InteractionLabels, outcome: Outcome, seconds: number): void {
    const key = labelText({ ...labels, outcome });
    this.interactions.set(key, (this.interactions.get(key) ?? 0) + 1);
    LATENCY_BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) this.buckets[i]!++;
    });
    this.latencySum += seconds;
    this.latencyCount++;
  }

  render(gauges: readonly Gauge[] = []): string {
    const interactions = `${PREFIX}interactions_total`;
    const latency = `${PREFIX}interaction_duration_seconds`;
    const lines = [
      ...header(interactions, 'counter', 'Interactions handled, by kind, command and outcome.'),
      ...[...this.interactions.keys()].sort().map((key) => `${interactions}${key} ${this.interactions.get(key)}`),
      ...header(latency, 'histogram', 'Time from receiving an interaction to its reply accepted by Discord.'),
      ...LATENCY_BUCKETS.map((bound, i) => `${latency}_bucket{le="${bound}"} ${this.buckets[i]}`),
      `${latency}_bucket{le="+Inf"} ${this.latencyCount}`,
      `${latency}_sum ${this.latencySum}`,
      `${latency}_count ${this.latencyCount}`,
      ...gauges.flatMap(({ name, help, value }) => [...header(PREFIX + name, 'gauge', help), `${PREFIX}${name} ${value}`]),
    ];
    return `${lines.join('\n')}\n`;
  }
}
