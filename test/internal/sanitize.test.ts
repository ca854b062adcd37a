import { expect } from '@open-wc/testing';

import { sanitizedFragment, sanitizeHtml } from '../../src/internal/sanitize.js';

function clean(html: string): string {
  return String(sanitizeHtml(html));
}

/** The sanitized body as a DOM tree, to look at what survived. */
function tree(html: string): HTMLElement {
  const div = document.createElement('div');
  div.append(sanitizedFragment(html));
  return div;
}

const SCRIPTY =
  /<script|<iframe|<object|<embed|<style|<form|<svg|<math|<base|<meta|<link|on\w+=|javascript:|vbscript:|data:text|srcdoc|formaction/i;

// Vectors from the usual XSS cheat sheets: tags, handlers, URL schemes, encodings, mutation tricks.
const vectors = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<img src="javascript:alert(1)">',
  '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
  '<body onload=alert(1)>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p style="position:fixed;inset:0">overlay</p>',
  '<style>*{display:none}</style>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<audio src=x onerror=alert(1)>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '<a href="#" onclick="alert(1)">x</a>',
  '<img src=x:alert(alt) onerror=eval(src) alt=0>',
  '"><script>alert(1)</script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
];

describe('sanitize', () => {
  for (const vector of vectors) {
    it(`neutralizes ${vector}`, () => {
      const out = clean(vector);
      expect(out).not.to.match(SCRIPTY);
      const root = tree(vector);
      for (const el of root.querySelectorAll('*')) {
        for (const attr of el.attributes)
          expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).to.be.false;
        expect(el.hasAttribute('style')).to.be.false;
      }
      expect(
        root.querySelector(
          'script, iframe, object, embed, style, form, svg, math, input, button, base, meta, link',
        ),
      ).to.be.null;
    });
  }

  it('keeps the allowed formatting', () => {
    const root = tree(
      '<p><b>Bold</b> <i>it</i> <u>u</u> <s>s</s></p><ul><li>one</li></ul><ol><li>two</li></ol><blockquote>q</blockquote><pre><code>x</code></pre>',
    );
    expect(root.querySelectorAll('p, b, i, u, s, ul, ol, li, blockquote, pre, code').length).to.equal(12);
    expect(root.textContent).to.contain('Bold');
  });

  it('keeps http, https, mailto and tel links, opened in a new tab without opener or referrer', () => {
    const root = tree(
      '<a href="https://example.com/a">a</a><a href="http://example.com">b</a><a href="mailto:x@example.com">c</a><a href="tel:+5511999999999">d</a>',
    );
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://example.com/a',
      'http://example.com/',
      'mailto:x@example.com',
      'tel:+5511999999999',
    ]);
    for (const a of links) {
      expect(a.getAttribute('target')).to.equal('_blank');
      expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
    }
  });

  it('strips javascript:, data:, relative and unknown-scheme links but keeps their text', () => {
    const root = tree(
      '<a href="javascript:alert(1)">one</a><a href="data:text/html,x">two</a><a href="/relative">three</a><a href="ftp://x">four</a>',
    );
    expect(root.textContent).to.equal('onetwothreefour');
    for (const a of root.querySelectorAll('a')) expect(a.hasAttribute('href')).to.be.false;
  });

  it('overrides a target or rel given by the input', () => {
    const root = tree('<a href="https://example.com" target="_self" rel="opener">x</a>');
    expect(root.querySelector('a')!.getAttribute('target')).to.equal('_blank');
    expect(root.querySelector('a')!.getAttribute('rel')).to.equal('noopener noreferrer');
  });

  it('keeps raster images with safe sources only', () => {
    const root = tree(
      '<img src="https://example.com/a.png" alt="a"><img src="data:image/svg+xml,<svg/>" alt="b">',
    );
    const [a, b] = [...root.querySelectorAll('img')];
    expect(a!.getAttribute('src')).to.equal('https://example.com/a.png');
    expect(b!.hasAttribute('src')).to.be.false;
  });

  it('returns TrustedHTML made by the "helpdesk" policy where Trusted Types exist', () => {
    const tt = (window as unknown as { trustedTypes?: { isHTML(v: unknown): boolean } }).trustedTypes;
    if (!tt) return;
    expect(tt.isHTML(sanitizeHtml('<b>x</b>'))).to.be.true;
  });

  it('returns a fresh fragment each time, and empty output for empty or non-string input', () => {
    expect(tree('<b>x</b>').textContent).to.equal('x');
    expect(tree('<b>x</b>').textContent).to.equal('x');
    expect(clean('')).to.equal('');
    expect(clean(undefined as unknown as string)).to.equal('');
  });
});
