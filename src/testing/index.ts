/**
 * `helpdesk-elements/testing`: tools for proving that a desk loses nothing under bad conditions.
 * No side effects on import.
 */
export { type FaultOptions, type FaultyAdapter, withFaults } from './with-faults.js';
