// defineElements({ prefix: 'acme' }) next to the default tags on one page: every element registered
// twice, both sets rendering and interacting, each desk on its own adapter.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';

import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import type { HelpDeskProvider } from '../../src/elements/help-desk-provider/help-desk-provider.js';
import { type DefaultTag, defineElements, elementClasses } from '../../src/elements/registry.js';
import { allElements, findByRole, getByRole, waitFor } from '../helpers/queries.js';
import {
  openConversation,
  rowsShown,
  sendReply,
  smallFixture,
  threadShows,
  typeReply,
  uniqueConversation,
} from './embed-helpers.js';

defineElements();
const acmeTags = defineElements({ prefix: 'acme' });
const defaultTags = Object.keys(elementClasses) as DefaultTag[];

async function mountSideBySide() {
  await setViewport({ width: 2000, height: 900 });
  const [dataA, dataB] = [smallFixture(31), smallFixture(32)];
  const page = await fixture<HTMLElement>(
    html`<div style="display: flex; gap: 8px">
      <acme-help-desk-provider
        .adapter=${new MemoryAdapter({ fixture: dataA })}
        style="display: block; width: 980px; height: 860px"
      >
        <acme-help-desk></acme-help-desk>
      </acme-help-desk-provider>
      <help-desk-provider
        .adapter=${new MemoryAdapter({ fixture: dataB })}
        style="display: block; width: 980px; height: 860px"
      >
        <help-desk></help-desk>
      </help-desk-provider>
    </div>`,
  );
  const acme = page.querySelector<HelpDeskProvider>('acme-help-desk-provider')!;
  const plain = page.querySelector<HelpDeskProvider>('help-desk-provider')!;
  await Promise.all([rowsShown(acme), rowsShown(plain)]);
  return { acme, plain, dataA, dataB };
}

/** The kit elements (by their registered class) rendered anywhere under `root`, by tag name. */
function kitTagsUnder(root: ParentNode): string[] {
  const classes = Object.values(elementClasses) as CustomElementConstructor[];
  return allElements(root)
    .filter((el) => classes.some((kit) => el instanceof kit))
    .map((el) => el.localName);
}

describe('defineElements({ prefix: "acme" }) beside the default tags', function () {
  this.timeout(60_000);

  it('registers every element under an acme- tag, a class of its own, and leaves the default tags alone', () => {
    for (const tag of defaultTags) {
      const acme = customElements.get(`acme-${tag}`);
      expect(acmeTags[tag]).to.equal(`acme-${tag}`);
      expect(acme, `<acme-${tag}>`).to.exist;
      expect(acme!.prototype).to.be.instanceOf(elementClasses[tag]);
      expect(customElements.get(tag), `<${tag}>`).to.equal(elementClasses[tag]);
    }
  });

  it('an acme desk and a default desk render and work side by side, each on its own store', async () => {
    const { acme, plain, dataA, dataB } = await mountSideBySide();
    expect(acme.activeStore).to.exist.and.not.equal(plain.activeStore);
    const inA = uniqueConversation(dataA);
    const inB = uniqueConversation(dataB);
    await openConversation(acme, inA.name);
    await openConversation(plain, inB.name);
    await typeReply(acme, 'From the acme desk');
    await sendReply(acme, 'From the acme desk');
    await typeReply(plain, 'From the default desk');
    await sendReply(plain, 'From the default desk');
    expect(threadShows(acme, 'From the default desk')).to.be.false;
    expect(threadShows(plain, 'From the acme desk')).to.be.false;
  });

  it('acme parts placed by the host get the acme provider’s store and work together', async () => {
    await setViewport({ width: 1400, height: 900 });
    const data = smallFixture(33);
    const provider = await fixture<HelpDeskProvider>(
      html`<acme-help-desk-provider
        .adapter=${new MemoryAdapter({ fixture: data })}
        style="display: grid; grid-template-columns: 380px 1fr 340px; height: 860px"
      >
        <acme-conversation-list></acme-conversation-list>
        <div>
          <acme-thread-view style="display: block; height: 520px"></acme-thread-view>
          <acme-reply-editor></acme-reply-editor>
        </div>
        <acme-ticket-sidebar></acme-ticket-sidebar>
      </acme-help-desk-provider>`,
    );
    await rowsShown(provider);
    const target = uniqueConversation(data);
    await openConversation(provider, target.name);
    const sidebar = provider.querySelector('acme-ticket-sidebar')!;
    await findByRole(sidebar, 'heading', { name: 'Contact' });
    await typeReply(provider, 'Through acme parts');
    await sendReply(provider, 'Through acme parts');
    expect(kitTagsUnder(provider).every((tag) => tag.startsWith('acme-'))).to.be.true;
  });

  it('acme channel elements render their first screens', async () => {
    const data = smallFixture(34);
    const provider = await fixture<HelpDeskProvider>(
      html`<acme-help-desk-provider .adapter=${new MemoryAdapter({ fixture: data })}>
        <acme-channel-settings></acme-channel-settings>
        <acme-channel-connect-wizard></acme-channel-connect-wizard>
      </acme-help-desk-provider>`,
    );
    const settings = provider.querySelector('acme-channel-settings')!;
    const wizard = provider.querySelector('acme-channel-connect-wizard')!;
    await findByRole(settings, 'table', { name: 'Connected accounts' }, 8000);
    await findByRole(wizard, 'heading', { name: 'Choose a channel' }, 8000);
    getByRole(wizard, 'radio', { name: 'Parrot SMS' }).click();
    await waitFor(() => !getByRole<HTMLButtonElement>(wizard, 'button', 'Continue with Parrot SMS').disabled);
  });

  // Guards defineElements' retagging: without it <acme-help-desk> renders default-tag panes.
  it('the panes of <acme-help-desk> are the acme elements', async () => {
    const { acme } = await mountSideBySide();
    const desk = acme.querySelector('acme-help-desk')!;
    expect(kitTagsUnder(desk.shadowRoot!).sort()).to.deep.equal([
      'acme-conversation-list',
      'acme-reply-editor',
      'acme-thread-view',
      'acme-ticket-sidebar',
    ]);
  });
});
