import { defineConfig } from 'vite';

import pkg from './package.json' with { type: 'json' };

// Runtime and peer dependencies stay external: the host's bundler dedupes them (one Lit, one React on the page).
const runtimeDeps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
const isExternal = (id: string) => runtimeDeps.some((dep) => id === dep || id.startsWith(`${dep}/`));

export default defineConfig({
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
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
