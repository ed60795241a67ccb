import { describe, expect, test } from 'vitest';
import { Metrics } from '../../src/discord/metrics.js';

// Latencies that are exact in binary, so that the sum prints exactly.
const MS_4 = 2 ** -8;
const MS_1 = 2 ** -10;
const MS_16 = 2 ** -6;

describe('Metrics.render: Prometheus text exposition format 0.0.4', () => {
  test('counts each kind, command and outcome apart, sorted, with a cumulative latency histogram', () => {
    const metrics = new Metrics();
    metrics.record({ kind: 'command', command: 'ask' }, 'answered', MS_4);
    metrics.record({ kind: 'command', command: 'ask' }, 'answered', MS_16);
    metrics.record({ kind: 'autocomplete', command: 'topic' }, 'answered', MS_1);
    metrics.record({ kind: 'command', command: 'topic' }, 'user_error', 0.5);
    metrics.record({ kind: 'component', command: 'askPage' }, 'failed', 3);
    expect(metrics.render()).toBe(
      [
        '# HELP digest_bot_interactions_total Interactions handled, by kind, command and outcome.',
        '# TYPE digest_bot_interactions_total counter',
        'digest_bot_interactions_total{kind="autocomplete",command="topic",outcome="answered"} 1',
        'digest_bot_interactions_total{kind="command",command="ask",outcome="answered"} 2',
        'digest_bot_interactions_total{kind="command",command="topic",outcome="user_error"} 1',
        'digest_bot_interactions_total{kind="component",command="askPage",outcome="failed"} 1',
        '# HELP digest_bot_interaction_duration_seconds Time from receiving an interaction to its reply accepted by Discord.',
        '# TYPE digest_bot_interaction_duration_seconds histogram',
        'digest_bot_interaction_duration_seconds_bucket{le="0.005"} 2',
        'digest_bot_interaction_duration_seconds_bucket{le="0.01"} 2',
        'digest_bot_interaction_duration_seconds_bucket{le="0.025"} 3',
        'digest_bot_interaction_duration_seconds_bucket{le="0.05"} 3',
        'digest_bot_interaction_duration_seconds_bucket{le="0.1"} 3',
        'digest_bot_interaction_duration_seconds_bucket{le="0.25"} 3',
        'digest_bot_interaction_duration_seconds_bucket{le="0.5"} 4',
        'digest_bot_interaction_duration_seconds_bucket{le="1"} 4',
        'digest_bot_interaction_duration_seconds_bucket{le="2.5"} 4',
        'digest_bot_interaction_duration_seconds_bucket{le="5"} 5',
        'digest_bot_interaction_duration_seconds_bucket{le="10"} 5',
        'digest_bot_interaction_duration_seconds_bucket{le="+Inf"} 5',
        'digest_bot_interaction_duration_seconds_sum 3.5205078125',
        'digest_bot_interaction_duration_seconds_count 5',
        '',
      ].join('\n'),
    );
  });

  test('before any interaction: no counter series, an empty histogram, and the gauges given', () => {
    const text = new Metrics().render([
      { name: 'index_articles', help: 'Articles in the index.', value: 3131 },
      { name: 'gateway_ready', help: '1 when ready.', value: 0 },
    ]);
    expect(text).not.toMatch(/^digest_bot_interactions_total/m);
    expect(text).toContain('digest_bot_interaction_duration_seconds_bucket{le="+Inf"} 0\ndigest_bot_interaction_duration_seconds_sum 0\n');
    expect(text.slice(text.indexOf('# HELP digest_bot_index_articles'))).toBe(
      [
        '# HELP digest_bot_index_articles Articles in the index.',
        '# TYPE digest_bot_index_articles gauge',
        'digest_bot_index_articles 3131',
        '# HELP digest_bot_gateway_ready 1 when ready.',
        '# TYPE digest_bot_gateway_ready gauge',
        'digest_bot_gateway_ready 0',
        '',
      ].join('\n'),
    );
  });

  test('a latency exactly on a bound falls in that bucket (le is "less than or equal")', () => {
    const metrics = new Metrics();
    metrics.record({ kind: 'command', command: 'ask' }, 'answered', 0.1);
    expect(metrics.render()).toContain('_bucket{le="0.05"} 0\ndigest_bot_interaction_duration_seconds_bucket{le="0.1"} 1\n');
  });

  test('backslash, double quote and newline in a label value are escaped', () => {
    const metrics = new Metrics();
    metrics.record({ kind: 'command', command: 'a"b\\c\nd' }, 'answered', 0);
    expect(metrics.render()).toContain('digest_bot_interactions_total{kind="command",command="a\\"b\\\\c\\nd",outcome="answered"} 1\n');
  });
});
