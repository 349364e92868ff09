/** What the reliability tests (here and in test/reliability/) share: faults, observers, a seeded PRNG. */
import { aTimeout } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

export type Support = { supported: true } | { supported: false; reason: string };

/**
 * Real network emulation in the browser, through the test runner's `network` command: offline for
 * `offlineForMs` (resolving once back online), or uploads throttled to `uploadBytesPerSecond` (left
 * out: no throttle).
 */
export function network(payload: { offlineForMs?: number; uploadBytesPerSecond?: number }): Promise<Support> {
  return executeServerCommand<Support, typeof payload>('network', payload);
}

/** After garbage collection: live instances of each prototype (Chromium only), and the used heap. */
export function liveObjects(prototypes: Record<string, string>) {
  return executeServerCommand<Support & { counts?: Record<string, number>; usedBytes?: number }, { prototypes: Record<string, string> }>(
    'heap',
    { prototypes },
  );
}

/** Resolves 'timed out' if `promise` has not settled within `ms`. */
export const within = <T>(promise: Promise<T>, ms: number) => Promise.race([promise, aTimeout(ms).then(() => 'timed out' as const)]);

/** Uncaught errors and unhandled rejections until `stop()`. */
export function watchErrors() {
  const seen: string[] = [];
  const onError = (e: ErrorEvent) => seen.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => seen.push(`unhandledrejection: ${String(e.reason?.stack ?? e.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    seen,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Mulberry32: a small, fast PRNG, so that a seed replays the same cases. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [0, n). */
    below: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  };
}

export type Random = ReturnType<typeof prng>;

/** The seed `FUZZ_SEED` gave the test run, if any (see web-test-runner.config.js). */
export async function seedFromRun(): Promise<number | undefined> {
  const { seed } = (await (await fetch('/fuzz-seed.json')).json()) as { seed: number | null };
  return seed ?? undefined;
}

/**
 * Mutates a copy of `bytes` where a header lives (the first `span` bytes): overwritten bytes, flipped
 * bits, 0x00 and 0xFF runs, a header field set to an extreme, bytes inserted or removed, or the file
 * cut short. Returns the bytes and what was done, to print when a case fails.
 */
export function mutateHeader(bytes: Uint8Array, random: Random, span = 64): { bytes: Uint8Array<ArrayBuffer>; how: string } {
  let out = Uint8Array.from(bytes);
  const steps: string[] = [];
  const count = 1 + random.below(4);
  for (let i = 0; i < count; i += 1) {
    const limit = Math.max(1, Math.min(span, out.length));
    const at = random.below(limit);
    switch (random.below(7)) {
      case 0: {
        const value = random.below(256);
        out[at] = value;
        steps.push(`byte ${at} = ${value}`);
        break;
      }
      case 1: {
        const bit = random.below(8);
        out[at] ^= 1 << bit;
        steps.push(`flip bit ${bit} of byte ${at}`);
        break;
      }
      case 2: {
        const value = random.pick([0x00, 0xff]);
        const run = 1 + random.below(8);
        out.fill(value, at, at + run);
        steps.push(`${run} × ${value} at ${at}`);
        break;
      }
      case 3: {
        // A 32-bit big- or little-endian field (a width, a length) set to an extreme.
        const value = random.pick([0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0xffff, 0x10000]);
        const view = new DataView(out.buffer);
        const little = random.next() < 0.5;
        if (at + 4 <= out.length) view.setUint32(at, value, little);
        steps.push(`u32${little ? 'le' : 'be'} ${value} at ${at}`);
        break;
      }
      case 4: {
        const inserted = Uint8Array.from({ length: 1 + random.below(16) }, () => random.below(256));
        out = Uint8Array.from([...out.subarray(0, at), ...inserted, ...out.subarray(at)]);
        steps.push(`insert ${inserted.length} bytes at ${at}`);
        break;
      }
      case 5: {
        const removed = 1 + random.below(16);
        out = Uint8Array.from([...out.subarray(0, at), ...out.subarray(at + removed)]);
        steps.push(`remove ${removed} bytes at ${at}`);
        break;
      }
      default: {
        out = out.slice(0, at);
        steps.push(`cut to ${at} bytes`);
      }
    }
  }
  return { bytes: out, how: steps.join('; ') };
}

/** Where the element's code and Uppy's are served from, as a stack trace names them. */
const ownCode = [`${location.origin}/src/`, '/node_modules/@uppy/'];

/**
 * Follows the timers (setTimeout, setInterval, requestAnimationFrame) that code under `sources`
 * (URL fragments in the caller's stack) starts, until `stop()`: which are still pending.
 */
export function watchTimers(sources: readonly string[] = ownCode) {
  const pending = new Map<unknown, string>();
  const original = {
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
    requestAnimationFrame: window.requestAnimationFrame,
    cancelAnimationFrame: window.cancelAnimationFrame,
  };
  const origin = () => {
    const stack = new Error().stack ?? '';
    // The first frame past this file is the caller.
    const caller = stack.split('\n').find((line) => !line.includes('reliability.ts') && /https?:/.test(line)) ?? '';
    return sources.some((source) => caller.includes(source)) ? caller.trim() : undefined;
  };
  const w = window as unknown as Record<string, unknown>;
  type Schedule = (handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => number;
  const schedule = original.setTimeout as unknown as Schedule;
  const repeat = original.setInterval as unknown as Schedule;
  w.setTimeout = (handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const from = origin();
    const id = schedule.call(
      window,
      (...a: unknown[]) => {
        pending.delete(id);
        if (typeof handler === 'function') (handler as (...x: unknown[]) => void)(...a);
      },
      ms,
      ...args,
    );
    if (from) pending.set(id, `setTimeout(${ms ?? 0} ms) ${from}`);
    return id;
  };
  w.clearTimeout = (id?: number) => {
    pending.delete(id);
    original.clearTimeout.call(window, id);
  };
  w.setInterval = (handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const from = origin();
    const id = repeat.call(window, handler as (...x: unknown[]) => void, ms, ...args);
    if (from) pending.set(id, `setInterval(${ms ?? 0} ms) ${from}`);
    return id;
  };
  w.clearInterval = (id?: number) => {
    pending.delete(id);
    original.clearInterval.call(window, id);
  };
  w.requestAnimationFrame = (callback: FrameRequestCallback) => {
    const from = origin();
    const key = {};
    const id = original.requestAnimationFrame.call(window, (time) => {
      pending.delete(key);
      callback(time);
    });
    frames.set(id, key);
    if (from) pending.set(key, `requestAnimationFrame ${from}`);
    return id;
  };
  const frames = new Map<number, object>();
  w.cancelAnimationFrame = (id: number) => {
    pending.delete(frames.get(id));
    original.cancelAnimationFrame.call(window, id);
  };
  return {
    pending: () => [...pending.values()],
    stop: () => Object.assign(window, original),
  };
}

/**
 * Counts the listeners that code under `sources` keeps on `targets` (added and not removed) until
 * `stop()`, by event type.
 */
export function watchListeners(targets: EventTarget[], sources: readonly string[] = ownCode) {
  const held = new Map<string, number>();
  // Per listener, the types it is held for: adding the same listener twice is one listener.
  const tracked = new Map<unknown, Set<string>>();
  const restore: (() => void)[] = [];
  const fromSources = () => {
    const caller = (new Error().stack ?? '').split('\n').find((line) => !line.includes('reliability.ts') && /https?:/.test(line)) ?? '';
    return sources.some((source) => caller.includes(source));
  };
  for (const target of targets) {
    const add = target.addEventListener;
    const remove = target.removeEventListener;
    target.addEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
      const types = tracked.get(listener) ?? new Set<string>();
      if (listener && fromSources() && !types.has(type)) {
        types.add(type);
        tracked.set(listener, types);
        held.set(type, (held.get(type) ?? 0) + 1);
      }
      return add.call(this, type, listener as EventListener, options as AddEventListenerOptions);
    };
    target.removeEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
      if (tracked.get(listener)?.delete(type)) held.set(type, (held.get(type) ?? 0) - 1);
      return remove.call(this, type, listener as EventListener, options as EventListenerOptions);
    };
    restore.push(() => {
      target.addEventListener = add;
      target.removeEventListener = remove;
    });
  }
  return {
    /** Event types with listeners still held, and how many. */
    held: () => Object.fromEntries([...held].filter(([, n]) => n !== 0)),
    stop: () => restore.forEach((undo) => undo()),
  };
}
