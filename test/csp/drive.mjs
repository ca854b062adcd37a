// Drives the CSP test page (test/csp/index.html) in puppeteer as a rep and an admin would: by role
// and accessible name (`::-p-aria` pierces shadow roots), with real clicks and key presses. Each
// step waits for what the user would see, so a sink the policy refuses shows up as a failed step
// here and as a violation in the test.
/* global window, DataTransfer, ClipboardEvent, DragEvent, console, process, setTimeout */

const TIMEOUT = 15_000;

/** A `::-p-aria` selector for a role and an exact accessible name. */
export const byRole = (role, name) => `::-p-aria([name="${name}"][role="${role}"])`;

const click = (page, selector) => page.locator(selector).setTimeout(TIMEOUT).click();
const waitFor = (page, selector) => page.waitForSelector(selector, { timeout: TIMEOUT });

/**
 * Polls `predicate` in the page until it returns something truthy. Polled from Node with plain
 * evaluate calls: puppeteer's own waitForFunction compiles the predicate with `new Function` in
 * the page, which this very policy refuses. Predicates find elements through shadow roots with
 * `window.__deepAll(css)`, installed by the test before any script of the page runs.
 */
export async function waitInPage(page, predicate, ...args) {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    // Through a handle: an element found may not survive serialization (ProseMirror's DOM nodes do not).
    const result = await page.evaluateHandle(predicate, ...args);
    const found = await result.evaluate((value) => Boolean(value));
    await result.dispose();
    if (found) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(predicate).slice(0, 160)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs the steps in order; a failure names its step. `CSP_TEST_LOG=1` prints each step's time. */
async function run(steps) {
  for (const [name, action] of steps) {
    const started = Date.now();
    try {
      await action();
    } catch (error) {
      throw new Error(`step "${name}" failed: ${error.message}`, { cause: error });
    }
    if (process.env.CSP_TEST_LOG) console.log(`  ${name}: ${Date.now() - started} ms`);
  }
}

/** Clicks the conversation row whose text includes `text`, as a rep picks a conversation. */
export async function openConversation(page, text) {
  const find = (t) => window.__deepAll('[role="option"]').find((row) => row.textContent.includes(t)) ?? null;
  await waitInPage(page, find, text);
  await (await page.evaluateHandle(find, text)).click();
}

/**
 * Clicks the first button whose visible text is `text`. For the thread header's "Ticket owner": its
 * computed name keeps a trailing space (from the aria-hidden "▾"), and `::-p-aria` matches names exactly.
 */
async function clickButtonWithText(page, text) {
  const find = (t) =>
    window.__deepAll('button').find((b) => b.textContent.replace(/[\s▾]+/g, ' ').trim() === t) ?? null;
  await waitInPage(page, find, text);
  await (await page.evaluateHandle(find, text)).click();
}

/** The reply editor's ProseMirror surface, once the lazy engine has replaced the plain text area. */
async function richReply(page) {
  const find = () =>
    window
      .__deepAll('[role="textbox"][aria-label="Reply"]')
      .find((el) => el.getAttribute('contenteditable') === 'true') ?? null;
  await waitInPage(page, find);
  return page.evaluateHandle(find);
}

const editorHas = (page, css, text) =>
  waitInPage(
    page,
    (c, t) => window.__deepAll(`[contenteditable="true"] ${c}`).some((el) => el.textContent === t),
    css,
    text,
  );

/** Waits for the conversation list, the first thing the desk shows. */
export const waitForList = (page) => waitFor(page, byRole('listbox', 'Conversations'));

/**
 * The list, the probe conversation's thread (rich body, media), dialogs, and a rich reply with HTML
 * pasted and dropped in, kept as a draft across a switch of conversation, then sent.
 */
export function driveDesk(page) {
  let editor;
  return run([
    ['the list renders', () => waitForList(page)],
    ['open the probe conversation', () => openConversation(page, 'CSP probe')],
    ['the thread renders the sanitized rich body', () => waitFor(page, '::-p-text(Charger)')],
    [
      'images and audio load from data: URLs',
      () =>
        waitInPage(page, () => {
          const images = window.__deepAll('img[src^="data:"]').filter((img) => img.loading !== 'lazy');
          const audio = window.__deepAll('audio');
          return (
            images.length > 3 &&
            images.every((img) => img.complete && img.naturalWidth > 0) &&
            audio.length > 1 &&
            audio.every((a) => a.readyState >= 1)
          );
        }),
    ],
    ['open the image dialog', () => click(page, byRole('button', 'Open image damaged-box.svg'))],
    [
      'the full-size image shows',
      () =>
        waitInPage(page, () =>
          window.__deepAll('dialog[open] img').some((img) => img.complete && img.naturalWidth > 0),
        ),
    ],
    ['close the image dialog', () => click(page, byRole('button', 'Close'))],
    ['the dialog is closed', () => waitInPage(page, () => window.__deepAll('dialog[open]').length === 0)],
    ['open the Ticket owner menu', () => clickButtonWithText(page, 'Ticket owner')],
    ['the menu shows', () => waitFor(page, byRole('menu', 'Ticket owner'))],
    ['Escape closes it', () => page.keyboard.press('Escape')],
    ['focus the Reply box', () => click(page, byRole('textbox', 'Reply'))],
    ['the ProseMirror chunk loads', async () => (editor = await richReply(page))],
    [
      'type, Bold, type',
      async () => {
        await editor.focus();
        await page.keyboard.type('Hello ');
        await click(page, byRole('button', 'Bold'));
        await page.keyboard.type('world');
        await editorHas(page, 'strong', 'world');
      },
    ],
    [
      'paste HTML',
      async () => {
        await editor.evaluate((el) => {
          const data = new DataTransfer();
          data.setData('text/html', '<meta charset="utf-8"><p>Pasted <b>bold</b> and <i>italic</i></p>');
          data.setData('text/plain', 'Pasted bold and italic');
          el.dispatchEvent(
            new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
          );
        });
        await editorHas(page, 'em', 'italic');
      },
    ],
    [
      'drop HTML from another page',
      async () => {
        await editor.evaluate((el) => {
          const box = el.querySelector('p').getBoundingClientRect();
          const data = new DataTransfer();
          data.setData('text/html', '<p>Dropped <s>gone</s></p>');
          data.setData('text/plain', 'Dropped gone');
          const at = { clientX: box.right - 2, clientY: box.top + box.height / 2 };
          el.dispatchEvent(
            new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, ...at }),
          );
        });
        await editorHas(page, 's', 'gone');
      },
    ],
    // Another conversation on a channel with rich text, so the draft comes back through its HTML.
    ['open another conversation', () => openConversation(page, 'Mia Reyes')],
    ['come back to the probe', () => openConversation(page, 'CSP probe')],
    ['the rich draft is restored from its HTML', () => editorHas(page, 'strong', 'world')],
    ['send', () => click(page, byRole('button', 'Send'))],
    [
      'the reply shows in the thread',
      () =>
        waitInPage(page, () =>
          window.__deepAll('[role="log"] article').some((m) => m.textContent.includes('Pasted bold')),
        ),
    ],
  ]);
}

