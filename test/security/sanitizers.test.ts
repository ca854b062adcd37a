// The three modules that stand between channel data and the DOM (sanitize, safe-url, linkify),
// checked against every vector of the hostile-input corpus.
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';

import { linkify, tokenize } from '../../src/internal/linkify.js';
import { safeLinkUrl, safeMediaUrl } from '../../src/internal/safe-url.js';
import { sanitizedFragment, sanitizeHtml } from '../../src/internal/sanitize.js';
import { expectNoScriptRan, installCanary, resetCanary } from './canary.js';
import { expectNone, unsafeIn, unsafeInBody } from './inspect.js';
import { decodeEscapes, label, loadVectors, type Vector } from './vectors.js';

let vectors: Vector[] = [];
const urls = () => vectors.filter((v) => v.section === 'unsafe-url');

before(async () => {
  installCanary();
  vectors = await loadVectors();
});
beforeEach(() => resetCanary());

/** A body rendered into the live document, where a surviving handler would run. */
function mounted(dirty: string, host: HTMLElement): HTMLElement {
  const body = document.createElement('div');
  body.append(sanitizedFragment(dirty));
  host.append(body);
  return body;
}

describe('The hostile-input corpus', () => {
  it('holds at least 200 vectors in the sections the issue names', () => {
    expect(vectors.length).to.be.at.least(200);
    const sections = new Set(vectors.map((v) => v.section));
    for (const name of [
      'script',
      'handlers',
      'unsafe-url',
      'svg',
      'mathml',
      'css',
      'mxss',
      'attachment-names',
      'mime-types',
    ])
      expect(sections, name).to.include(name);
  });

  it('decodes the documented escapes and leaves other backslashes alone', () => {
    expect(decodeEscapes('a\\nb\\r\\t\\0\\\\')).to.equal('a\nb\r\t\0\\');
    expect(decodeEscapes('\\x41\\u0042\\u{1F4A9}')).to.equal('AB\u{1F4A9}');
    expect(decodeEscapes('\\*3{ab}')).to.equal('ababab');
    expect(decodeEscapes('\\*2{\\u{202e}}x')).to.equal('\u202e\u202ex');
    expect(decodeEscapes('url(\\6a avascript:)')).to.equal('url(\\6a avascript:)');
    expect(vectors.some((v) => v.value.length >= 500)).to.be.true;
    expect(vectors.some((v) => v.value.includes('\u202e'))).to.be.true;
  });
});

describe('The checks the corpus tests rely on', () => {
  // Positive controls: each unsafe thing, put by hand where a rendered vector could put it (two
  // shadow roots deep), must be reported, or the tests that expect no reports prove nothing.
  const cases: [string, string][] = [
    ['<img onerror="x()" alt="">', 'handler onerror'],
    ['<p ONCLICK="x()">p</p>', 'handler onclick'],
    ['<a href="javascript:x()">a</a>', 'href URL'],
    ['<a href=" java&#x09;script:x()">a</a>', 'href URL'],
    ['<a href="data:text/html,x">a</a>', 'href URL'],
    ['<a href="vbscript:x">a</a>', 'href URL'],
    ['<img src="javascript:x()" alt="">', 'src URL'],
    ['<img src="data:text/html,x" alt="">', 'src URL'],
    ['<form action="javascript:x()"></form>', 'action URL'],
    ['<button formaction="javascript:x()">b</button>', 'formaction URL'],
    ['<svg><a href="javascript:x()"><text>t</text></a></svg>', 'href URL'],
    ['<script type="text/plain">x()</script>', 'element <script'],
    ['<iframe title="t"></iframe>', 'element <iframe'],
    ['<object title="t"></object>', 'element <object'],
    ['<embed title="t">', 'element <embed'],
    ['<style>p{}</style>', 'element <style'],
    ['<iframe srcdoc="x"></iframe>', 'srcdoc on'],
    ['<a href="https://example.com" target="_blank">a</a>', 'link without rel'],
  ];
  /** A detached box holding `markup` two shadow roots deep (nothing in it loads or runs). */
  function nested(markup: string): HTMLElement {
    const box = document.createElement('div');
    const outer = box.appendChild(document.createElement('div'));
    const inner = document.createElement('div');
    outer.attachShadow({ mode: 'open' }).append(inner);
    // Test data written by hand, never rendered into the page (a template's content is inert).
    const template = document.createElement('template');
    template.innerHTML = markup;
    inner.attachShadow({ mode: 'open' }).append(template.content);
    return box;
  }

  for (const [markup, report] of cases) {
    it(`report ${markup} inside nested shadow roots`, () => {
      const problems = unsafeIn(nested(markup));
      expect(
        problems.some((p) => p.startsWith(report)),
        problems.join('; '),
      ).to.be.true;
    });
  }

  it('report no problem for safe links, images and text', () => {
    const safe = nested(
      '<a href="https://example.com" target="_blank" rel="noopener noreferrer">a</a>' +
        '<a href="mailto:a@example.com">m</a><img src="data:image/png;base64,AAAA" alt="">' +
        '<img src="blob:https://example.com/x" alt=""><p title="javascript:x()">javascript:x()</p>',
    );
    expect(unsafeIn(safe)).to.deep.equal([]);
  });

  it('report anything outside the body allow-list, and style attributes, in a message body', () => {
    const body = document.createElement('div');
    const template = document.createElement('template');
    template.innerHTML = '<svg></svg><form></form><b style="color:red">b</b><a href="https://e.com">a</a>';
    body.append(template.content);
    const problems = unsafeInBody(body).join('\n');
    expect(problems).to.contain('element <svg>');
    expect(problems).to.contain('element <form>');
    expect(problems).to.contain('style attribute');
    expect(problems).to.contain('body link not opened safely');
  });
});

