import { describe, expect, it, vi, afterEach } from 'vitest';
import { systemClock } from '@vmsc/core';
import { KeepaliveWatchdog } from '../src/watchdog.js';

afterEach(() => void vi.useRealTimers());

describe('KeepaliveWatchdog', () => {
  it('fires at the last frame’s deadline, however many frames moved it', () => {
    vi.useFakeTimers({ now: 0 });
    const watchdog = new KeepaliveWatchdog(systemClock, 2_000);
    const silence = vi.fn();
    watchdog.arm(silence); // deadline 12 s
    for (let t = 1_000; t <= 9_000; t += 1_000) {
      vi.setSystemTime(t);
      watchdog.touch(t); // last deadline: 9 s + 12 s = 21 s
    }
    vi.advanceTimersByTime(20_999 - 9_000);
    expect(silence).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(silence).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
    expect(watchdog.armed).toBe(false);
  });

  it('keeps one timer for any number of frames', () => {
    vi.useFakeTimers({ now: 0 });
    const watchdog = new KeepaliveWatchdog(systemClock, undefined);
    watchdog.arm(() => undefined);
    for (let i = 0; i < 1_000; i++) watchdog.touch(i);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('a shorter keepalive (a welcome after the first arm) is noticed at its own deadline', () => {
    vi.useFakeTimers({ now: 0 });
    const watchdog = new KeepaliveWatchdog(systemClock, 0);
    const silence = vi.fn();
    watchdog.keepaliveMs = 600_000;
    watchdog.arm(silence);
    watchdog.keepaliveMs = 10_000;
    watchdog.arm(silence);
    vi.advanceTimersByTime(10_000);
    expect(silence).toHaveBeenCalledTimes(1);
  });

  it('touch does nothing once stopped, and stop clears the timer', () => {
    vi.useFakeTimers({ now: 0 });
    const watchdog = new KeepaliveWatchdog(systemClock, 0);
    const silence = vi.fn();
    watchdog.arm(silence);
    watchdog.stop();
    watchdog.touch(5);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(silence).not.toHaveBeenCalled();
  });
});
