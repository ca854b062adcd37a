import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

// The demo page, served from demo/ by the Vite dev server (`npm start`, which takes Vite's
// --port, --strictPort and --host options). It imports the kit from src/, so edits show at once.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../dist-demo', import.meta.url)),
    emptyOutDir: true,
    // Two pages: the desk and the channel settings.
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        channels: fileURLToPath(new URL('channels.html', import.meta.url)),
      },
    },
  },
});
