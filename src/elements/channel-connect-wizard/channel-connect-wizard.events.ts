import type { ChannelAccount, ChannelDefinition } from '../../model/index.js';

/** The admin asked to install a channel's app; the host opens its install page. */
export class ChannelInstallEvent extends Event {
  readonly detail: { channel: ChannelDefinition };
  constructor(channel: ChannelDefinition) {
    super('channel-install', { bubbles: true, composed: true });
    this.detail = { channel };
  }
}

/** The admin asked to authorize a channel's app again; the host opens its authorization page. */
export class ChannelAuthorizeEvent extends Event {
  readonly detail: { channel: ChannelDefinition };
  constructor(channel: ChannelDefinition) {
    super('channel-authorize', { bubbles: true, composed: true });
    this.detail = { channel };
  }
}

/** An account was connected (or, in edit mode, saved). */
export class ChannelConnectedEvent extends Event {
  readonly detail: { account: ChannelAccount; edited: boolean };
  constructor(account: ChannelAccount, edited: boolean) {
    super('channel-connected', { bubbles: true, composed: true });
    this.detail = { account, edited };
  }
}

/** The name of one of the connected step's actions, and of the event it fires. */
export type WizardAction = 'connect-another' | 'connect-channel' | 'go-to-help-desk' | 'done';

/**
 * One of the four actions of the connected step. `connect-another` and `connect-channel` restart
 * the wizard themselves; `go-to-help-desk` and `done` are for the host to act on.
 */
export class WizardActionEvent extends Event {
  readonly detail: { account: ChannelAccount | null };
  constructor(type: WizardAction, account: ChannelAccount | null) {
    super(type, { bubbles: true, composed: true });
    this.detail = { account };
  }
}

/** The admin left the wizard ("Cancel" or Escape), after agreeing to discard what was typed. */
export class ChannelConnectCancelEvent extends Event {
  readonly detail: Record<string, never> = {};
  constructor() {
    super('channel-connect-cancel', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'channel-install': ChannelInstallEvent;
    'channel-authorize': ChannelAuthorizeEvent;
    'channel-connected': ChannelConnectedEvent;
    'channel-connect-cancel': ChannelConnectCancelEvent;
    'connect-another': WizardActionEvent;
    'connect-channel': WizardActionEvent;
    'go-to-help-desk': WizardActionEvent;
    done: WizardActionEvent;
  }
}
