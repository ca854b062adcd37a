// The adapter contract suite against both adapters, in Node: the MemoryAdapter, and the
// HttpAdapter on the reference server (started per test on an ephemeral port, SQLite in memory).
import { after, describe, it } from 'node:test';

import { tsImport } from 'tsx/esm/api';

const harness = await tsImport('../adapters/http-adapter.node-harness.ts', import.meta.url);
const api = { describe, it };

harness.describeAdapterContract('MemoryAdapter', () => harness.memoryTarget(harness.FIXTURE), api);
harness.describeAdapterContract('HttpAdapter on the reference server', harness.httpTarget, api);
after(() => harness.closeShared());
