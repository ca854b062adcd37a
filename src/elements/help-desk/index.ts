export { HelpDesk, type HelpDeskPane } from './help-desk.js';
