// The kit under a strict Content-Security-Policy with Trusted Types enforced (issue 8): a production
// build of test/csp/ (a whole desk and a connect wizard on MemoryAdapters) served with the header
// below and driven in Chromium like a rep would; not one `securitypolicyviolation` may fire. The
// policy allows exactly three Trusted Types policies: the kit's `helpdesk`, DOMPurify's and Lit's.
/* global URL, window, document, structuredClone */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import puppeteer from 'puppeteer-core';
import { build } from 'vite';

import { chromiumFlags, chromiumPath } from '../../scripts/chromium-path.mjs';
import {
  driveDesk,
  driveWizard,
  openConversation,
  switchToPortuguese,
  waitForList,
  waitInPage,
} from '../csp/drive.mjs';
import {
  filesUnder,
  findEvalLike,
  findTemplateStyleAttributes,
  templateStyleAttributesUnder,
} from '../csp/source-checks.mjs';
import { serveWithCsp } from '../csp/static-server.mjs';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "require-trusted-types-for 'script'",
  'trusted-types helpdesk dompurify lit-html',
].join('; ');

const pageRoot = fileURLToPath(new URL('../csp/', import.meta.url));
const srcRoot = fileURLToPath(new URL('../../src/', import.meta.url));

let outDir;
let server;
let browser;

before(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'helpdesk-csp-'));
  const building = build({
    configFile: false,
    root: pageRoot,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  });
  // The browser starts while Vite builds; if the build fails, the browser is still closed in `after`.
  const launching = puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumFlags });
  const [built, launched] = await Promise.allSettled([building, launching]);
  if (launched.status === 'fulfilled') browser = launched.value;
  if (built.status === 'rejected') throw built.reason;
  if (launched.status === 'rejected') throw launched.reason;
  server = await serveWithCsp(outDir, CSP);
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/**
 * Runs in the page before any of its scripts: records every violation (the event is composed, so
 * one from a shadow root reaches a capturing listener on window), every Trusted Types policy made
 * and how often each signed HTML, and any call to alert (what the hostile markup would call).
 */
function instrument() {
  const violations = [];
  const policies = {};
  const alerts = [];
  Object.defineProperty(window, '__csp', { value: { violations, policies, alerts } });
  window.alert = (text) => alerts.push(String(text));
  window.addEventListener(
    'securitypolicyviolation',
    (event) =>
      violations.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
        source: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      }),
    true,
  );
  const factory = window.trustedTypes;
  const createPolicy = factory.createPolicy.bind(factory);
  factory.createPolicy = (name, rules) => {
    const wrapped = { ...rules };
    if (rules.createHTML) {
      wrapped.createHTML = (...args) => {
        policies[name] = (policies[name] ?? 0) + 1;
        return rules.createHTML(...args);
      };
    }
    const policy = createPolicy(name, wrapped);
    policies[name] ??= 0;
    return policy;
  };
  // For the test's own polling: every element matching `css`, through open shadow roots.
  const deepAll = (css, root = document) => {
    const found = [...root.querySelectorAll(css)];
    for (const el of root.querySelectorAll('*'))
      if (el.shadowRoot) found.push(...deepAll(css, el.shadowRoot));
    return found;
  };
  Object.defineProperty(window, '__deepAll', { value: deepAll });
}

/** Opens the page with the recorders above and listeners for errors and failed requests. */
async function openPage(path = '/') {
  const page = await browser.newPage();
  await page.setViewport({ width: 1300, height: 1800 });
  const problems = { pageErrors: [], consoleErrors: [], failedRequests: [] };
  page.on('pageerror', (error) => problems.pageErrors.push(String(error?.message ?? error)));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('requestfailed', (request) => problems.failedRequests.push(request.url().slice(0, 120)));
  await page.evaluateOnNewDocument(instrument);
  const response = await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
  const recorded = () => page.evaluate(() => structuredClone(window.__csp));
  return { page, response, problems, recorded };
}

/** Runs `drive`; on failure the error also carries what was recorded so far (a refusal often explains it). */
async function driveAndRecord(drive, recorded, problems) {
  try {
    await drive();
  } catch (error) {
    const seen = await recorded().catch(() => null);
    error.message += `\nrecorded: ${JSON.stringify(seen)}\nproblems: ${JSON.stringify(problems)}`;
    throw error;
  }
}

test('the desk, the reply editor and the connect wizard run with no CSP violation and no error', async () => {
  const { page, response, problems, recorded } = await openPage();
  try {
    assert.equal(response.headers()['content-security-policy'], CSP);
    await driveAndRecord(
      async () => {
        await driveDesk(page);
        await driveWizard(page);
        await switchToPortuguese(page);
      },
      recorded,
      problems,
    );
    const { violations, policies } = await recorded();
    assert.deepEqual(violations, [], 'securitypolicyviolation events');
    assert.deepEqual(problems.pageErrors, [], 'uncaught errors');
    assert.deepEqual(problems.consoleErrors, [], 'console errors (the browser logs each refusal)');
    assert.deepEqual(problems.failedRequests, [], 'failed requests');
    // Only the listed policies were made, and the HTML sinks really went through them: the thread's
    // rich body through the sanitizer's `helpdesk`, the editor's paste and draft through DOMPurify's.
    assert.deepEqual(Object.keys(policies).sort(), ['dompurify', 'helpdesk', 'lit-html']);
    assert.ok(policies.helpdesk > 0, 'the sanitizer signed the rich body');
    assert.ok(policies.dompurify > 0, 'the editor parsed pasted HTML and the rich draft through DOMPurify');
  } finally {
    await page.close();
  }
});

