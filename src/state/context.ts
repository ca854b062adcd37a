import { createContext } from '@lit/context';

import type { HelpDeskStore } from './store.js';

/**
 * The context key through which `<help-desk-provider>` gives its store to the elements below it.
 * A symbol of this module, so that two copies of the kit on one page never hand each other a store.
 */
export const storeContext = createContext<HelpDeskStore | undefined>(Symbol('helpdesk-elements.store'));
