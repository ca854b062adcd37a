// `node scripts/screenshot.mjs`: builds the demo, serves it with `vite preview`, and saves the README's
// screenshot (docs/demo.png) from headless Chromium, with a conversation open.
import { fileURLToPath } from 'node:url';

import puppeteer from 'puppeteer-core';
import { build, preview } from 'vite';

import { chromiumFlags, chromiumPath } from './chromium-path.mjs';

const configFile = fileURLToPath(new URL('../demo/vite.config.ts', import.meta.url));
const output = fileURLToPath(new URL('../docs/demo.png', import.meta.url));

await build({ configFile, logLevel: 'warn' });
const server = await preview({ configFile, preview: { port: 4173, strictPort: false } });
const url = server.resolvedUrls.local[0];
const browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumFlags });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1360, height: 820 });
  await page.goto(url, { waitUntil: 'networkidle0' });
  // Open the first conversation, as a rep would, once the list has rows.
  await page.waitForSelector('help-desk >>> conversation-list >>> [role="option"]');
  await page.click('help-desk >>> conversation-list >>> [role="option"]');
  await page.waitForSelector('help-desk >>> thread-view >>> article');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await page.screenshot({ path: output });
  console.log(`screenshot: ${output}`);
} finally {
  await browser.close();
  server.httpServer.close();
}
