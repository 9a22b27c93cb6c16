import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { pause } from '../src/index.js';

describe('pause', () => {
  it('waits the time given, or ends the moment its signal aborts (also when aborted already), and leaves no listener behind', async () => {
    const started = Date.now();
    await pause(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    const controller = new AbortController();
    const cut = Date.now();
    setTimeout(() => controller.abort(), 10);
    await pause(10_000, controller.signal);
    expect(Date.now() - cut).toBeLessThan(5_000);
    const t0 = Date.now();
    await pause(10_000, controller.signal);
    expect(Date.now() - t0).toBeLessThan(1_000);
    const kept = new AbortController();
    for (let i = 0; i < 3; i++) await pause(1, kept.signal);
    expect(getEventListeners(kept.signal, 'abort')).toHaveLength(0);
  });
});
