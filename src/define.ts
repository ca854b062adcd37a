/**
 * Registers every element of the kit under its default tag. Import it once, anywhere; importing it
 * again, or next to another copy of this module, does nothing more.
 *
 * @example import 'helpdesk-elements/define';
 */
import { defineElements } from './elements/registry.js';

defineElements();
