// Every element of the kit, embedded two ways in a host that is hard on widgets: straight in a page
// with an aggressive global reset, and inside the open shadow root of a host element that carries the
// same reset. Each is driven by role and name, its layout checked for sanity, and axe run on it.
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { html, render, type TemplateResult } from 'lit';

import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { defineElements } from '../../src/elements/registry.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import {
  deepActiveElement,
  findByRole,
  getByRole,
  nameOf,
  queryAllByRole,
  waitFor,
} from '../helpers/queries.js';
import {
  clearKitStorage,
  listbox,
  messagesIn,
  replyBox,
  rows,
  smallFixture,
  startsWith,
  threadLog,
  uniqueConversation,
} from './embed-helpers.js';
import {
  focusRing,
  type HostMode,
  installGlobalReset,
  layoutProblems,
  mountInHost,
  visibleRect,
} from './hostile-host.js';

defineElements();
installGlobalReset();

const data = smallFixture(51);
const target = uniqueConversation(data);
const withTicket = data.conversations.find((c) => c.ticketId && c.status === 'open')!;

interface Recipe {
  element: string;
  width: number;
  /** The host's box height; `auto` for elements that grow with their content (the host scrolls them). */
  height: number | 'auto';
  template: (adapter: MemoryAdapter) => TemplateResult;
  /** Uses the element as a rep would; returns the control whose focus ring is checked. */
  drive: (root: Element) => Promise<HTMLElement>;
}

/** The messages shown in the log have boxes, inside the log. */
async function expectMessagesShown(root: Element) {
  await waitFor(() => messagesIn(root).length > 0, 'messages', 10_000);
  const log = threadLog(root).getBoundingClientRect();
  const shown = messagesIn(root).filter((m) => visibleRect(m));
  expect(shown.length, 'messages in view').to.be.above(0);
  for (const message of shown) {
    const r = message.getBoundingClientRect();
    expect(r.width * r.height, nameOf(message)).to.be.above(0);
    expect(r.left).to.be.at.least(log.left - 1);
    expect(r.right).to.be.at.most(log.right + 1);
  }
}

/** Types into the reply editor and finds the named Send button. */
async function expectEditorTakesTyping(root: Element): Promise<HTMLElement> {
  const box = await replyBox(root);
  box.focus();
  await sendKeys({ type: 'Typed in a hostile page' });
  await waitFor(() => box.textContent === 'Typed in a hostile page', 'the typed text').catch(
    (error: Error) => {
      const focused = deepActiveElement();
      throw new Error(
        `${error.message}: the editor shows "${box.textContent}", focus on <${focused?.localName}>`,
      );
    },
  );
  const r = box.getBoundingClientRect();
  expect(r.width, 'editor width').to.be.above(100);
  expect(r.height, 'editor height').to.be.above(20);
  return getByRole<HTMLElement>(root, 'button', { name: 'Send' });
}

/** The list's rows are sized like rows, and a click opens one. */
async function expectRowsWork(root: Element) {
  await waitFor(() => rows(root).length > 0, 'rows', 10_000);
  for (const row of rows(root).filter((r) => visibleRect(r))) {
    expect(row.getBoundingClientRect().height, nameOf(row)).to.be.at.least(24);
  }
  const row = getByRole(listbox(root), 'option', startsWith(target.name));
  row.click();
  await waitFor(() => row.getAttribute('aria-selected') === 'true', 'the row selected');
}