describe('sanitizeHtml() and sanitizedFragment() on every vector', () => {
  it('render nothing that can run script, in the live document', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const problems: string[] = [];
    for (const vector of vectors) {
      for (const p of unsafeInBody(mounted(vector.value, host))) problems.push(`${label(vector)}: ${p}`);
    }
    await expectNoScriptRan();
    host.remove();
    expectNone(problems, 'unsafe output');
  });

  it('are stable: sanitizing the serialized output again gives the same markup (no mutation XSS)', () => {
    const unstable: string[] = [];
    // What the browser makes of markup when it parses it, as innerHTML would. (DOMPurify returns
    // input without a "<" unchanged, so raw strings are compared only after a parse.)
    const parsed = (markup: string) => {
      const template = document.createElement('template');
      template.innerHTML = markup;
      return template.innerHTML.replace(/\r\n?/g, '\n');
    };
    for (const vector of vectors) {
      const once = parsed(String(sanitizeHtml(vector.value)));
      const twice = parsed(String(sanitizeHtml(once)));
      if (twice !== once)
        unstable.push(`${label(vector)}: ${JSON.stringify(once)} then ${JSON.stringify(twice)}`);
    }
    expectNone(unstable, 'unstable output');
  });

  it('strip every unsafe URL from <a href> and <img src>', () => {
    const host = document.createElement('div');
    const kept: string[] = [];
    for (const vector of urls()) {
      const quoted = vector.value.replace(/"/g, '&quot;');
      const body = mounted(`<a href="${quoted}">x</a><img src="${quoted}" alt="">`, host);
      if (body.querySelector('a[href], img[src]')) kept.push(label(vector));
    }
    expectNone(kept, 'unsafe URLs kept');
  });
});

describe('safeLinkUrl() and safeMediaUrl() on every vector', () => {
  it('return nothing, or an absolute URL of an allowed scheme', () => {
    const wrong: string[] = [];
    for (const vector of vectors) {
      for (const url of [vector.value, `https://example.com/${vector.value}`]) {
        const link = safeLinkUrl(url);
        if (link !== undefined && !/^(https?:\/\/|mailto:|tel:)/.test(link))
          wrong.push(`link ${label(vector)}`);
        const media = safeMediaUrl(url);
        if (
          media !== undefined &&
          !/^(https?:\/\/|blob:|data:(image\/(png|jpe?g|gif|webp|avif)|audio\/|video\/))/i.test(media)
        )
          wrong.push(`media ${label(vector)}`);
        const logo = safeMediaUrl(url, { allowSvgData: true });
        if (logo !== undefined && !/^(https?:\/\/|blob:|data:(image|audio|video)\/)/i.test(logo))
          wrong.push(`logo ${label(vector)}`);
      }
    }
    expectNone(wrong, 'unsafe output');
  });

  it('refuse every vector of the unsafe-url section (SVG data only as an opted-in <img> source)', () => {
    const accepted = urls().filter((v) => {
      const logo = safeMediaUrl(v.value, { allowSvgData: true });
      return (
        safeLinkUrl(v.value) !== undefined ||
        safeMediaUrl(v.value) !== undefined ||
        (logo !== undefined && !/^data:image\/svg\+xml[;,]/i.test(logo))
      );
    });
    expectNone(accepted.map(label), 'unsafe URLs accepted');
  });
});

describe('linkify() on every vector', () => {
  it('keeps the text whole and links only http, https and mailto addresses', () => {
    const wrong: string[] = [];
    for (const vector of vectors) {
      for (const text of [
        vector.value,
        `see https://example.com/?q=${vector.value} or www.${vector.value}`,
      ]) {
        const tokens = tokenize(text);
        if (tokens.map((t) => t.text).join('') !== text) wrong.push(`lost text: ${label(vector)}`);
        for (const t of tokens) {
          if (t.kind === 'link' && (!/^(https?:\/\/|mailto:)/.test(t.href) || safeLinkUrl(t.href) !== t.href))
            wrong.push(`link ${t.href}: ${label(vector)}`);
        }
      }
    }
    expectNone(wrong, 'unsafe output');
  });

  it('renders every vector as text, with only safe links as elements, and runs nothing', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const wrong: string[] = [];
    for (const vector of vectors) {
      const box = document.createElement('div');
      host.append(box);
      render(html`${linkify(vector.value)}`, box);
      if (box.textContent !== vector.value) wrong.push(`text differs: ${label(vector)}`);
      for (const el of box.querySelectorAll('*')) {
        if (el.localName !== 'a') wrong.push(`<${el.localName}>: ${label(vector)}`);
      }
      for (const p of unsafeInBody(box)) wrong.push(`${p}: ${label(vector)}`);
    }
    await expectNoScriptRan();
    host.remove();
    expectNone(wrong, 'unsafe output');
  });
});
