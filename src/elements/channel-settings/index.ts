export { ChannelSettings } from './channel-settings.js';
