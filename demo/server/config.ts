// The server's settings from environment variables, with defaults that work on a laptop.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { ServerConfig } from './app.js';

/** The agent token of a fresh checkout; set HELPDESK_AGENT_TOKEN to anything else outside a laptop. */
export const DEV_AGENT_TOKEN = 'dev-agent-token';

export interface Settings {
  port: number;
  host: string;
  config: ServerConfig;
  agentToken: string;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Settings {
  const database = env['HELPDESK_DB'] ?? fileURLToPath(new URL('./data/helpdesk.sqlite', import.meta.url));
  if (database !== ':memory:') mkdirSync(dirname(resolve(database)), { recursive: true });
  const agentToken = env['HELPDESK_AGENT_TOKEN'] || DEV_AGENT_TOKEN;
  const origins = (env['HELPDESK_CORS_ORIGINS'] ?? 'http://localhost:5173,http://127.0.0.1:5173')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  return {
    port: Number(env['HELPDESK_PORT'] ?? 8787),
    host: env['HELPDESK_HOST'] ?? '127.0.0.1',
    agentToken,
    config: {
      database,
      corsOrigins: origins,
      agentTokens: { [agentToken]: env['HELPDESK_AGENT_ID'] ?? 'agent-1' },
      fixture: {
        seed: Number(env['HELPDESK_SEED'] ?? 1),
        conversations: Number(env['HELPDESK_CONVERSATIONS'] ?? 200),
      },
      maxUploadBytes: Number(env['HELPDESK_MAX_UPLOAD_BYTES'] ?? 25 * 1024 * 1024),
      validateResponses: env['HELPDESK_VALIDATE_RESPONSES'] === '1',
      logger: env['HELPDESK_LOG'] === '1',
    },
  };
}