const recipes: Recipe[] = [
  {
    element: 'help-desk in help-desk-provider',
    width: 1280,
    height: 760,
    template: (adapter) =>
      html`<help-desk-provider .adapter=${adapter} style="display: block; height: 100%"
        ><help-desk></help-desk
      ></help-desk-provider>`,
    drive: async (root) => {
      await expectRowsWork(root);
      await expectMessagesShown(root);
      await findByRole(root, 'heading', { name: 'Contact' });
      return expectEditorTakesTyping(root);
    },
  },
  {
    element: 'conversation-list',
    width: 440,
    height: 640,
    template: (adapter) =>
      html`<help-desk-provider .adapter=${adapter}
        ><conversation-list style="height: 620px"></conversation-list
      ></help-desk-provider>`,
    drive: async (root) => {
      await expectRowsWork(root);
      const search = getByRole<HTMLInputElement>(root, 'searchbox', 'Search conversations');
      search.focus();
      await sendKeys({ type: 'abc' });
      expect(search.value).to.equal('abc');
      const toggle = getByRole(root, 'switch', 'Notifications');
      toggle.click();
      await waitFor(() => toggle.getAttribute('aria-checked') === 'true', 'notifications on');
      return toggle;
    },
  },
  {
    element: 'thread-view',
    width: 720,
    height: 600,
    template: (adapter) =>
      html`<help-desk-provider .adapter=${adapter}
        ><thread-view conversation-id=${target.id} style="display: block; height: 580px"></thread-view
      ></help-desk-provider>`,
    drive: async (root) => {
      await expectMessagesShown(root);
      const reply = queryAllByRole(threadLog(root), 'button', { name: /Reply/ }).find((b) => visibleRect(b));
      expect(reply, 'a Reply button in view').to.exist;
      return threadLog(root);
    },
  },
  {
    element: 'reply-editor',
    width: 720,
    height: 'auto',
    template: (adapter) =>
      html`<help-desk-provider .adapter=${adapter}
        ><reply-editor conversation-id=${target.id}></reply-editor
      ></help-desk-provider>`,
    drive: (root) => expectEditorTakesTyping(root),
  },
  {
    element: 'ticket-sidebar',
    width: 380,
    height: 'auto',
    template: (adapter) =>
      html`<help-desk-provider .adapter=${adapter}
        ><ticket-sidebar conversation-id=${withTicket.id}></ticket-sidebar
      ></help-desk-provider>`,
    drive: async (root) => {
      await findByRole(root, 'heading', { name: 'Ticket' }, 10_000);
      const status = await findByRole<HTMLSelectElement>(root, 'combobox', { name: 'Status' }, 10_000);
      expect(status.getBoundingClientRect().height).to.be.at.least(24);
      return status;
    },
  },
  {
    element: 'channel-connect-wizard',
    width: 820,
    height: 'auto',
    template: (adapter) =>
      html`<help-desk-provider .adapter=${adapter}
        ><channel-connect-wizard></channel-connect-wizard
      ></help-desk-provider>`,
    drive: async (root) => {
      await findByRole(root, 'heading', { name: 'Choose a channel' }, 10_000);
      getByRole(root, 'radio', { name: 'Parrot SMS' }).click();
      const next = await waitFor(() => {
        const button = getByRole<HTMLButtonElement>(root, 'button', 'Continue with Parrot SMS');
        return !button.disabled && button;
      }, 'Continue enabled');
      return next;
    },
  },
  {
    element: 'channel-settings',
    width: 960,
    height: 'auto',
    template: (adapter) =>
      html`<help-desk-provider .adapter=${adapter}
        ><channel-settings></channel-settings
      ></help-desk-provider>`,
    drive: async (root) => {
      const table = await findByRole(root, 'table', { name: 'Connected accounts' }, 10_000);
      expect(queryAllByRole(table, 'switch', { name: 'Status' }).length).to.be.above(0);
      return queryAllByRole(table, 'button', { name: 'Edit' })[0]!;
    },
  },
];

for (const mode of ['page', 'shadow root'] as HostMode[]) {
  describe(`Every element in a hostile host: ${mode === 'page' ? 'a page with an aggressive reset' : 'a host element’s shadow root'}`, function () {
    this.timeout(60_000);
    let outer: HTMLElement | undefined;
    before(() => setViewport({ width: 1400, height: 1000 }));
    // Each provider keeps drafts in localStorage: a draft typed in one test must not greet the next.
    beforeEach(clearKitStorage);
    afterEach(() => {
      outer?.remove();
      clearKitStorage();
    });

    for (const recipe of recipes) {
      it(`<${recipe.element}> renders, works by role and name, keeps its layout and passes axe`, async () => {
        const mounted = mountInHost(mode, recipe.width, recipe.height);
        outer = mounted.outer;
        render(recipe.template(new MemoryAdapter({ fixture: data })), mounted.box);
        const focusTarget = await recipe.drive(mounted.box);
        expect(nameOf(focusTarget), 'the focused control keeps its name').not.to.equal('');
        const ring = await focusRing(focusTarget);
        expect(ring.visible, `a visible focus ring (${ring.style})`).to.be.true;
        expect(layoutProblems(mounted.box, mounted.box)).to.deep.equal([]);
        await expectNoAxeViolations(mounted.outer);
      });
    }
  });
}
