// Declares one mocha test per story and variant (light/dark × en/pt-BR) of a stories module: render
// the story in a 1024×720 canvas as Storybook would, wait until it has settled, and compare a
// screenshot of the canvas with test/visual/baseline/<element>/<story>.<theme>.<locale>.png.
import './install-clock.js';

import { executeServerCommand, setViewport } from '@web/test-runner-commands';

import { getLocale, setLocale } from '../../../src/localization/localization.js';
import { token } from '../../../src/styles/tokens.js';
import { clipBox } from './clip.js';
import { restartFixtureClock } from './clock.js';
import { type Annotations, prepareStory } from './compose-story.js';
import { settle } from './settle.js';
import { visualDiff } from './visual-diff.js';

export const VIEWPORT = { width: 1024, height: 720 };

const THEMES = ['light', 'dark'] as const;
const LOCALES = ['en', 'pt-BR'] as const;

interface VisualEnvironment {
  update: boolean;
  /** The families Chromium draws the kit's font stack with here, most used first. */
  fonts: string[];
  expectedFont: string;
}

/** What the harness changes in a story to make its screenshot repeatable, and why (shown in the test title). */
export interface Stabilise {
  /** Parameters merged over the story's own (for example `{ desk: { simulateTraffic: false } }`). */
  parameters: Record<string, unknown>;
  reason: string;
}

/**
 * Variants of a story whose play function cannot finish (a story bug, reported to the lead): they are
 * rendered and compared without it, and the reason shows in the test title.
 */
export interface WithoutPlay {
  locales?: readonly string[];
  themes?: readonly string[];
  reason: string;
}

export interface StoriesOptions {
  /** By export name. */
  stabilise?: Record<string, Stabilise>;
  withoutPlay?: Record<string, WithoutPlay>;
  /**
   * Stories whose final layout varies between runs by a sub-pixel scroll offset (an element bug,
   * reported to the lead), by export name with the reason: rendered afresh up to twice more when the
   * comparison fails. A real change fails every attempt.
   */
  unstable?: Record<string, string>;
}

const kebab = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();

const until = async (what: string, check: () => boolean) => {
  const end = performance.now() + 10_000;
  while (!check()) {
    if (performance.now() > end) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** The variants a story renders in: a story that forces a theme or locale has only the others. */
function variantsOf(meta: Annotations, story: Annotations, overrides: Record<string, unknown>) {
  const desk = {
    ...(meta.parameters?.['desk'] ?? {}),
    ...(story.parameters?.['desk'] ?? {}),
    ...(overrides['desk'] ?? {}),
  } as {
    theme?: string;
    locale?: string;
  };
  const seen = new Map<string, { theme: string; locale: string }>();
  for (const theme of THEMES)
    for (const locale of LOCALES) {
      const shown = { theme: desk.theme ?? theme, locale: desk.locale ?? locale };
      seen.set(`${shown.theme}.${shown.locale}`, shown);
    }
  return [...seen.values()];
}

export function describeStories(
  element: string,
  module: Record<string, unknown>,
  options: StoriesOptions = {},
) {
  const meta = module['default'] as Annotations;
  const stories = Object.entries(module).filter(
    (entry): entry is [string, Annotations] => entry[0] !== 'default' && typeof entry[1] === 'object',
  );

  describe(`${element} stories: screenshots`, function () {
    this.timeout(60_000);
    let frame: HTMLElement | undefined;

    before(async () => {
      await setViewport(VIEWPORT);
      const environment = await executeServerCommand<VisualEnvironment, { fontFamily: string }>(
        'visual-environment',
        {
          fontFamily: token('font-family').cssText,
        },
      );
      // Text is most of every screenshot: a machine whose system UI font is another one draws other
      // pixels everywhere. Say so once, instead of 300 failed comparisons.
      if (environment?.fonts[0] !== environment?.expectedFont) {
        throw new Error(
          `The baselines were drawn with ${environment?.expectedFont} as the system UI font; this machine draws ` +
            `${environment?.fonts.join(', ')}. Install it (Debian: fonts-dejavu-core) or see test/visual/README.md.`,
        );
      }
      document.body.style.margin = '0';
      // Loaded once up front, so no story waits on the dev server for them mid-render.
      await import('../../../src/elements/reply-editor/rich-editor.js');
      await import('../../../src/localization/generated/pt-BR.js');
    });

    afterEach(async () => {
      frame?.remove();
      frame = undefined;
      // The provider lets go of its store a microtask after it leaves the page.
      await new Promise((resolve) => setTimeout(resolve));
    });

    for (const [exportName, story] of stories) {
      const stabilise = options.stabilise?.[exportName];
      const overrides = stabilise?.parameters ?? {};
      for (const globals of variantsOf(meta, story, overrides)) {
        const name = `${element}/${kebab(exportName)}.${globals.theme}.${globals.locale}`;
        const noPlay = options.withoutPlay?.[exportName];
        const skipPlay =
          !!noPlay &&
          (noPlay.locales ?? (LOCALES as readonly string[])).includes(globals.locale) &&
          (noPlay.themes ?? (THEMES as readonly string[])).includes(globals.theme);
        const unstable = options.unstable?.[exportName];
        const notes = [
          stabilise?.reason,
          skipPlay ? `without its play function: ${noPlay?.reason}` : undefined,
          unstable ? `up to 3 attempts: ${unstable}` : undefined,
        ];
        const note = notes.some(Boolean) ? ` (${notes.filter(Boolean).join('; ')})` : '';
        it(`${exportName} in ${globals.theme}, ${globals.locale}${note}`, async function () {
          if (unstable) this.retries(2);
          localStorage.clear();
          sessionStorage.clear();
          restartFixtureClock();
          frame = document.createElement('div');
          const canvas = document.createElement('div');
          frame.append(canvas);
          document.body.append(frame);
          const shown = skipPlay ? { ...story, play: undefined } : story;
          const prepared = prepareStory(meta, shown, kebab(exportName), globals, canvas, overrides);
          // Storybook's canvas: white, the viewport's width, padded by 1rem unless the story is fullscreen.
          const padded = prepared.context.parameters['layout'] !== 'fullscreen';
          const padding = padded ? 16 : 0;
          frame.style.cssText = `box-sizing: border-box; width: ${VIEWPORT.width}px; min-height: ${VIEWPORT.height}px;
            background: #fff; padding: ${padding}px; display: flow-root; position: relative`;
          // The language is active before the story renders: a play function that opens a dialog while
          // the provider is still switching would otherwise catch strings of the previous language.
          await setLocale(globals.locale);
          await prepared.mount();
          await until(`the desk speaks ${globals.locale}`, () => getLocale() === globals.locale);
          await settle(frame);
          await visualDiff(clipBox(frame, padding), name);
        });
      }
    }
  });
}
