// The case the prefix exists for: another library on the page already owns the kit's default tag
// names, so the host registers the kit as acme-*. Its own page: custom element names cannot be freed.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';

import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import type { HelpDeskProvider } from '../../src/elements/help-desk-provider/help-desk-provider.js';
import { defineElements, elementClasses } from '../../src/elements/registry.js';
import { findByRole } from '../helpers/queries.js';
import {
  openConversation,
  rowsShown,
  sendReply,
  smallFixture,
  typeReply,
  uniqueConversation,
} from './embed-helpers.js';

/** Another library's elements, under every one of the kit's default tags (a plain "not ours" box). */
class ForeignElement extends HTMLElement {
  connectedCallback() {
    this.textContent = 'another library’s element';
  }
}
for (const tag of Object.keys(elementClasses)) customElements.define(tag, class extends ForeignElement {});

const warnings: unknown[] = [];
const warn = console.warn;
console.warn = (message: unknown) => warnings.push(message);
try {
  defineElements({ prefix: 'acme' });
} finally {
  console.warn = warn;
}

describe('acme tags on a page where another library owns the default tag names', function () {
  this.timeout(60_000);

  it('registers the acme set without a warning (the prefix is the way out)', () => {
    expect(warnings).to.deep.equal([]);
    expect(customElements.get('acme-help-desk')).to.exist;
  });

  it('acme parts placed by the host work', async () => {
    await setViewport({ width: 1400, height: 900 });
    const data = smallFixture(41);
    const provider = await fixture<HelpDeskProvider>(
      html`<acme-help-desk-provider
        .adapter=${new MemoryAdapter({ fixture: data })}
        style="display: grid; grid-template-columns: 380px 1fr; height: 860px"
      >
        <acme-conversation-list></acme-conversation-list>
        <div>
          <acme-thread-view style="display: block; height: 520px"></acme-thread-view>
          <acme-reply-editor></acme-reply-editor>
        </div>
      </acme-help-desk-provider>`,
    );
    await rowsShown(provider);
    await openConversation(provider, uniqueConversation(data).name);
    await typeReply(provider, 'Prefixed parts only');
    await sendReply(provider, 'Prefixed parts only');
  });

  // Here the default tag names belong to the other library: <acme-help-desk> must not use them.
  it('<acme-help-desk> is a working desk made of acme elements', async () => {
    await setViewport({ width: 1400, height: 900 });
    const data = smallFixture(42);
    const provider = await fixture<HelpDeskProvider>(
      html`<acme-help-desk-provider
        .adapter=${new MemoryAdapter({ fixture: data })}
        style="display: block; width: 1280px; height: 860px"
      >
        <acme-help-desk></acme-help-desk>
      </acme-help-desk-provider>`,
    );
    await rowsShown(provider);
    await openConversation(provider, uniqueConversation(data).name);
    await findByRole(provider, 'textbox', { name: 'Reply' });
    expect(provider.querySelector('acme-help-desk')!.shadowRoot!.textContent).not.to.contain(
      'another library',
    );
  });
});
