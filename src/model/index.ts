export type * from './channel.js';
export type * from './conversation.js';
export type * from './insertable.js';
export type * from './message.js';
export type * from './people.js';
export type * from './ticket.js';
