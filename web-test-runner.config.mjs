import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

import { chromiumFlags, chromiumPath } from './scripts/chromium-path.mjs';
import { frameworkModules } from './test/frameworks/framework-modules.mjs';
import { plainPage } from './test/frameworks/plain-page.mjs';
import { storyScreenshotsPlugin } from './test/visual/visual-regression.config.mjs';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  // The plain-HTML framework example, served raw with its import map (no bare-import rewriting).
  middleware: [plainPage()],
  testsFinishTimeout: 240_000,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    storyScreenshotsPlugin(),
    // React 19, React 18 and Vue 3 as ES modules for the framework examples' tests.
    frameworkModules(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumFlags },
      // Pages that run side by side as tabs of one window are background tabs that never render, so a
      // virtualized list never lays out; a browser context per page keeps each one in front.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
  testFramework: { config: { timeout: 10_000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en">
      <body>
        <script type="module" src="/test/helpers/setup.ts"></script>
        <script type="module" src="${testFramework}"></script>
      </body>
    </html>`,
};
