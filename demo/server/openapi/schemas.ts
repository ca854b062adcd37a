// The model types of src/model as JSON Schema (2020-12, the dialect of OpenAPI 3.1). Response
// schemas name the required fields and leave room for new ones; request schemas refuse unknown
// fields so a malformed body is rejected before anything is written.
type Schema = Record<string, unknown>;

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str = (extra: Schema = {}): Schema => ({ type: 'string', ...extra });
const int = (extra: Schema = {}): Schema => ({ type: 'integer', ...extra });
const bool: Schema = { type: 'boolean' };
const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });
const arr = (items: Schema, extra: Schema = {}): Schema => ({ type: 'array', items, ...extra });
const obj = (properties: Record<string, Schema>, required: string[] = [], extra: Schema = {}): Schema => ({
  type: 'object',
  properties,
  required,
  ...extra,
});
const closed = (properties: Record<string, Schema>, required: string[] = []): Schema =>
  obj(properties, required, { additionalProperties: false });
const enumOf = (...values: string[]): Schema => ({ type: 'string', enum: values });
const iso = str({ format: 'date-time' });
const id = str({ minLength: 1, maxLength: 200 });

/** Limits the server enforces on every input (a channel may allow less). */
export const LIMITS = {
  maxTextLength: 20_000,
  maxRichTextLength: 100_000,
  maxNameLength: 200,
  maxAttachments: 20,
};

const attachmentKind = enumOf('image', 'audio', 'voice-note', 'sticker', 'video', 'file');
const filters = closed({
  channelAccountId: id,
  status: enumOf('open', 'closed', 'all'),
  assignee: id,
  unreadOnly: bool,
});
const routing = closed(
  {
    ticketProperties: { type: 'object', additionalProperties: str({ maxLength: 1000 }) },
    assignment: {
      oneOf: [
        closed({ mode: { const: 'none' } }, ['mode']),
        closed({ mode: { const: 'users-teams' }, userIds: arr(id), teamIds: arr(id) }, [
          'mode',
          'userIds',
          'teamIds',
        ]),
        closed({ mode: { const: 'contact-owner' } }, ['mode']),
      ],
    },
  },
  ['ticketProperties', 'assignment'],
);
const credentials: Schema = {
  type: 'object',
  additionalProperties: { type: ['string', 'boolean'], maxLength: 2000 },
};
const propertyValue: Schema = { type: ['string', 'number', 'boolean', 'null'] };
const attachment = obj(
  {
    id,
    kind: attachmentKind,
    url: str({ maxLength: 4000 }),
    name: str({ maxLength: 500 }),
    mimeType: str({ maxLength: 200 }),
    sizeBytes: int({ minimum: 0 }),
    durationMs: { type: 'number', minimum: 0 },
    width: int({ minimum: 0 }),
    height: int({ minimum: 0 }),
    thumbnailUrl: str({ maxLength: 4000 }),
  },
  ['id', 'kind', 'name', 'mimeType', 'sizeBytes'],
  { additionalProperties: false },
);
/** What a response carries: the same fields, no input limits (fixtures hold long data: URLs). */
const attachmentOut = obj(
  Object.fromEntries(
    Object.entries(attachment['properties'] as Record<string, Schema>).map(([k, v]) => [
      k,
      { type: v['type'], ...(v['enum'] ? { enum: v['enum'] } : {}) },
    ]),
  ),
  attachment['required'] as string[],
);

