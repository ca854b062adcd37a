// The operations of the protocol. Each has an operationId the server routes by, so the document
// and the server cannot drift apart: a route exists only if it is written down here.
import { LIMITS, ref } from './schemas.js';

type Schema = Record<string, unknown>;

interface Operation {
  summary: string;
  /** Path parameters are taken from `{name}` in the path. */
  query?: Record<string, Schema & { required?: boolean; description?: string }>;
  body?: string | { content: Record<string, { schema: Schema }>; description?: string };
  /** Status code to the name of a schema, or null for no body. */
  responses: Record<
    number,
    string | null | { description: string; content: Record<string, { schema: Schema }> }
  >;
  /** `agent` (default), `channel` (the account's publish token) or `none`. */
  auth?: 'agent' | 'channel' | 'none';
  retryable?: boolean;
  description?: string;
}

const errors = { 400: 'Error', 401: 'Error', 404: 'Error' };
const limit = { type: 'integer', minimum: 1, maximum: 200, required: true };

export const operations: Record<string, [method: string, path: string, operation: Operation]> = {
  listChannels: [
    'get',
    '/channels',
    { summary: 'The custom channels.', responses: { 200: 'ChannelDefinition[]', 401: 'Error' } },
  ],
  listAccounts: [
    'get',
    '/accounts',
    { summary: 'The connected channel accounts.', responses: { 200: 'ChannelAccount[]', 401: 'Error' } },
  ],
  connectAccount: [
    'post',
    '/accounts',
    {
      summary: 'Connects a channel account; field errors for bad credentials.',
      body: 'ConnectAccountInput',
      responses: { 201: 'ChannelAccount', ...errors, 409: 'Error' },
    },
  ],
  updateAccount: [
    'patch',
    '/accounts/{accountId}',
    {
      summary: 'Changes name, status, routing or credentials.',
      body: 'AccountPatch',
      responses: { 200: 'ChannelAccount', ...errors },
    },
  ],
  deleteAccount: [
    'delete',
    '/accounts/{accountId}',
    { summary: 'Disconnects an account.', responses: { 204: null, ...errors } },
  ],
  getIntegration: [
    'get',
    '/accounts/{accountId}/integration',
    {
      summary: "The account's channel side: webhook URL, publish token and signing secret.",
      responses: { 200: 'Integration', ...errors },
    },
  ],
  updateIntegration: [
    'put',
    '/accounts/{accountId}/integration',
    {
      summary: 'Sets the webhook URL outgoing replies are delivered to.',
      body: 'IntegrationPatch',
      responses: { 200: 'Integration', ...errors },
    },
  ],
  listConversations: [
    'get',
    '/conversations',
    {
      summary: 'Conversations, newest activity first, cursor-paged.',
      query: {
        limit,
        cursor: { type: 'string', maxLength: 500 },
        text: { type: 'string', maxLength: 500 },
        viewId: { type: 'string', maxLength: 200 },
        channelAccountId: { type: 'string', maxLength: 200 },
        status: { type: 'string', enum: ['open', 'closed', 'all'] },
        assignee: {
          type: 'string',
          maxLength: 200,
          description: '`me`, `unassigned`, or an agent or team id.',
        },
        unreadOnly: { type: 'boolean' },
      },
      responses: { 200: 'ConversationPage', ...errors },
    },
  ],
  listMessages: [
    'get',
    '/conversations/{conversationId}/messages',
    {
      summary: 'A page of messages, oldest first within the page; `nextCursor` leads to older ones.',
      query: { limit, before: { type: 'string', maxLength: 200 } },
      responses: { 200: 'MessagePage', ...errors },
    },
  ],
  sendMessage: [
    'post',
    '/conversations/{conversationId}/messages',
    {
      summary:
        'Sends a reply. Idempotent by `clientId`: sending the same clientId again returns the first message (200) instead of a new one (201).',
      body: 'OutgoingDraft',
      responses: { 200: 'Message', 201: 'Message', ...errors, 409: 'Error' },
      retryable: true,
    },
  ],
  markRead: [
    'post',
    '/conversations/{conversationId}/read',
    { summary: 'Marks a conversation read.', responses: { 204: null, ...errors } },
  ],
  uploadAttachment: [
    'post',
    '/uploads',
    {
      summary: 'Uploads one file (the raw bytes as the body); the result goes into a draft’s attachments.',
      query: {
        name: { type: 'string', minLength: 1, maxLength: 255, required: true, description: 'The file name.' },
      },
      body: {
        description: 'The file; Content-Type is its MIME type.',
        content: {
          'application/octet-stream': {
            schema: { type: 'string', contentMediaType: 'application/octet-stream' },
          },
        },
      },
      responses: { 201: 'Attachment', ...errors, 413: 'Error' },
    },
  ],
  getUpload: [
    'get',
    '/uploads/{uploadId}',
    {
      summary: 'The bytes of an uploaded file (unguessable id; no token, so `<img src>` works).',
      auth: 'none',
      responses: {
        200: {
          description: 'The file.',
          content: { 'application/octet-stream': { schema: { type: 'string' } } },
        },
        404: 'Error',
      },
    },
  ],
  getTicket: [
    'get',
    '/tickets/{ticketId}',
    { summary: 'One ticket.', responses: { 200: 'Ticket', ...errors } },
  ],
  updateTicket: [
    'patch',
    '/tickets/{ticketId}',
    {
      summary: 'Changes a ticket; `invalid` with field errors naming the properties a stage requires.',
      body: 'TicketPatch',
      responses: { 200: 'Ticket', ...errors },
    },
  ],
  getContact: [
    'get',
    '/contacts/{contactId}',
    { summary: 'One contact.', responses: { 200: 'Contact', ...errors } },
  ],
  listPastConversations: [
    'get',
    '/contacts/{contactId}/conversations',
    {
      summary: "The contact's conversations, newest first.",
      responses: { 200: 'Conversation[]', ...errors },
    },
  ],
  listAgents: ['get', '/agents', { summary: 'The agents.', responses: { 200: 'Agent[]', 401: 'Error' } }],
  getCurrentAgent: [
    'get',
    '/agents/me',
    { summary: 'The agent the token belongs to.', responses: { 200: 'Agent', 401: 'Error' } },
  ],
  listTeams: ['get', '/teams', { summary: 'The teams.', responses: { 200: 'Team[]', 401: 'Error' } }],
  listPipelines: [
    'get',
    '/pipelines',
    { summary: 'The ticket pipelines.', responses: { 200: 'Pipeline[]', 401: 'Error' } },
  ],
  listViews: ['get', '/views', { summary: 'The saved views.', responses: { 200: 'View[]', 401: 'Error' } }],
  saveView: [
    'post',
    '/views',
    { summary: 'Saves a view.', body: 'ViewInput', responses: { 201: 'View', ...errors } },
  ],
  deleteView: [
    'delete',
    '/views/{viewId}',
    { summary: 'Deletes a view.', responses: { 204: null, ...errors } },
  ],
  searchInsertables: [
    'get',
    '/insertables',
    {
      summary: 'Snippets, articles, meeting links, quotes and documents for the editor.',
      query: {
        kind: {
          type: 'string',
          enum: ['snippet', 'knowledge-article', 'meeting-link', 'quote', 'document'],
          required: true,
        },
        text: { type: 'string', maxLength: 500 },
      },
      responses: { 200: 'Insertable[]', ...errors },
    },
  ],
  streamEvents: [
    'get',
    '/events',
    {
      summary: 'Server-sent events: every change, in order, each with an `id` to resume from.',
      description:
        'A `text/event-stream`. Each event has `id` (a growing integer), `event` (the type) and `data` (a HelpDeskEvent as JSON). ' +
        'The first event is `ready`, whose id is the resume point when none was given. Reconnect with the `Last-Event-ID` header ' +
        '(or the `lastEventId` query parameter) to receive every event after it: none is lost across a dropped connection. ' +
        'A comment line is sent every 15 s to keep proxies from closing the stream.',
      query: { lastEventId: { type: 'string', pattern: '^[0-9]+$' } },
      responses: {
        200: {
          description: 'The event stream.',
          content: { 'text/event-stream': { schema: ref('HelpDeskEvent') } },
        },
        401: 'Error',
      },
    },
  ],
  publishMessage: [
    'post',
    '/channel/accounts/{accountId}/messages',
    {
      summary: 'The channel publishes an incoming message (bearer: the account’s publish token).',
      description:
        'Idempotent by `externalId`: a second publish returns the first message with `duplicate: true`. The message joins a ' +
        'conversation by the channel’s threading model: `threadId` on integration-thread channels, `from.address` on ' +
        'delivery-identifier channels (an open conversation with that sender), or an explicit `conversationId`.',
      auth: 'channel',
      body: 'IncomingMessage',
      responses: { 200: 'PublishResult', 201: 'PublishResult', ...errors, 409: 'Error' },
    },
  ],
  reportDelivery: [
    'post',
    '/channel/accounts/{accountId}/messages/{messageId}/status',
    {
      summary: 'The channel reports the delivery of an outgoing message: sent, delivered, read or failed.',
      auth: 'channel',
      body: 'DeliveryReport',
      responses: { 200: 'Message', ...errors },
    },
  ],
};

export { LIMITS };
