import { expect } from '@open-wc/testing';
import { html, render } from 'lit';

import { linkify, tokenize } from '../../src/internal/linkify.js';

function rendered(text: string): HTMLElement {
  const div = document.createElement('div');
  render(html`${linkify(text)}`, div);
  return div;
}

describe('linkify', () => {
  it('links http, https, www and e-mail addresses and keeps the rest as text', () => {
    const tokens = tokenize('See https://example.com/a?b=1, www.example.org or write to help@example.com.');
    expect(
      tokens.filter((t) => t.kind === 'link').map((t) => (t.kind === 'link' ? t.href : '')),
    ).to.deep.equal(['https://example.com/a?b=1', 'https://www.example.org/', 'mailto:help@example.com']);
    expect(tokens.map((t) => t.text).join('')).to.equal(
      'See https://example.com/a?b=1, www.example.org or write to help@example.com.',
    );
  });

  it('keeps a closing parenthesis that belongs to the address', () => {
    const link = tokenize('(https://en.wikipedia.org/wiki/Foo_(bar))').find((t) => t.kind === 'link');
    expect(link?.text).to.equal('https://en.wikipedia.org/wiki/Foo_(bar)');
  });

  it('never links javascript: or data: text', () => {
    const root = rendered('javascript:alert(1) data:text/html,<script>alert(1)</script>');
    expect(root.querySelector('a')).to.be.null;
    expect(root.querySelector('script')).to.be.null;
    expect(root.textContent).to.equal('javascript:alert(1) data:text/html,<script>alert(1)</script>');
  });

  it('renders HTML in text as text, and links with target _blank and rel noopener noreferrer', () => {
    const root = rendered('<img src=x onerror=alert(1)> https://example.com');
    expect(root.querySelector('img')).to.be.null;
    const a = root.querySelector('a')!;
    expect(a.getAttribute('href')).to.equal('https://example.com/');
    expect(a.getAttribute('target')).to.equal('_blank');
    expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
  });

  it('handles a 100,000-character text and empty text', () => {
    const long = 'a'.repeat(50_000) + ' https://example.com ' + '.'.repeat(49_000);
    const tokens = tokenize(long);
    expect(tokens.map((t) => t.text).join('')).to.equal(long);
    expect(tokens.filter((t) => t.kind === 'link').length).to.equal(1);
    expect(tokenize('')).to.deep.equal([]);
  });
});
