import { expect } from '@open-wc/testing';

import { HelpDeskProvider } from '../../src/elements/help-desk-provider/help-desk-provider.js';
import { defineElements, elementClasses } from '../../src/elements/registry.js';

describe('defineElements', () => {
  it('registers every element under its default tag, and again without throwing', () => {
    defineElements();
    expect(() => defineElements()).not.to.throw();
    for (const [tag, element] of Object.entries(elementClasses)) {
      expect(customElements.get(tag)).to.equal(element);
    }
  });

  it('registers prefixed tags that work beside the default ones', () => {
    const tags = defineElements({ prefix: 'acme' });
    expect(tags['help-desk-provider']).to.equal('acme-help-desk-provider');
    const prefixed = document.createElement('acme-help-desk-provider');
    expect(prefixed).to.be.instanceOf(HelpDeskProvider);
    expect(customElements.get('help-desk-provider')).to.equal(HelpDeskProvider);
  });

  it('refuses a prefix that cannot start a tag name', () => {
    expect(() => defineElements({ prefix: 'Acme!' })).to.throw(TypeError, /prefix/);
  });

  it('warns instead of throwing when another element took a tag', async () => {
    customElements.define('other-help-desk-provider', class extends HTMLElement {});
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (message: unknown) => warnings.push(message);
    try {
      expect(() => defineElements({ prefix: 'other' })).not.to.throw();
    } finally {
      console.warn = warn;
    }
    expect(String(warnings[0])).to.contain('defineElements({ prefix })');
  });
});
