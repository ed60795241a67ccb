import { describe, expect, test } from 'vitest';
import { InFlight } from '../../src/discord/shutdown.js';

function deferred() {
  let resolve!: () => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('work in flight', () => {
  test('draining with nothing in flight is immediate', async () => {
    expect(await new InFlight().drain(60_000)).toBe(0);
  });

  test('draining waits for the work in flight, and for work that arrives meanwhile', async () => {
    const inFlight = new InFlight();
    const first = deferred();
    const second = deferred();
    inFlight.track(first.promise);
    const drained = inFlight.drain(60_000);
    inFlight.track(second.promise);
    first.resolve();
    await first.promise;
    expect(inFlight.size).toBe(1);
    second.resolve();
    expect(await drained).toBe(0);
    expect(inFlight.size).toBe(0);
  });

  test('work that fails counts as finished', async () => {
    const inFlight = new InFlight();
    const job = deferred();
    inFlight.track(job.promise);
    job.reject(new Error('boom'));
    await job.promise.catch(() => undefined);
    expect(await inFlight.drain(60_000)).toBe(0);
  });

  test('after the grace period, draining gives up and says how much is unfinished', async () => {
    const inFlight = new InFlight();
    inFlight.track(deferred().promise);
    inFlight.track(deferred().promise);
    expect(await inFlight.drain(10)).toBe(2);
  });
});
