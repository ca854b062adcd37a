/* global document -- page.evaluate callbacks run in the page */
// Story screenshots compared against committed baselines (see test/visual/README.md).
// One web-test-runner plugin: @web/test-runner-visual-regression's `visual-diff` command, plus a
// `visual-environment` command that pins what a screenshot may depend on beyond the page itself
// (time zone and browser locale), so a laptop in São Paulo renders what CI renders.
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';

import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';

// The plugin's own pixelmatch comparison (not among the package's exports; loaded beside its entry).
const pluginEntry = createRequire(import.meta.url).resolve('@web/test-runner-visual-regression/plugin');
const { pixelMatchDiff } = createRequire(pluginEntry)('./pixelMatchDiff.js');

/** `VISUAL_UPDATE=1` writes baselines (test/visual/README.md); nothing else ever does, and never with CI set. */
const update = process.env.VISUAL_UPDATE === '1';
const ci = Boolean(process.env.CI) && process.env.CI !== 'false';
if (update && ci) {
  throw new Error('VISUAL_UPDATE=1 with CI set: baselines are written on a developer machine, never in CI.');
}

/**
 * Up to 0.05% of a screenshot's pixels may differ (about 370 of a 1024×720 image), each compared with
 * pixelmatch's colour threshold 0.1: enough for anti-aliasing noise, not for a changed word or colour.
 */
export const visualDiffOptions = {
  update,
  baseDir: 'test/visual',
  failureThreshold: 0.05,
  failureThresholdType: 'percent',
  diffOptions: { threshold: 0.1 },
  // test/visual/baseline/<element>/<story>.<theme>.<locale>.png; failures and diffs to test/visual/failed/.
  getBaselineName: ({ name }) => path.join('baseline', `${name}.png`),
  getFailedName: ({ name }) => path.join('failed', `${name}.png`),
  getDiffName: ({ name }) => path.join('failed', `${name}.diff.png`),
  // Chromium encodes the same pixels to the same bytes: an unchanged screenshot passes without
  // decoding both PNGs, running pixelmatch and encoding a diff image (most of a test's time).
  getImageDiff: (args) =>
    args.baselineImage.equals(args.image)
      ? { error: '', diffPercentage: 0, diffPixels: 0, diffImage: undefined }
      : pixelMatchDiff(args),
};

/** The font the baselines were drawn with, for the kit's font stack (system-ui first). */
export const BASELINE_FONT = 'DejaVu Sans';

/** The font family Chromium really draws `fontFamily` with on this machine (CSS.getPlatformFontsForNode). */
async function platformFont(page, fontFamily) {
  await page.evaluate((family) => {
    const probe = document.createElement('span');
    probe.id = 'visual-font-probe';
    probe.style.fontFamily = family;
    probe.textContent = 'Conversa aberta há 3 dias';
    document.body.append(probe);
    probe.getBoundingClientRect(); // Laid out before Chromium is asked how it draws it.
  }, fontFamily);
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: '#visual-font-probe',
    });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((font) => font.familyName);
  } finally {
    await cdp.detach();
    await page.evaluate(() => document.getElementById('visual-font-probe')?.remove());
  }
}

export function storyScreenshotsPlugin() {
  const pinned = new WeakSet();
  const visual = visualRegressionPlugin(visualDiffOptions);
  return {
    name: 'story-screenshots',
    async executeCommand(args) {
      if (args.command !== 'visual-environment') return visual.executeCommand(args);
      const page = args.session.browser.getPage(args.session.id);
      // The runner may reuse a page for the next test file; the overrides then are still in effect.
      if (!pinned.has(page)) {
        pinned.add(page);
        await page.emulateTimezone('UTC');
        const cdp = await page.createCDPSession();
        await cdp.send('Emulation.setLocaleOverride', { locale: 'en-US' });
      }
      // Asked again when Chromium answers with no font at all (once seen under heavy load).
      let fonts = [];
      for (let attempt = 0; attempt < 3 && fonts.length === 0; attempt += 1) {
        fonts = await platformFont(page, args.payload?.fontFamily ?? 'system-ui');
      }
      return { update, fonts, expectedFont: BASELINE_FONT };
    },
  };
}
