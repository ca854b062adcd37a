/**
 * The script canary: every vector's payload calls `__xss()` (or alert, confirm, prompt), and each
 * call is recorded here. A positive control proves the trap is live: raw, unsanitized markup that
 * does run a handler must be caught, or the tests that expect zero hits could never fail.
 */
import { expectNone, nextTask } from './inspect.js';

interface CanaryWindow {
  __xss?: (label?: unknown) => void;
}

const hits: string[] = [];
const errors: string[] = [];
let installed = false;

function record(what: string) {
  return (label?: unknown) => {
    hits.push(label === undefined ? what : `${what}(${String(label)})`);
  };
}

/**
 * Installs the traps once per page. Errors are collected with a listener, not by replacing
 * `window.onerror`: mocha owns that handler to report uncaught errors as failures.
 */
export function installCanary(): void {
  if (installed) return;
  installed = true;
  const call = record('__xss');
  // A vector may call the canary or assign to it (`__xss=1`); both count.
  Object.defineProperty(window as CanaryWindow, '__xss', {
    configurable: true,
    get: () => call,
    set: () => hits.push('__xss assigned'),
  });
  window.alert = record('alert');
  window.confirm = (label?: string) => (record('confirm')(label), false);
  window.prompt = (label?: string) => (record('prompt')(label), null);
  window.print = () => record('print')();
  window.addEventListener('error', (event) => {
    if (event.message) errors.push(event.message);
  });
}

/** What ran since the last `resetCanary()`: canary calls, trapped dialogs, and script errors. */
export function canaryReport(): { hits: string[]; errors: string[] } {
  return { hits: [...hits], errors: [...errors] };
}

export function resetCanary(): void {
  hits.length = 0;
  errors.length = 0;
}

let controls = 0;

/**
 * Waits until the rendered vectors had their chance to run: an unsanitized control image that
 * fails to load, appended now, must call the canary. Image errors of the vectors were queued
 * before it, so when the control has fired, theirs would have too. The control's own hit is
 * removed from the record.
 */
export async function flushCanary(): Promise<void> {
  const name = `control-${++controls}`;
  const box = document.createElement('div');
  // Deliberately unsafe: this is the positive control, outside every element under test.
  box.innerHTML = `<img src="/__xss-control-${controls}.png" onerror="__xss('${name}')" alt="">`;
  document.body.append(box);
  const tag = `__xss(${name})`;
  const image = box.querySelector('img')!;
  // The inline handler was registered first, so it has run when this listener hears the error.
  if (!hits.includes(tag)) await new Promise((resolve) => image.addEventListener('error', resolve));
  await nextTask();
  box.remove();
  if (!hits.includes(tag)) throw new Error('The canary control never fired: the trap is not live');
  hits.splice(hits.indexOf(tag), 1);
}

/** Flushes the canary, then fails listing every canary call, trapped dialog and script error. */
export async function expectNoScriptRan(): Promise<void> {
  await flushCanary();
  const { hits, errors } = canaryReport();
  expectNone([...hits.map((h) => `ran ${h}`), ...errors.map((e) => `error ${e}`)], 'script ran');
}
