export { HelpDeskProvider, type Theme } from './help-desk-provider.js';
