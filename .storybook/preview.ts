/// <reference types="vite/client" />
import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';

import { withDesk } from '../stories/decorators.js';

// Controls and docs tables come from the generated manifest: `npm run storybook` and `npm run build-storybook`
// run `npm run analyze` first. A glob rather than an import, so that `tsc` and Storybook still work in a
// fresh clone where custom-elements.json (git-ignored) has not been generated yet.
const manifests = import.meta.glob<unknown>('../custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(manifests)[0];
if (manifest) setCustomElementsManifest(manifest);
else console.warn('custom-elements.json not found: run `npm run analyze` for docs tables and controls.');

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Colour theme of the desk',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language of the desk',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English', right: 'en' },
          { value: 'pt-BR', title: 'Português (Brasil)', right: 'pt-BR' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  // withDesk gives each story its own store on a MemoryAdapter, inside
  // <help-desk-provider theme=${globals.theme} locale=${globals.locale}>.
  decorators: [withDesk],
  parameters: {
    controls: { expanded: true, matchers: { color: /(background|color)$/i } },
    layout: 'padded',
  },
};

export default preview;
