/// <reference types="vite/client" />
// The demo desk. By default a <help-desk> on the in-memory backend with simulated traffic (`npm start`);
// with VITE_HELPDESK_API_URL set (`npm run demo:server`), the same desk on the reference server through
// the HttpAdapter.
import '../src/define.js';

import type { HelpDeskAdapter } from '../src/adapters/adapter.js';
import type { HelpDeskProvider } from '../src/elements/help-desk-provider/help-desk-provider.js';

const apiUrl = import.meta.env.VITE_HELPDESK_API_URL as string | undefined;
const token = import.meta.env.VITE_HELPDESK_TOKEN as string | undefined;

async function makeAdapter(): Promise<HelpDeskAdapter> {
  if (apiUrl) {
    const { HttpAdapter } = await import('../src/adapters/http/index.js');
    return new HttpAdapter({ baseUrl: apiUrl, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  }
  const [{ MemoryAdapter }, { createFixture }] = await Promise.all([
    import('../src/adapters/memory/index.js'),
    import('../src/fixtures/index.js'),
  ]);
  return new MemoryAdapter({
    fixture: createFixture({ seed: 1, conversations: 2000 }),
    simulateTraffic: true,
  });
}

const provider = document.querySelector<HelpDeskProvider>('#desk')!;
document.querySelector('#backend')!.textContent = apiUrl
  ? `Reference server at ${apiUrl}`
  : 'In-memory backend, simulated traffic';
provider.adapter = await makeAdapter();

for (const id of ['theme', 'locale'] as const) {
  document.querySelector<HTMLSelectElement>(`#${id}`)!.addEventListener('change', (event) => {
    provider.setAttribute(id, (event.target as HTMLSelectElement).value);
  });
}
