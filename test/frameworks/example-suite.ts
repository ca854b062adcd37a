/**
 * The tests every framework example under demo/frameworks/ passes (see demo/frameworks/example.ts for
 * the app they all render): each test file calls `describeExample` with its framework's `mount` and the
 * kit it runs on (the sources, or the package's browser build for the plain-HTML page).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import { exampleText, type MountedExample, type MountExample } from '../../demo/frameworks/example.js';
import type { MemoryAdapterOptions } from '../../src/adapters/memory/index.js';
import type { Fixture, FixtureOptions } from '../../src/fixtures/index.js';
import type { HelpDeskStore, HelpDeskStoreOptions } from '../../src/state/store.js';
import { installLeakTracker } from '../helpers/leak-tracker.js';
import { getByRole, queryAllByRole, queryByRole, visibleText, waitFor } from '../helpers/queries.js';

/** The parts of `helpdesk-elements` the tests make a desk with. */
export interface Kit {
  HelpDeskStore: new (adapter: never, options?: HelpDeskStoreOptions) => HelpDeskStore;
  MemoryAdapter: new (options?: MemoryAdapterOptions) => unknown;
  createFixture: (options?: FixtureOptions) => Fixture;
}

export interface ExampleUnderTest {
  kit: Kit;
  mount: MountExample;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A row's accessible name starts with its contact's name. */
const startsWith = (text: string) => new RegExp(`^${escape(text)}\\b`);

/** An open conversation whose contact no other conversation of the fixture has. */
function uniqueConversation(data: Fixture, skip?: string): { id: string; name: string } {
  const count = (name: string) => data.conversations.filter((c) => c.contactName === name).length;
  const found = data.conversations.find(
    (c) => c.status === 'open' && c.id !== skip && c.contactName.trim() && count(c.contactName) === 1,
  );
  if (!found) throw new Error('the fixture has no open conversation with a contact of its own');
  return { id: found.id, name: found.contactName };
}

const listOf = (root: Element) => root.querySelector('conversation-list')!;
const rows = (root: Element) =>
  queryAllByRole(getByRole(root, 'listbox', { name: 'Conversations' }), 'option');
const messages = (root: Element) => queryAllByRole(getByRole(root, 'log', { name: 'Messages' }), 'article');
/** The app's status line (the kit's elements have status regions of their own). */
const statusText = (root: Element) =>
  queryAllByRole(root, 'status')
    .map(visibleText)
    .find((text) => text.startsWith(exampleText.selected(null).split(':')[0]!)) ?? '';

export function describeExample(framework: string, load: () => Promise<ExampleUnderTest>): void {
  describe(`The ${framework} example`, function () {
    this.timeout(30_000);
    let example: ExampleUnderTest;
    let container: HTMLElement;
    let mounted: MountedExample | undefined;
    let store: HelpDeskStore;
    let data: Fixture;

    before(async () => {
      example = await load();
    });

    beforeEach(() => {
      data = example.kit.createFixture({ seed: 3, conversations: 12 });
      const adapter = new example.kit.MemoryAdapter({ fixture: data }) as never;
      store = new example.kit.HelpDeskStore(adapter, { storage: null });
      void store.start();
      container = document.createElement('div');
      container.style.cssText = 'display: block; width: 900px';
      document.body.append(container);
    });

    afterEach(() => {
      mounted?.unmount();
      mounted = undefined;
      container.remove();
      store.dispose();
    });

    const mountApp = async () => {
      mounted = example.mount(container, { store });
      await waitFor(() => rows(container).length > 0 && rows(container), 'conversation rows', 8000);
      return mounted;
    };

    /** Clicks the contact's row and waits for the app to open its thread. */
    const open = async (name: string) => {
      getByRole(listOf(container), 'option', startsWith(name)).click();
      await waitFor(() => messages(container).length > 0, `the messages of ${name}`, 8000);
    };

    /** The reply textbox once the editor's rich engine (ProseMirror) has replaced the plain text area. */
    const richReplyBox = () =>
      waitFor(
        () => {
          const found = queryByRole(container, 'textbox', { name: 'Reply' });
          return found?.getAttribute('contenteditable') === 'true' && found;
        },
        'the rich reply editor',
        10_000,
      );

    /** Types into the reply editor and clicks Send. */
    const reply = async (text: string) => {
      const box = await richReplyBox();
      box.focus();
      await sendKeys({ type: text });
      await waitFor(() => box.textContent?.includes(text), 'the typed text');
      getByRole(container, 'button', { name: 'Send' }).click();
    };

    describe('Properties', () => {
      it('hands the store to the provider as a property: the list shows that store’s conversations', async () => {
        await mountApp();
        // A boolean: on failure chai would try to print the whole store.
        const given = container.querySelector('help-desk-provider')!.store;
        expect(given === store, 'the provider’s store property is the app’s store').to.equal(true);
        const first = uniqueConversation(data);
        expect(getByRole(listOf(container), 'option', startsWith(first.name))).to.exist;
      });

      it('sets density as a property, and a changed value reaches the element', async () => {
        const app = await mountApp();
        const list = listOf(container);
        expect(list.density).to.equal('comfortable');
        app.update({ density: 'compact' });
        await waitFor(() => list.getAttribute('density') === 'compact', 'density="compact" reflected');
        expect(list.density).to.equal('compact');
        app.update({ density: 'comfortable' });
        await waitFor(() => list.getAttribute('density') === 'comfortable', 'density back to comfortable');
      });

      it('gives the thread and the editor the chosen conversation as conversationId', async () => {
        await mountApp();
        const first = uniqueConversation(data);
        await open(first.name);
        expect(container.querySelector('thread-view')!.conversationId).to.equal(first.id);
        expect(container.querySelector('reply-editor')!.conversationId).to.equal(first.id);
        const second = uniqueConversation(data, first.id);
        await waitFor(() => getByRole(listOf(container), 'option', startsWith(second.name)), second.name);
        getByRole(listOf(container), 'option', startsWith(second.name)).click();
        await waitFor(
          () => container.querySelector('thread-view')!.conversationId === second.id,
          'the thread following the new choice',
        );
        expect(container.querySelector('reply-editor')!.conversationId).to.equal(second.id);
      });
    });

    describe('Attributes', () => {
      it('"Hide search" sets the hide-search attribute, which hides the search box, and unsetting it removes it', async () => {
        await mountApp();
        const list = listOf(container);
        const search = () => queryByRole(list, 'searchbox', { name: 'Search conversations' });
        expect(search(), 'the search box at first').to.exist;
        expect(list.hasAttribute('hide-search')).to.equal(false);
        getByRole(container, 'checkbox', { name: exampleText.hideSearch }).click();
        await waitFor(() => list.hasAttribute('hide-search') && !search(), 'the search box hidden');
        expect(list.hideSearch).to.equal(true);
        getByRole(container, 'checkbox', { name: exampleText.hideSearch }).click();
        await waitFor(() => !list.hasAttribute('hide-search') && search(), 'the search box back');
        expect(list.hideSearch).to.equal(false);
      });
    });

    describe('Events', () => {
      it('conversation-select from the list reaches the app, which opens that conversation', async () => {
        await mountApp();
        expect(statusText(container)).to.contain(exampleText.selected(null));
        const first = uniqueConversation(data);
        await open(first.name);
        expect(statusText(container)).to.contain(exampleText.selected(first.id));
        expect(visibleText(container.querySelector('thread-view')!)).to.contain(first.name);
      });

      it('message-send from the editor reaches the app with the reply’s text', async () => {
        await mountApp();
        await open(uniqueConversation(data).name);
        expect(statusText(container)).to.contain(exampleText.lastReply(null));
        await reply(`Hello from ${framework}`);
        await waitFor(
          () => statusText(container).includes(exampleText.lastReply(`Hello from ${framework}`)),
          'the reply in the app’s status line',
        );
      });
    });

    describe('Unmounting', () => {
      it('leaves no store subscription, interval, pending timer or window/document listener behind', async () => {
        const baseline = store.activeSubscriptions;
        const tracker = installLeakTracker();
        try {
          const app = await mountApp();
          await open(uniqueConversation(data).name);
          // The editor's engine listens to the document (selection changes) once it has loaded.
          (await richReplyBox()).focus();
          expect(store.activeSubscriptions, 'the mounted desk subscribes').to.be.above(baseline);
          expect(tracker.liveIntervals, 'the list’s clock runs while mounted').to.be.above(0);
          expect(tracker.globalListeners(), 'the editor listens to the document while mounted').not.to.be
            .empty;
          app.unmount();
          mounted = undefined;
          expect(container.children.length, 'nothing left in the container').to.equal(0);
          await tracker.waitUntil(() => store.activeSubscriptions === baseline, 'no subscriptions left');
          expect(tracker.liveIntervals, 'intervals left running').to.equal(0);
          expect(tracker.globalListeners(), 'window/document listeners left').to.deep.equal([]);
          await tracker.waitUntil(() => tracker.pendingCallbacks === 0, 'every timeout and frame to settle');
        } finally {
          tracker.uninstall();
        }
      });

      it('the checks above catch a leak: a subscription, an interval and a listener kept after unmounting', async () => {
        const baseline = store.activeSubscriptions;
        const tracker = installLeakTracker();
        let cleanup = () => {};
        try {
          const app = await mountApp();
          // What a careless wrapper does: subscribe, tick and listen on its own, and forget all three.
          const subscription = store.state$.subscribe(() => {});
          const interval = setInterval(() => {}, 60_000);
          const listener = () => {};
          document.addEventListener('keydown', listener);
          cleanup = () => {
            subscription.unsubscribe();
            clearInterval(interval);
            document.removeEventListener('keydown', listener);
          };
          app.unmount();
          mounted = undefined;
          await tracker.waitUntil(
            () => store.activeSubscriptions === baseline + 1,
            'only the kept subscription',
          );
          expect(tracker.liveIntervals).to.equal(1);
          expect(tracker.globalListeners()).to.deep.equal(['document keydown']);
        } finally {
          cleanup();
          tracker.uninstall();
        }
      });
    });
  });
}
