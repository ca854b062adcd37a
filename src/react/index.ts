/**
 * `helpdesk-elements/react`: React components for every element of the kit, made with `@lit/react`, with
 * typed properties and typed event props (`onConversationSelect`, `onMessageSend`, ...).
 *
 * React 19 renders custom elements natively; these wrappers are for React 18 (which passes everything
 * as string attributes and cannot listen to custom events), and for React 19 code that wants typed props.
 * Importing this module registers nothing: import `helpdesk-elements/define` (or call `defineElements()`).
 *
 * @example
 * ```tsx
 * import 'helpdesk-elements/define';
 * import { ConversationList } from 'helpdesk-elements/react';
 * <ConversationList store={store} onConversationSelect={(e) => open(e.detail.conversationId)} />;
 * ```
 */
import { createComponent, type EventName, type ReactWebComponent } from '@lit/react';
import * as React from 'react';

import { ChannelConnectWizard as ChannelConnectWizardElement } from '../elements/channel-connect-wizard/channel-connect-wizard.js';
import { ChannelSettings as ChannelSettingsElement } from '../elements/channel-settings/channel-settings.js';
import { ConversationList as ConversationListElement } from '../elements/conversation-list/conversation-list.js';
import { HelpDesk as HelpDeskElement } from '../elements/help-desk/help-desk.js';
import { HelpDeskProvider as HelpDeskProviderElement } from '../elements/help-desk-provider/help-desk-provider.js';
import type { DefaultTag } from '../elements/registry.js';
import { ReplyEditor as ReplyEditorElement } from '../elements/reply-editor/reply-editor.js';
import { ThreadView as ThreadViewElement } from '../elements/thread-view/thread-view.js';
import { TicketSidebar as TicketSidebarElement } from '../elements/ticket-sidebar/ticket-sidebar.js';

/** The event a DOM event name carries, from the `GlobalEventHandlersEventMap` entries of the kit. */
const on = <K extends keyof GlobalEventHandlersEventMap>(name: K) =>
  name as EventName<GlobalEventHandlersEventMap[K]>;

const inboxEvents = {
  onConversationSelect: on('conversation-select'),
  onTicketOpen: on('ticket-open'),
  onReplyTo: on('reply-to'),
  onMessageSend: on('message-send'),
  onChannelChange: on('channel-change'),
  onCallRequest: on('call-request'),
};

const channelEvents = {
  onChannelInstall: on('channel-install'),
  onChannelAuthorize: on('channel-authorize'),
  onChannelConnected: on('channel-connected'),
  onGoToHelpDesk: on('go-to-help-desk'),
};

/** Each element's React props for the events it fires (events bubble, so a container gets its parts' too). */
const events = {
  provider: inboxEvents,
  desk: inboxEvents,
  list: { onConversationSelect: inboxEvents.onConversationSelect },
  thread: { onReplyTo: inboxEvents.onReplyTo, onTicketOpen: inboxEvents.onTicketOpen },
  editor: {
    onMessageSend: inboxEvents.onMessageSend,
    onChannelChange: inboxEvents.onChannelChange,
    onCallRequest: inboxEvents.onCallRequest,
  },
  sidebar: { onTicketOpen: inboxEvents.onTicketOpen, onConversationSelect: inboxEvents.onConversationSelect },
  wizard: {
    ...channelEvents,
    onConnectAnother: on('connect-another'),
    onConnectChannel: on('connect-channel'),
    onDone: on('done'),
    onChannelConnectCancel: on('channel-connect-cancel'),
  },
  settings: channelEvents,
};

/** The React components of the kit, as `createHelpDeskComponents` returns them. */
export interface HelpDeskComponents {
  HelpDeskProvider: ReactWebComponent<HelpDeskProviderElement, typeof events.provider>;
  HelpDesk: ReactWebComponent<HelpDeskElement, typeof events.desk>;
  ConversationList: ReactWebComponent<ConversationListElement, typeof events.list>;
  ThreadView: ReactWebComponent<ThreadViewElement, typeof events.thread>;
  ReplyEditor: ReactWebComponent<ReplyEditorElement, typeof events.editor>;
  TicketSidebar: ReactWebComponent<TicketSidebarElement, typeof events.sidebar>;
  ChannelConnectWizard: ReactWebComponent<ChannelConnectWizardElement, typeof events.wizard>;
  ChannelSettings: ReactWebComponent<ChannelSettingsElement, typeof events.settings>;
}

export interface HelpDeskComponentsOptions {
  /** The prefix given to `defineElements({ prefix })`: the components render `<prefix>-<tag>`. */
  prefix?: string;
}

/**
 * Makes the components with the given React (a page may carry its own copy or version: pass the one that
 * renders them). `helpdesk-elements/react` also exports them ready-made on the `react` it resolves.
 */
export function createHelpDeskComponents(
  react: typeof React,
  options: HelpDeskComponentsOptions = {},
): HelpDeskComponents {
  const tag = (name: DefaultTag) => (options.prefix ? `${options.prefix}-${name}` : name);
  const make = <I extends HTMLElement, E extends Record<string, EventName>>(
    name: DefaultTag,
    elementClass: new () => I,
    eventProps: E,
    displayName: string,
  ) => createComponent({ react, tagName: tag(name), elementClass, events: eventProps, displayName });
  return {
    HelpDeskProvider: make(
      'help-desk-provider',
      HelpDeskProviderElement,
      events.provider,
      'HelpDeskProvider',
    ),
    HelpDesk: make('help-desk', HelpDeskElement, events.desk, 'HelpDesk'),
    ConversationList: make('conversation-list', ConversationListElement, events.list, 'ConversationList'),
    ThreadView: make('thread-view', ThreadViewElement, events.thread, 'ThreadView'),
    ReplyEditor: make('reply-editor', ReplyEditorElement, events.editor, 'ReplyEditor'),
    TicketSidebar: make('ticket-sidebar', TicketSidebarElement, events.sidebar, 'TicketSidebar'),
    ChannelConnectWizard: make(
      'channel-connect-wizard',
      ChannelConnectWizardElement,
      events.wizard,
      'ChannelConnectWizard',
    ),
    ChannelSettings: make('channel-settings', ChannelSettingsElement, events.settings, 'ChannelSettings'),
  };
}

/** The components on the `react` this package resolves; with another copy of React, use the factory. */
export const {
  HelpDeskProvider,
  HelpDesk,
  ConversationList,
  ThreadView,
  ReplyEditor,
  TicketSidebar,
  ChannelConnectWizard,
  ChannelSettings,
} = createHelpDeskComponents(React);
