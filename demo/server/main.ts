// `npm run server`: the reference server on its own. Settings: see config.ts (HELPDESK_* variables).
import { createServer, type HelpDeskServer } from './app.js';
import { settingsFromEnv } from './config.js';

/** Starts the server and stops it cleanly on Ctrl+C, so no delivery or write is cut mid-way. */
export async function startFromEnv(
  handleSignals = true,
): Promise<{ server: HelpDeskServer; baseUrl: string; agentToken: string }> {
  const settings = settingsFromEnv();
  const server = await createServer(settings.config);
  const baseUrl = await server.listen(settings.port, settings.host);
  if (!handleSignals) return { server, baseUrl, agentToken: settings.agentToken };
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    void server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { server, baseUrl, agentToken: settings.agentToken };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { baseUrl, agentToken } = await startFromEnv();
  const { config } = settingsFromEnv();
  console.log(`Helpdesk reference server at ${baseUrl}`);
  console.log(`  database:     ${config.database}`);
  console.log(`  agent token:  ${agentToken}  (Authorization: Bearer ${agentToken})`);
  console.log(`  CORS origins: ${config.corsOrigins.join(', ') || '(none)'}`);
  console.log(`  protocol:     docs/protocol/openapi.json`);
}