test('the policy is enforced, and a hostile rich body renders sanitized: only the browser refusing its inline code is reported', async () => {
  const { page, problems, recorded } = await openPage('/?hostile');
  try {
    // The page loads clean; then a string reaching an HTML sink is refused, and the refusal is heard.
    await waitForList(page);
    assert.deepEqual((await recorded()).violations, [], 'nothing is reported while the desk loads');
    const refused = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>raw</b>';
        return false;
      } catch (error) {
        return error instanceof TypeError;
      }
    });
    assert.equal(refused, true, 'Trusted Types refuse a string assigned to innerHTML');
    await waitInPage(page, () => window.__csp.violations.length > 0);
    assert.equal((await recorded()).violations[0].directive, 'require-trusted-types-for');

    await driveAndRecord(() => openConversation(page, 'CSP probe'), recorded, problems);
    const findProbe = () =>
      window.__deepAll('[role="log"] article').find((a) => a.textContent.includes('Styled and handled')) ??
      null;
    await waitInPage(page, findProbe);
    const bubble = await readBubble(page, findProbe);
    assert.ok(bubble, 'the probe message has a body');
    assert.match(bubble.text, /Styled and handled/);
    assert.deepEqual(bubble.inline, [], 'no style or on* attribute survives the sanitizer');
    assert.equal(bubble.styleElements, 0, 'no <style> element survives the sanitizer');
    assert.deepEqual(bubble.images, ['data:image/png', null], 'the data: PNG stays; src="x" is dropped');

    const { violations, alerts } = await recorded();
    assert.deepEqual(alerts, [], 'no handler ran');
    // Parsing untrusted HTML in Chrome reports every inline style and handler in it, whatever parses
    // it (DOMParser, <template>, the browser's own Sanitizer API): nothing is applied or run, and the
    // sanitizer drops them. Those reports, and the one refusal above, are all there may be.
    const others = violations
      .slice(1)
      .filter(
        (v) =>
          !(
            v.blocked === 'inline' &&
            ['style-src-attr', 'script-src-attr', 'style-src-elem'].includes(v.directive)
          ),
      );
    assert.deepEqual(others, [], 'reports other than the parse of the hostile markup');
    assert.deepEqual(problems.pageErrors, [], 'uncaught errors');
  } finally {
    await page.close();
  }
});

test('on a page whose trusted-types list leaves out `helpdesk`, rich bodies still show, sanitized', async () => {
  // An integrator who copies an older header: the kit's policy is refused, and no message may vanish.
  const partial = await serveWithCsp(outDir, CSP.replace('trusted-types helpdesk ', 'trusted-types '));
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 1300, height: 1800 });
    await page.evaluateOnNewDocument(instrument);
    await page.goto(`${partial.origin}/`, { waitUntil: 'load' });
    await waitForList(page);
    await openConversation(page, 'CSP probe');
    const body = await page.waitForFunction(
      () =>
        window
          .__deepAll('[role="log"] article .bubble')
          .find((bubble) => bubble.textContent.includes('CSP probe: rich body'))?.innerHTML ?? null,
      { timeout: 20_000 },
    );
    const html = await body.jsonValue();
    // Not flattened to text: DOMPurify's nodes keep the formatting (the probe's rich body has lists and links).
    assert.match(html, /<(p|ul|ol|a|strong|em)\b/);
    assert.doesNotMatch(html, /\son\w+=|\sstyle=/);
  } finally {
    await page.close();
    await partial.close();
  }
});

/** The probe's body as plain data, read through a handle (no code compiled from strings in the page). */
async function readBubble(page, findProbe) {
  const article = await page.evaluateHandle(findProbe);
  try {
    return await article.evaluate((a) => {
      const bubble = a?.querySelector('.bubble');
      return (
        bubble && {
          text: bubble.textContent,
          inline: [...bubble.querySelectorAll('*')].flatMap((el) =>
            el
              .getAttributeNames()
              .filter((n) => n === 'style' || n.startsWith('on'))
              .map((n) => `${el.localName}[${n}]`),
          ),
          styleElements: bubble.querySelectorAll('style').length,
          images: [...bubble.querySelectorAll('img')].map(
            (img) => img.getAttribute('src')?.slice(0, 14) ?? null,
          ),
        }
      );
    });
  } finally {
    await article.dispose();
  }
}

test('the built JavaScript has no eval, no Function constructor and no string timers', async () => {
  const files = await filesUnder(outDir, ['.js']);
  assert.ok(files.length > 1, 'the entry and the lazy chunks were built');
  const found = [];
  for (const file of files) {
    for (const hit of findEvalLike(await readFile(file, 'utf8'))) found.push(`${file}: ${hit}`);
  }
  assert.deepEqual(found, []);
  // The check itself catches what it looks for.
  assert.equal(findEvalLike('a=eval("1");b=new Function("x","return x")').length, 2);
  assert.equal(findEvalLike('x.eval(1);retrieval(2);setTimeout(f,1)').length, 0);
});

test('no Lit template in src/ writes a style attribute', async () => {
  assert.deepEqual(await templateStyleAttributesUnder(srcRoot), []);
  // The check itself catches what it looks for, static or bound, and ignores css`` and prose.
  const sample = [
    'html`<p style="color: red">a</p>`;',
    'html`<p class=${a} style=${b}>b</p>`;',
    'html`<p style=${styleMap(b)}>c</p>`;',
    'css`:host { display: block }`;',
    '// a comment: style="x"',
  ].join('\n');
  assert.equal(findTemplateStyleAttributes('sample.ts', sample).length, 2);
});
