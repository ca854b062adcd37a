// The package's no-build browser files, `dist/browser/`: the entries of `helpdesk-elements` with every
// dependency (Lit, RxJS, DOMPurify, ProseMirror) bundled in, as ES modules that share their chunks. A page
// with no bundler maps `helpdesk-elements/` to this folder in an import map (see ./index.html). The npm
// files (`dist/*.js`) keep the dependencies external for the host's bundler; these do not, because several
// dependencies (RxJS among them) publish ES modules a browser cannot load as they are.
// Built by `npm run build`; the framework tests build it in memory (test/frameworks/framework-modules.mjs).
import { fileURLToPath, URL } from 'node:url';

import { defineConfig } from 'vite';

import { minifyTemplateLiterals } from '../../../scripts/minify-template-literals.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export default defineConfig({
  root,
  publicDir: false,
  plugins: [minifyTemplateLiterals()],
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    target: 'es2022',
    outDir: 'dist/browser',
    emptyOutDir: true,
    sourcemap: true,
    minify: true,
    lib: {
      entry: {
        index: 'src/index.ts',
        define: 'src/define.ts',
        fixtures: 'src/fixtures/index.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      // The template minifier takes most of the build's few seconds, by design: no warning about it.
      checks: { bundlerTimings: false },
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
