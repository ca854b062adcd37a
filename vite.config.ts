import { defineConfig } from 'vite';

import pkg from './package.json' with { type: 'json' };
import { minifyTemplateLiterals } from './scripts/minify-template-literals.mjs';

// Runtime and peer dependencies stay external: the host's bundler dedupes them (one Lit, one React on the page).
const runtimeDeps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
const isExternal = (id: string) => runtimeDeps.some((dep) => id === dep || id.startsWith(`${dep}/`));

export default defineConfig({
  plugins: [minifyTemplateLiterals()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: true,
    lib: {
      entry: {
        index: 'src/index.ts',
        define: 'src/define.ts',
        fixtures: 'src/fixtures/index.ts',
        testing: 'src/testing/index.ts',
        react: 'src/react/index.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: isExternal,
      // The template minifier takes most of the build's few seconds, by design: no warning about it.
      checks: { bundlerTimings: false },
      // Vite leaves whitespace in a library's ES output (for pure annotations a consumer's minifier can
      // use); the kit has no such annotations to keep, and every portal pays for the whitespace.
      output: { chunkFileNames: 'chunks/[name]-[hash].js', minify: true },
    },
  },
});
