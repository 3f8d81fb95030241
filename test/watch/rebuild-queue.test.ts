import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RebuildQueue } from '../../src/watch/rebuild-queue.js';

/** A build that the test finishes by hand, recording how many run at once. */
function controlledBuilds() {
  const finishers: Array<() => void> = [];
  let running = 0;
  let mostAtOnce = 0;
  let started = 0;
  const run = () =>
    new Promise<void>((resolve) => {
      started += 1;
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      finishers.push(() => {
        running -= 1;
        resolve();
      });
    });
  return {
    run,
    get started() {
      return started;
    },
    get mostAtOnce() {
      return mostAtOnce;
    },
    finishOne: async () => {
      finishers.shift()?.();
      await vi.advanceTimersByTimeAsync(0);
    },
  };
}

describe('RebuildQueue: debounced, one build at a time, the latest waiting', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('five saves close together make one build, after the quiet time', async () => {
    const builds = controlledBuilds();
    const queue = new RebuildQueue(builds.run, 100);
    for (let save = 0; save < 5; save++) {
      queue.request();
      await vi.advanceTimersByTimeAsync(30);
    }
    expect(builds.started).toBe(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(builds.started).toBe(1);
    await builds.finishOne();
    expect(queue.busy).toBe(false);
  });

  it('saves during a build make exactly one more build after it, never two at once', async () => {
    const builds = controlledBuilds();
    const queue = new RebuildQueue(builds.run, 10);
    queue.now();
    expect(builds.started).toBe(1);
    for (let save = 0; save < 3; save++) {
      queue.request();
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(builds.started).toBe(1);
    await builds.finishOne();
    expect(builds.started).toBe(2);
    await builds.finishOne();
    expect(builds.started).toBe(2);
    expect(builds.mostAtOnce).toBe(1);
  });

  it('idle() waits for the waiting build too; close() stops what is scheduled', async () => {
    const builds = controlledBuilds();
    const queue = new RebuildQueue(builds.run, 10);
    queue.now();
    queue.now();
    let idle = false;
    void queue.idle().then(() => (idle = true));
    await builds.finishOne();
    expect(idle).toBe(false);
    await builds.finishOne();
    expect(idle).toBe(true);
    queue.request();
    const closed = queue.close();
    await vi.advanceTimersByTimeAsync(50);
    await closed;
    expect(builds.started).toBe(2);
  });

  it('a build that throws does not stop the next one', async () => {
    let calls = 0;
    const queue = new RebuildQueue(async () => {
      calls += 1;
      if (calls === 1) throw new Error('boom');
    }, 10);
    queue.now();
    await vi.advanceTimersByTimeAsync(0);
    queue.request();
    await vi.advanceTimersByTimeAsync(20);
    expect(calls).toBe(2);
  });
});
