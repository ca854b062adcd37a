export {
  CallRequestEvent,
  ChannelChangeEvent,
  MessageSendEvent,
  type ReplyDraftDetail,
} from './reply-editor.events.js';
export { ReplyEditor } from './reply-editor.js';
