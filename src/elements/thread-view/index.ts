export { ReplyToEvent } from './thread-view.events.js';
export { ThreadView } from './thread-view.js';
