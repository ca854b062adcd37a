/**
 * `helpdesk-elements/testing`: tools for proving that a desk loses nothing under bad conditions.
 * No side effects on import.
 */
export {
  type ContractOptions,
  type ContractTarget,
  describeAdapterContract,
  memoryTarget,
  type TestApi,
  waitFor,
} from './adapter-contract.js';
export { type FaultCounts, type FaultOptions, type FaultyAdapter, withFaults } from './with-faults.js';
