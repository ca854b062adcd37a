export { ConversationList, type ConversationListDensity } from './conversation-list.js';
