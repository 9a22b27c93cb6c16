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
    const added: string[] = [];
    const removed: string[] = [];
    const signal = kept.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = (type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => (added.push(type), add(type, listener, options));
    signal.removeEventListener = (type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions) => (removed.push(type), remove(type, listener, options));
    for (let i = 0; i < 3; i++) await pause(1, signal);
    expect(removed).toEqual(added);
  });
});
