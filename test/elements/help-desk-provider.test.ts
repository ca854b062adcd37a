import { consume } from '@lit/context';
import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { state } from 'lit/decorators.js';

import type { HelpDeskProvider } from '../../src/elements/help-desk-provider/help-desk-provider.js';
import { defineElements } from '../../src/elements/registry.js';
import { setLocale } from '../../src/localization/localization.js';
import { storeContext } from '../../src/state/context.js';
import { HelpDeskStore } from '../../src/state/store.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { FakeAdapter, flush } from '../state/fake-adapter.js';

defineElements();

/** Stands for any kit element: it asks the page for a store the way the kit's elements do. */
class StoreProbe extends LitElement {
  @consume({ context: storeContext, subscribe: true }) @state() store?: HelpDeskStore;
}
customElements.define('store-probe', StoreProbe);

async function mountProvider(adapter = new FakeAdapter()) {
  const provider = await fixture<HelpDeskProvider>(
    html`<help-desk-provider .adapter=${adapter}
      ><div><store-probe></store-probe></div
    ></help-desk-provider>`,
  );
  await flush();
  return { provider, adapter, probe: provider.querySelector('store-probe') as StoreProbe };
}

describe('<help-desk-provider>', () => {
  afterEach(() => setLocale('en'));

  describe('Store integration', () => {
    it('makes a store on its adapter, starts it, and gives it to the elements inside', async () => {
      const { provider, adapter, probe } = await mountProvider();
      expect(probe.store).to.be.instanceOf(HelpDeskStore);
      expect(probe.store).to.equal(provider.activeStore);
      expect(adapter.subscribers).to.equal(1);
      expect(adapter.calls.listConversations).to.equal(1);
    });

    it('prefers a store given by the host, so one desk can span the page', async () => {
      const { provider, probe } = await mountProvider();
      const shared = new HelpDeskStore(new FakeAdapter(), { storage: null });
      provider.store = shared;
      await elementUpdated(provider);
      expect(probe.store).to.equal(shared);
      shared.dispose();
    });

    it('reaches elements that ask for a store before the provider is defined', async () => {
      // Not through fixture(): it would wait for the undefined provider tag to be defined.
      const host = document.createElement('div');
      host.innerHTML = '<late-help-desk-provider><store-probe></store-probe></late-help-desk-provider>';
      document.body.append(host);
      const probe = host.querySelector('store-probe') as StoreProbe;
      const provider = host.firstElementChild as HelpDeskProvider;
      provider.adapter = new FakeAdapter();
      expect(probe.store).to.be.undefined;
      defineElements({ prefix: 'late' });
      await flush();
      expect(probe.store).to.be.instanceOf(HelpDeskStore);
      expect(probe.store).to.equal(provider.activeStore);
      host.remove();
    });

    it('disposes of its own store when removed, leaving no subscription behind', async () => {
      const { provider, adapter } = await mountProvider();
      provider.remove();
      await flush();
      expect(adapter.subscribers).to.equal(0);
    });

    it('keeps its store when moved within the page', async () => {
      const { provider, adapter } = await mountProvider();
      const store = provider.activeStore;
      const elsewhere = document.createElement('section');
      document.body.append(elsewhere);
      elsewhere.append(provider);
      await flush();
      expect(provider.activeStore).to.equal(store);
      expect(adapter.subscribers).to.equal(1);
      elsewhere.remove();
    });
  });

  describe('Attributes and properties', () => {
    it('declares the light tokens by default and the dark set for theme="dark"', async () => {
      const { provider, probe } = await mountProvider();
      const background = () => getComputedStyle(probe).getPropertyValue('--hd-color-bg').trim();
      expect(background()).to.equal('#ffffff');
      provider.theme = 'dark';
      await elementUpdated(provider);
      expect(provider.getAttribute('theme')).to.equal('dark');
      expect(background()).to.equal('#111418');
    });

    it('speaks Brazilian Portuguese with locale="pt-BR" and sets lang', async () => {
      const { provider, adapter } = await mountProvider();
      provider.locale = 'pt-BR';
      await elementUpdated(provider);
      await setLocale('pt-BR'); // resolves once the catalogue the provider asked for is loaded
      expect(provider.lang).to.equal('pt-BR');
      adapter.pushes.next({ type: 'connection', state: 'reconnecting' });
      await elementUpdated(provider);
      const status = provider.shadowRoot!.querySelector('[role="status"]');
      expect(status?.textContent).to.contain('Reconectando');
    });
  });

  describe('Accessibility', () => {
    it('says, as a status, when the real-time connection is down and clears it when back', async () => {
      const { provider, adapter } = await mountProvider();
      expect(provider.shadowRoot!.querySelector('[role="status"]')).to.be.null;
      adapter.pushes.next({ type: 'connection', state: 'offline' });
      await elementUpdated(provider);
      expect(provider.shadowRoot!.querySelector('[role="status"]')?.textContent).to.contain('Offline');
      await expectNoAxeViolations(provider);
      adapter.pushes.next({ type: 'connection', state: 'online' });
      await elementUpdated(provider);
      expect(provider.shadowRoot!.querySelector('[role="status"]')).to.be.null;
    });
  });
});
