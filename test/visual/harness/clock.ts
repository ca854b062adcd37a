// A clock for screenshots: Date reads the fixture's "now" (2026-11-01T12:00:00Z) plus the real time
// since the story began, so "3 days ago", "Today" and "12:00 PM" render the same on every run.
// It still ticks (not frozen): RxJS's debounceTime and the stories' polling loops compare Date.now()
// readings and would wait forever on a stopped clock. Each story starts it again at the fixture's now.
import { FIXTURE_EPOCH_MS } from '../../../src/fixtures/index.js';

const RealDate = Date;
let startedAt = performance.now();

const now = () => FIXTURE_EPOCH_MS + Math.floor(performance.now() - startedAt);

function FakeDate(this: unknown, ...args: unknown[]): Date | string {
  // Called without `new`, Date() returns the current time as a string.
  if (!new.target) return new RealDate(now()).toString();
  return Reflect.construct(RealDate, args.length > 0 ? args : [now()], new.target) as Date;
}
FakeDate.prototype = RealDate.prototype;
FakeDate.now = now;
FakeDate.parse = RealDate.parse;
FakeDate.UTC = RealDate.UTC;

/** Replaces the global Date (once); import this module before anything that renders. */
export function installFixtureClock(): void {
  if (globalThis.Date !== RealDate) return;
  globalThis.Date = FakeDate as unknown as DateConstructor;
}

/** The clock reads the fixture's now again: call it as each story begins. */
export function restartFixtureClock(): void {
  startedAt = performance.now();
}
