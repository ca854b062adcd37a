// What the settings need only once they are on a page: the account rows' template and the styles.
// A chunk of its own (see internal/lazy-view.ts), so a desk page without them does not load it.
export { renderAccountRow } from './account-row.js';
export { styles } from './channel-settings.styles.js';
