import type { CreateRichEditor } from './engine-types.js';

type Loader = () => Promise<CreateRichEditor>;

// A dynamic import: bundlers put ProseMirror in a chunk of its own, fetched on first focus or idle time.
const defaultLoader: Loader = () => import('./rich-editor.js').then((m) => m.createRichEditor);

let loader: Loader = defaultLoader;
let pending: Promise<CreateRichEditor> | undefined;

/** Loads the editor engine once for the page; every editor shares the one promise. */
export function loadEngine(): Promise<CreateRichEditor> {
  pending ??= loader().catch((error: unknown) => {
    pending = undefined; // a failed fetch may be tried again on the next focus
    throw error;
  });
  return pending;
}

/**
 * @internal For tests: replaces how the engine is fetched (to hold it back while typing in the
 * plain text area). Pass nothing to restore the real import.
 */
export function setEngineLoader(next?: Loader): void {
  loader = next ?? defaultLoader;
  pending = undefined;
}
