import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle';

describe('throttle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs the first call at once', () => {
    const action = vi.fn();
    throttle(action, 2000)();
    expect(action).toHaveBeenCalledTimes(1);
  });

  it('collapses a burst into one trailing run at the end of the interval', () => {
    const action = vi.fn();
    const throttled = throttle(action, 2000);
    throttled();
    for (let i = 0; i < 7; i++) {
      vi.advanceTimersByTime(250);
      throttled();
    }
    expect(action).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(250);
    expect(action).toHaveBeenCalledTimes(2);
  });

  it('never runs more than once per interval under a steady stream of calls', () => {
    const start = Date.now();
    const runs: number[] = [];
    const throttled = throttle(() => runs.push(Date.now() - start), 2000);
    for (let i = 0; i < 40; i++) {
      throttled();
      vi.advanceTimersByTime(250);
    }
    // Calls every 250 ms for 10 s: runs at 0 s and every 2 s after, the last one flushing the final call.
    expect(runs).toEqual([0, 2000, 4000, 6000, 8000, 10000]);
  });

  it('drops the pending run when cancelled', () => {
    const action = vi.fn();
    const throttled = throttle(action, 2000);
    throttled();
    throttled();
    throttled.cancel();
    vi.advanceTimersByTime(5000);
    expect(action).toHaveBeenCalledTimes(1);
  });
});
