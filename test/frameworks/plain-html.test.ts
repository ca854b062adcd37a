// demo/frameworks/html: a plain HTML page with no build step. Its import map sends `helpdesk-elements` to
// the package's browser build; test/frameworks/plain-page.mjs serves the page, its app.js and that build
// under /__plain__/ exactly as a static file server would (no bare-import rewriting, no TypeScript).
// This file imports none of the kit's sources that define elements: every element on the page comes
// from the browser build, loaded through the page's own import map.
import { expect } from '@open-wc/testing';

import type { MountExample } from '../../demo/frameworks/example.js';
import { waitFor } from '../helpers/queries.js';
import type { Kit } from './example-suite.js';
import { describeExample } from './example-suite.js';

const PAGE = new URL('/__plain__/index.html', location.href);

/** The page as served, parsed. */
async function loadPage(): Promise<Document> {
  const response = await fetch(PAGE);
  expect(response.ok, 'the page is served').to.equal(true);
  return new DOMParser().parseFromString(await response.text(), 'text/html');
}

/**
 * Puts the page's import map into this document, its addresses resolved against the page's URL as the
 * browser resolves them on the page itself (a second import map is merged into the first).
 */
async function usePageImportMap(): Promise<void> {
  const page = await loadPage();
  const source = page.querySelector('script[type="importmap"]')?.textContent;
  if (!source) throw new Error('the page has no import map');
  const map = JSON.parse(source) as { imports: Record<string, string> };
  const imports = Object.fromEntries(
    Object.entries(map.imports).map(([specifier, address]) => [specifier, new URL(address, PAGE).href]),
  );
  const script = document.createElement('script');
  script.type = 'importmap';
  script.textContent = JSON.stringify({ imports });
  document.head.append(script);
}

// Specifiers in variables: the dev server must not resolve them; the import map does, in the browser.
const load = <T>(specifier: string) => import(/* @vite-ignore */ specifier) as Promise<T>;

async function loadKit(): Promise<{ kit: Kit; mount: MountExample }> {
  await usePageImportMap();
  await load('helpdesk-elements/define.js');
  const kit = await load<Kit>('helpdesk-elements');
  const fixtures = await load<Pick<Kit, 'createFixture'>>('helpdesk-elements/fixtures.js');
  const app = await load<{ mount: MountExample }>(new URL('app.js', PAGE).href);
  return {
    kit: {
      HelpDeskStore: kit.HelpDeskStore,
      MemoryAdapter: kit.MemoryAdapter,
      createFixture: fixtures.createFixture,
    },
    mount: app.mount,
  };
}

describe('The plain HTML page', function () {
  this.timeout(60_000);

  it('runs as served: its import map loads the browser build, which defines the elements and fills the list', async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1000px; height: 800px';
    frame.src = PAGE.href;
    document.body.append(frame);
    try {
      const win = () => frame.contentWindow as (Window & typeof globalThis) | null;
      await waitFor(
        () => win()?.customElements.get('conversation-list'),
        'the elements defined in the page',
        20_000,
      );
      // Another document (realm), so plain DOM queries rather than the role helpers.
      const rows = () =>
        frame
          .contentDocument!.querySelector('conversation-list')
          ?.shadowRoot?.querySelectorAll('[role="option"]').length ?? 0;
      await waitFor(() => rows() > 0, 'conversation rows in the page', 20_000);
      expect(frame.contentDocument!.querySelector('[role="status"]')!.textContent).to.contain(
        'Selected conversation: none',
      );
    } finally {
      frame.remove();
    }
  });

  it('gets its elements from the browser build, not from the sources', async () => {
    await loadKit();
    const built = (await load<{ ConversationList: CustomElementConstructor }>('helpdesk-elements'))
      .ConversationList;
    // (defineElements registers a subclass per tag; a boolean, since chai would print the whole class.)
    const list = document.createElement('conversation-list');
    expect(list instanceof built, 'an instance of the browser build’s ConversationList').to.equal(true);
  });
});

describeExample('plain HTML', loadKit);
