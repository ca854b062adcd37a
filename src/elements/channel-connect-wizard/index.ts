export {
  ChannelAuthorizeEvent,
  ChannelConnectCancelEvent,
  ChannelConnectedEvent,
  ChannelInstallEvent,
  type WizardAction,
  WizardActionEvent,
} from './channel-connect-wizard.events.js';
export { ChannelConnectWizard } from './channel-connect-wizard.js';
export type { ConnectionMessage } from './connection-popup.js';
