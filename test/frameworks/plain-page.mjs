// Serves the plain-HTML example as a static file server would, with none of the dev server's rewriting
// (no bare-import resolution, no TypeScript), so its test proves the page runs on its import map alone.
// Under /__plain__/ the files are laid out as in a user's project that ran `npm install helpdesk-elements`:
//   /__plain__/<file>                                        demo/frameworks/html/<file>
//   /__plain__/node_modules/helpdesk-elements/dist/browser/  the package's browser build, made in memory
//                                                            from the config `npm run build` uses
// It is a Koa middleware rather than a plugin because plugins' responses pass through the transforms.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, URL } from 'node:url';

import { build } from 'vite';

const PREFIX = '/__plain__/';
const PACKAGE_DIR = 'node_modules/helpdesk-elements/dist/browser/';
const pageDir = fileURLToPath(new URL('../../demo/frameworks/html/', import.meta.url));
const configFile = join(pageDir, 'vite.browser.config.mjs');
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.map': 'application/json',
  '.css': 'text/css',
};

async function buildBrowserFiles() {
  const result = await build({ configFile, logLevel: 'warn', build: { write: false, sourcemap: false } });
  const output = (Array.isArray(result) ? result[0] : result).output;
  return new Map(output.map((item) => [item.fileName, item.type === 'chunk' ? item.code : item.source]));
}

export function plainPage() {
  let files;
  return async (ctx, next) => {
    if (!ctx.path.startsWith(PREFIX)) return next();
    const path = normalize(ctx.path.slice(PREFIX.length));
    let body;
    if (path.startsWith(PACKAGE_DIR)) {
      files ??= buildBrowserFiles();
      body = (await files).get(path.slice(PACKAGE_DIR.length));
    } else if (!path.startsWith('..') && !path.includes('/')) {
      body = await readFile(join(pageDir, path || 'index.html')).catch(() => undefined);
    }
    if (body === undefined) {
      ctx.status = 404;
      return undefined;
    }
    ctx.type = types[extname(path) || '.html'] ?? 'application/octet-stream';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = body;
    return undefined;
  };
}
