// @web/test-runner-visual-regression's types re-export './browser/commands.mjs', a file with no
// .d.mts beside it, so under "moduleResolution": "Bundler" TypeScript sees a module without exports
// (its browser/commands.d.ts is never read). The function is there at run time; this gives it its type.
import * as commands from '@web/test-runner-visual-regression';

/** Screenshots `element` and compares it with the baseline called `name` (the plugin's `visual-diff`). */
export const visualDiff = (
  commands as unknown as { visualDiff: (element: Node, name: string) => Promise<void> }
).visualDiff;