export const schemas: Record<string, Schema> = {
  Error: obj(
    {
      error: obj(
        {
          code: enumOf('unauthorized', 'invalid', 'not-found', 'conflict', 'unavailable'),
          message: str(),
          fieldErrors: { type: 'object', additionalProperties: str() },
        },
        ['code', 'message'],
      ),
    },
    ['error'],
  ),
  ChannelCapabilities: obj(
    {
      threadingModel: enumOf('integration-thread', 'delivery-identifier'),
      richText: arr(str()),
      attachmentKinds: arr(attachmentKind),
      maxAttachmentCount: int(),
      maxAttachmentBytes: int(),
      maxTotalAttachmentBytes: int(),
      allowedMimeTypes: arr(str()),
      maxTextLength: int(),
      replyToMessage: bool,
      outgoingMessages: bool,
    },
    [
      'threadingModel',
      'richText',
      'attachmentKinds',
      'maxAttachmentCount',
      'maxAttachmentBytes',
      'maxTextLength',
      'replyToMessage',
      'outgoingMessages',
    ],
  ),
  CredentialField: obj(
    {
      name: str(),
      label: str(),
      type: enumOf('text', 'password', 'url', 'email', 'select', 'checkbox'),
      required: bool,
      pattern: str(),
      options: arr(obj({ value: str(), label: str() }, ['value', 'label'])),
      helpText: str(),
      secret: bool,
    },
    ['name', 'label', 'type', 'required'],
  ),
  ChannelDefinition: obj(
    {
      id,
      name: str(),
      description: str(),
      logoUrl: str(),
      installed: bool,
      authorized: bool,
      capabilities: ref('ChannelCapabilities'),
      accountFields: arr(ref('CredentialField')),
      connectionUrl: str(),
    },
    ['id', 'name', 'description', 'logoUrl', 'installed', 'authorized', 'capabilities'],
  ),
  RoutingRules: routing,
  Credentials: credentials,
  ChannelAccount: obj(
    {
      id,
      channelId: id,
      name: str(),
      status: enumOf('active', 'disabled'),
      routing: ref('RoutingRules'),
      createdAt: iso,
      credentials: ref('Credentials'),
    },
    ['id', 'channelId', 'name', 'status', 'routing', 'createdAt', 'credentials'],
  ),
  ConnectAccountInput: closed(
    {
      channelId: id,
      name: str({ maxLength: LIMITS.maxNameLength }),
      credentials: ref('Credentials'),
      routing: ref('RoutingRules'),
    },
    ['channelId', 'credentials', 'routing'],
  ),
  AccountPatch: closed({
    name: str({ maxLength: LIMITS.maxNameLength }),
    status: enumOf('active', 'disabled'),
    routing: ref('RoutingRules'),
    credentials: ref('Credentials'),
  }),
  Integration: obj(
    {
      accountId: id,
      webhookUrl: nullable(str({ format: 'uri' })),
      publishToken: str({ description: 'The bearer token the channel publishes incoming messages with.' }),
      signingSecret: str({ description: 'The HMAC-SHA256 key of webhook signatures.' }),
    },
    ['accountId', 'webhookUrl', 'publishToken', 'signingSecret'],
  ),
  IntegrationPatch: closed(
    { webhookUrl: nullable(str({ format: 'uri', maxLength: 2000, pattern: '^https?://' })) },
    ['webhookUrl'],
  ),
  LastMessage: obj({ preview: str(), at: iso, direction: enumOf('incoming', 'outgoing') }, [
    'preview',
    'at',
    'direction',
  ]),
  Conversation: obj(
    {
      id,
      channel: enumOf('custom', 'email', 'call', 'chat'),
      channelId: nullable(str()),
      channelAccountId: nullable(str()),
      externalThreadId: str(),
      contactId: nullable(str()),
      contactName: str(),
      contactAvatarUrl: str(),
      ticketId: nullable(str()),
      ticketName: str(),
      status: enumOf('open', 'closed'),
      assigneeId: nullable(str()),
      lastMessage: nullable(ref('LastMessage')),
      unreadCount: int({ minimum: 0 }),
      createdAt: iso,
    },
    [
      'id',
      'channel',
      'channelId',
      'channelAccountId',
      'contactId',
      'contactName',
      'ticketId',
      'status',
      'assigneeId',
      'lastMessage',
      'unreadCount',
      'createdAt',
    ],
  ),
  ConversationFilters: filters,
  ConversationPage: obj({ items: arr(ref('Conversation')), nextCursor: nullable(str()), total: int() }, [
    'items',
    'nextCursor',
  ]),
  Attachment: attachmentOut,
  AttachmentInput: attachment,
  Actor: obj(
    { kind: enumOf('contact', 'agent', 'bot', 'system'), id: str(), name: str(), avatarUrl: str() },
    ['kind', 'name'],
  ),
  Message: obj(
    {
      id,
      clientId: str(),
      conversationId: id,
      seq: int({ minimum: 1 }),
      direction: enumOf('incoming', 'outgoing'),
      sender: ref('Actor'),
      text: str(),
      richText: str(),
      attachments: arr(ref('Attachment')),
      replyToId: str(),
      createdAt: iso,
      channel: enumOf('custom', 'email', 'call', 'chat'),
      status: enumOf('pending', 'sent', 'delivered', 'read', 'failed'),
      error: str(),
    },
    [
      'id',
      'clientId',
      'conversationId',
      'seq',
      'direction',
      'sender',
      'text',
      'attachments',
      'createdAt',
      'channel',
      'status',
    ],
  ),
  MessagePage: obj({ items: arr(ref('Message')), nextCursor: nullable(str()), total: int() }, [
    'items',
    'nextCursor',
  ]),
  OutgoingDraft: closed(
    {
      clientId: str({ minLength: 1, maxLength: 200 }),
      text: str({ maxLength: LIMITS.maxTextLength }),
      richText: str({ maxLength: LIMITS.maxRichTextLength }),
      attachments: arr(ref('AttachmentInput'), { maxItems: LIMITS.maxAttachments }),
      replyToId: id,
      channel: enumOf('custom', 'email', 'call', 'chat'),
    },
    ['clientId', 'text', 'channel'],
  ),
  IncomingMessage: closed(
    {
      externalId: str({
        minLength: 1,
        maxLength: 200,
        description: "The channel's own message id: publishing it again changes nothing.",
      }),
      threadId: str({
        minLength: 1,
        maxLength: 200,
        description: 'The thread (integration-thread channels).',
      }),
      conversationId: id,
      from: closed(
        { name: str({ maxLength: LIMITS.maxNameLength }), address: str({ minLength: 1, maxLength: 320 }) },
        ['name', 'address'],
      ),
      text: str({ maxLength: LIMITS.maxTextLength }),
      richText: str({ maxLength: LIMITS.maxRichTextLength }),
      attachments: arr(ref('AttachmentInput'), { maxItems: LIMITS.maxAttachments }),
      replyToId: id,
    },
    ['externalId', 'text'],
  ),
  PublishResult: obj({ message: ref('Message'), duplicate: bool }, ['message', 'duplicate']),
  DeliveryReport: closed(
    { status: enumOf('sent', 'delivered', 'read', 'failed'), error: str({ maxLength: 1000 }) },
    ['status'],
  ),
  WebhookDelivery: obj(
    {
      type: { const: 'message.outgoing' },
      deliveryId: str(),
      accountId: id,
      conversationId: id,
      threadId: str({
        description: "The conversation's thread id or sender address, by the channel's threading model.",
      }),
      message: ref('Message'),
    },
    ['type', 'deliveryId', 'accountId', 'conversationId', 'threadId', 'message'],
  ),
  Ticket: obj(
    {
      id,
      name: str(),
      pipelineId: str(),
      stageId: str(),
      ownerId: nullable(str()),
      priority: enumOf('low', 'medium', 'high', 'urgent'),
      properties: { type: 'object', additionalProperties: propertyValue },
      contactId: nullable(str()),
      createdAt: iso,
      updatedAt: iso,
    },
    [
      'id',
      'name',
      'pipelineId',
      'stageId',
      'ownerId',
      'priority',
      'properties',
      'contactId',
      'createdAt',
      'updatedAt',
    ],
  ),
  TicketPatch: closed({
    stageId: id,
    ownerId: nullable(id),
    priority: enumOf('low', 'medium', 'high', 'urgent'),
    properties: { type: 'object', additionalProperties: propertyValue, maxProperties: 100 },
  }),
  Contact: obj(
    {
      id,
      name: str(),
      email: str(),
      phone: str(),
      company: str(),
      avatarUrl: str(),
      ownerId: nullable(str()),
      tracked: bool,
      createdAt: iso,
    },
    ['id', 'name', 'ownerId', 'tracked', 'createdAt'],
  ),
  Agent: obj(
    {
      id,
      name: str(),
      email: str(),
      avatarUrl: str(),
      availability: enumOf('online', 'away', 'offline'),
      teamIds: arr(str()),
    },
    ['id', 'name', 'email', 'availability', 'teamIds'],
  ),
  Team: obj({ id, name: str(), memberIds: arr(str()) }, ['id', 'name', 'memberIds']),
  Pipeline: obj(
    {
      id,
      label: str(),
      stages: arr(
        obj({ id, label: str(), closed: bool, requiredProperties: arr(str()) }, [
          'id',
          'label',
          'closed',
          'requiredProperties',
        ]),
      ),
      properties: arr(
        obj({ name: str(), label: str(), type: str(), options: arr(obj({ value: str(), label: str() })) }, [
          'name',
          'label',
          'type',
        ]),
      ),
    },
    ['id', 'label', 'stages', 'properties'],
  ),
  View: obj({ id, name: str(), filters: ref('ConversationFilters'), text: str() }, ['id', 'name', 'filters']),
  ViewInput: closed(
    {
      name: str({ maxLength: LIMITS.maxNameLength }),
      filters: ref('ConversationFilters'),
      text: str({ maxLength: 500 }),
    },
    ['name', 'filters'],
  ),
  Insertable: obj(
    {
      id,
      kind: enumOf('snippet', 'knowledge-article', 'meeting-link', 'quote', 'document'),
      title: str(),
      body: str(),
      url: str(),
    },
    ['id', 'kind', 'title', 'body'],
  ),
  HelpDeskEvent: {
    description:
      'The data of one server-sent event; the SSE `event` field repeats `type`, the SSE `id` is the resume point.',
    oneOf: [
      obj({ type: { const: 'message.created' }, seq: int(), message: ref('Message') }, [
        'type',
        'seq',
        'message',
      ]),
      obj({ type: { const: 'message.updated' }, seq: int(), message: ref('Message') }, [
        'type',
        'seq',
        'message',
      ]),
      obj({ type: { const: 'conversation.updated' }, seq: int(), conversation: ref('Conversation') }, [
        'type',
        'seq',
        'conversation',
      ]),
      obj({ type: { const: 'ticket.updated' }, seq: int(), ticket: ref('Ticket') }, [
        'type',
        'seq',
        'ticket',
      ]),
      obj({ type: { const: 'account.updated' }, seq: int(), account: ref('ChannelAccount'), deleted: bool }, [
        'type',
        'seq',
        'account',
      ]),
    ],
  },
};