/** The connect wizard: choose Lumen Chat, fill its credentials, route, connect. */
export function driveWizard(page) {
  // Chrome's computed names: the "(required)" hint is a span right after the label text.
  const fields = [
    ['Account name', 'Lumen: support site'],
    ['Workspace name(required)', 'acme'],
    ['Bot token(required)', 'lc_abcdefghijklmnop'],
    ['API key(required)', 'key-123'],
    ['Webhook URL(required)', 'https://acme.example/hook'],
  ];
  return run([
    ['choose Lumen Chat', () => click(page, byRole('radio', 'Lumen Chat'))],
    ['continue', () => click(page, byRole('button', 'Continue with Lumen Chat'))],
    ['the credentials step shows', () => waitFor(page, byRole('heading', 'Connect Lumen Chat'))],
    [
      'fill the credentials',
      async () => {
        for (const [name, value] of fields) {
          await click(page, byRole('textbox', name));
          await page.keyboard.type(value);
        }
        await (await waitFor(page, byRole('combobox', 'Data region(required)'))).select('eu');
      },
    ],
    ['next', () => click(page, byRole('button', 'Next'))],
    ['the routing step shows', () => waitFor(page, byRole('heading', 'Route tickets from this channel'))],
    ['turn on assignment', () => click(page, byRole('switch', 'Automatically assign tickets'))],
    ['route to the contact owner', () => click(page, byRole('radio', 'Contact owner'))],
    ['connect', () => click(page, byRole('button', 'Next'))],
    ['the done step shows', () => waitFor(page, byRole('heading', 'Lumen: support site is connected'))],
  ]);
}

/** The page's language menu: every element re-renders in Brazilian Portuguese (a lazy chunk). */
export function switchToPortuguese(page) {
  return run([
    ['choose Português', () => page.select('#locale', 'pt-BR')],
    ['the desk speaks pt-BR', () => waitFor(page, byRole('listbox', 'Conversas'))],
  ]);
}
