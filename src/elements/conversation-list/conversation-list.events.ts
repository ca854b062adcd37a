export { type ConversationSelectDetail, ConversationSelectEvent } from '../events.js';
