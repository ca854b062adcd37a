import type { ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/** The latest request per element: an earlier one that resolves later must not move focus again. */
const latest = new WeakMap<Host, number>();

/**
 * After the render that is now pending, calls `fallback` if focus was inside `host` and the control that
 * held it was removed or disabled by that render (focus would otherwise fall to the page's body). Call
 * it after the state change that requests the render.
 */
export async function keepFocus(host: Host, fallback: () => void): Promise<void> {
  const root = host.shadowRoot;
  if (!root?.activeElement) return;
  const token = (latest.get(host) ?? 0) + 1;
  latest.set(host, token);
  await host.updateComplete;
  if (latest.get(host) !== token) return;
  const active = root.activeElement;
  if (!active || active.matches(':disabled')) fallback();
}
