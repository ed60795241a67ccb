import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { PacedQueues } from '../../src/follow/pace.js';

/** Fake timers: the pace is checked by the clock the queue reads, not by waiting. */
beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

function recorder() {
  const starts: [string, number][] = [];
  return { starts, task: (key: string, label: string) => async () => void starts.push([`${key}:${label}`, Date.now()]) };
}

test('five posts to a channel go at once; the sixth waits until five seconds after the first', async () => {
  const queues = new PacedQueues({ limit: 5, windowMs: 5_000 });
  const { starts, task } = recorder();
  for (let i = 1; i <= 7; i++) void queues.push('c1', task('c1', String(i)));
  await vi.advanceTimersByTimeAsync(0);
  expect(starts).toEqual([1, 2, 3, 4, 5].map((i) => [`c1:${i}`, 0]));
  await vi.advanceTimersByTimeAsync(4_999);
  expect(starts).toHaveLength(5);
  await vi.advanceTimersByTimeAsync(1);
  expect(starts.slice(5)).toEqual([
    ['c1:6', 5_000],
    ['c1:7', 5_000],
  ]);
});

test('within any five seconds, never more than five: a later burst waits on the earlier one', async () => {
  const queues = new PacedQueues({ limit: 5, windowMs: 5_000 });
  const { starts, task } = recorder();
  for (let i = 1; i <= 3; i++) void queues.push('c1', task('c1', `a${i}`));
  await vi.advanceTimersByTimeAsync(3_000);
  for (let i = 1; i <= 4; i++) void queues.push('c1', task('c1', `b${i}`));
  await vi.advanceTimersByTimeAsync(10_000);
  expect(starts.map(([, at]) => at)).toEqual([0, 0, 0, 3_000, 3_000, 5_000, 5_000]);
  const times = starts.map(([, at]) => at);
  for (const at of times) expect(times.filter((t) => t >= at && t < at + 5_000).length).toBeLessThanOrEqual(5);
});

test('channels are paced apart: one channel\'s burst does not hold up another', async () => {
  const queues = new PacedQueues({ limit: 5, windowMs: 5_000 });
  const { starts, task } = recorder();
  for (let i = 1; i <= 6; i++) void queues.push('c1', task('c1', String(i)));
  void queues.push('c2', task('c2', '1'));
  await vi.advanceTimersByTimeAsync(0);
  expect(starts.filter(([label]) => label.startsWith('c1'))).toHaveLength(5);
  expect(starts).toContainEqual(['c2:1', 0]);
});

test('tasks of a channel run one at a time, in order, and a failing one does not stop the rest', async () => {
  const queues = new PacedQueues({ limit: 5, windowMs: 5_000 });
  const order: string[] = [];
  const slow = queues.push('c1', async () => {
    order.push('slow start');
    await new Promise((resolve) => setTimeout(resolve, 100));
    order.push('slow end');
  });
  const failing = queues.push('c1', async () => {
    order.push('failing');
    throw new Error('403');
  });
  const last = queues.push('c1', async () => void order.push('last'));
  const failed = expect(failing).rejects.toThrow('403');
  await vi.advanceTimersByTimeAsync(100);
  await Promise.all([slow, failed, last]);
  expect(order).toEqual(['slow start', 'slow end', 'failing', 'last']);
  await queues.idle();
});
