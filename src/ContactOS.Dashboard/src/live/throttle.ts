export interface Throttled {
  (): void;
  cancel: () => void;
}

/**
 * Runs the action at once, then at most once per interval: calls that arrive within the interval collapse into one
 * run at its end, so the last call is never lost.
 */
export function throttle(action: () => void, intervalMs: number): Throttled {
  let lastRun = Number.NEGATIVE_INFINITY;
  let pending: ReturnType<typeof setTimeout> | undefined;

  const run = () => {
    pending = undefined;
    lastRun = Date.now();
    action();
  };

  const throttled = () => {
    if (pending !== undefined) {
      return;
    }
    const wait = lastRun + intervalMs - Date.now();
    if (wait <= 0) {
      run();
    } else {
      pending = setTimeout(run, wait);
    }
  };
  throttled.cancel = () => {
    clearTimeout(pending);
    pending = undefined;
  };
  return throttled;
}
