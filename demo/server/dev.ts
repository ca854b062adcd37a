// `npm run demo:server`: the reference server and the demo page on it. Vite's --port,
// --strictPort and --host go to the page (as with `npm start`); the page reads the server's URL
// and an agent token from VITE_HELPDESK_API_URL and VITE_HELPDESK_TOKEN. Once Vite has its
// address, that origin is allowed by the server's CORS.
import { fileURLToPath } from 'node:url';

import { createServer as createVite } from 'vite';

import { startFromEnv } from './main.js';

interface ViteArgs {
  port?: number;
  strictPort?: boolean;
  host?: string | boolean;
}

/** Vite's own spelling of the options: `--port 5174`, `--port=5174`, `--strictPort`, `--host [addr]`. */
export function parseViteArgs(argv: string[]): ViteArgs {
  const args: ViteArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const next = () => inline ?? (argv[i + 1] && !argv[i + 1]!.startsWith('-') ? argv[++i] : undefined);
    if (flag === '--port') {
      const value = Number(next());
      if (!Number.isInteger(value) || value < 0 || value > 65535)
        throw new Error(`--port needs a port number.`);
      args.port = value;
    } else if (flag === '--strictPort' || flag === '--strict-port') {
      args.strictPort = inline === undefined ? true : inline !== 'false';
    } else if (flag === '--host') {
      args.host = next() ?? true;
    }
  }
  return args;
}

async function main(): Promise<void> {
  const vite = parseViteArgs(process.argv.slice(2));
  const { server, baseUrl, agentToken } = await startFromEnv(false);
  // Vite gives VITE_* variables of the environment to the page as import.meta.env.
  process.env['VITE_HELPDESK_API_URL'] = baseUrl;
  process.env['VITE_HELPDESK_TOKEN'] = agentToken;
  const page = await createVite({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    server: { port: vite.port, strictPort: vite.strictPort, host: vite.host },
  });
  await page.listen();
  const urls = [...(page.resolvedUrls?.local ?? []), ...(page.resolvedUrls?.network ?? [])];
  for (const url of urls) {
    const origin = new URL(url);
    server.allowOrigin(origin.origin);
    // localhost and 127.0.0.1 are the same page to a person, not to CORS.
    if (origin.hostname === 'localhost') server.allowOrigin(`${origin.protocol}//127.0.0.1:${origin.port}`);
  }
  console.log(`\n  Help desk API: ${baseUrl} (agent token ${agentToken})`);
  page.printUrls();
  const stop = () => void page.close().finally(() => server.close().finally(() => process.exit(0)));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
