// The pop-up flow of a channel that collects credentials on a page of its own (`connectionUrl`):
// open the page in a pop-up, wait for it to post back the result, and accept a message only from
// that page's origin and that window. Anything else on `message` is ignored.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

import type { Credentials } from '../../model/index.js';
import { MAX_VALUE_LENGTH } from './credentials-validation.js';

/** What the channel's page posts to `window.opener` when it is done. */
export interface ConnectionMessage {
  type: 'helpdesk-channel-connect';
  credentials?: Credentials;
  error?: string;
}

export type OpenWindow = (url: string, target: string, features: string) => Window | null;

export type PopupState = 'idle' | 'waiting' | 'blocked' | 'closed' | 'received' | 'failed' | 'unsafe';

const defaultOpen: OpenWindow = (url, target, features) => window.open(url, target, features);

/** The page's own credentials, or undefined for a message that is not a well-formed result. */
function readCredentials(value: unknown): Credentials | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 50) return undefined;
  const out: Credentials = {};
  for (const [key, item] of entries) {
    if (key.length > 100) return undefined;
    if (typeof item === 'boolean') out[key] = item;
    else if (typeof item === 'string' && item.length <= MAX_VALUE_LENGTH) out[key] = item;
    else return undefined;
  }
  return out;
}

/**
 * Runs one pop-up at a time for its host. `state` says where the flow is; `credentials` holds the
 * result once `received`; `error` the page's own message when it reported a failure.
 */
export class ConnectionPopupController implements ReactiveController {
  state: PopupState = 'idle';
  credentials: Credentials | null = null;
  error = '';
  /** How the pop-up is opened; tests give a stand-in window. */
  open: OpenWindow = defaultOpen;

  private popup: Window | null = null;
  private origin = '';
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** Opens `url` (http or https only) in a pop-up and starts listening for its answer. */
  start(url: string | undefined): void {
    this.cancel();
    this.credentials = null;
    this.error = '';
    let parsed: URL | undefined;
    try {
      parsed = url ? new URL(url) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
      this.set('unsafe');
      return;
    }
    this.origin = parsed.origin;
    const popup = this.open(parsed.href, 'helpdesk-channel-connect', 'popup,width=520,height=680');
    if (!popup) {
      this.set('blocked');
      return;
    }
    this.popup = popup;
    window.addEventListener('message', this.handleMessage);
    // The admin may close the pop-up without finishing; nothing else tells us.
    this.timer = setInterval(() => {
      if (this.popup?.closed) {
        this.stop();
        this.set('closed');
      }
    }, 500);
    this.set('waiting');
  }

  /** Stops waiting and closes the pop-up; back to idle. */
  cancel(): void {
    const popup = this.popup;
    this.stop();
    try {
      popup?.close();
    } catch {
      // A window we cannot close is left to the admin.
    }
    if (this.state === 'waiting') this.set('idle');
  }

  /** Forgets a result, for connecting another account. */
  reset(): void {
    this.cancel();
    this.credentials = null;
    this.error = '';
    this.set('idle');
  }

  private readonly handleMessage = (event: MessageEvent): void => {
    if (event.origin !== this.origin || event.source !== this.popup) return;
    const data = event.data as Partial<ConnectionMessage> | null;
    if (typeof data !== 'object' || data === null || data.type !== 'helpdesk-channel-connect') return;
    const popup = this.popup;
    if (typeof data.error === 'string') {
      this.error = data.error.slice(0, 500);
      this.stop();
      this.set('failed');
    } else {
      const credentials = readCredentials(data.credentials);
      if (!credentials) return;
      this.credentials = credentials;
      this.stop();
      this.set('received');
    }
    try {
      popup?.close();
    } catch {
      // Ignored, as above.
    }
  };

  private stop(): void {
    window.removeEventListener('message', this.handleMessage);
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.popup = null;
  }

  private set(state: PopupState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
