export { TicketSidebar } from './ticket-sidebar.js';
