// The adapter contract suite on the MemoryAdapter, in the browser. The same suite runs on the
// HttpAdapter against the reference server in Node (test/node/server-contract.test.mjs).
import { describeAdapterContract, memoryTarget } from '../../src/testing/adapter-contract.js';

describeAdapterContract('MemoryAdapter (browser)', () => memoryTarget());
