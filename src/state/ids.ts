let counter = 0;

/**
 * A fresh client id, the idempotency key of a send. `crypto.randomUUID` is missing on plain-HTTP
 * pages (it needs a secure context) and in old runtimes, so a time + counter + random fallback
 * keeps ids unique within and across page loads.
 */
export function newClientId(): string {
  const uuid = globalThis.crypto?.randomUUID;
  if (typeof uuid === 'function') return uuid.call(globalThis.crypto);
  counter += 1;
  return `c-${Date.now().toString(36)}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
