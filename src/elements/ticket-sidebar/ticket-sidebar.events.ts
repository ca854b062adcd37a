export {
  type ConversationSelectDetail,
  ConversationSelectEvent,
  type TicketOpenDetail,
  TicketOpenEvent,
} from '../events.js';
