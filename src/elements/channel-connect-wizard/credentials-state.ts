// What the admin typed in the credentials step, and which messages to show: a field's own check
// shows once it has been typed in or left, every field's once "Next" was pressed, and the
// adapter's message for a field until that field is changed. Nothing here is cleared on error.
import type { ReactiveControllerHost } from 'lit';

import type { ChannelAccount, ChannelDefinition, CredentialField, Credentials } from '../../model/index.js';
import { validateAccountName, validateAll } from './credentials-validation.js';

/** The key of the account-name field among the errors; not a credential name a channel may use. */
export const NAME_KEY = '\u0000name';

export class CredentialsState {
  values: Credentials = {};
  accountName = '';
  revealed = new Set<string>();
  /** Fields typed in or left: their checks show as the admin types. */
  private visited = new Set<string>();
  /** "Next" was pressed: every check shows. */
  submitted = false;
  /** The adapter's messages, by field name (NAME_KEY for the account name). */
  serverErrors: Record<string, string> = {};
  /** Whether anything was typed, for asking before discarding it. */
  dirty = false;

  constructor(private readonly host: ReactiveControllerHost) {}

  reset(account?: ChannelAccount): void {
    this.values = account ? { ...account.credentials } : {};
    this.accountName = account?.name ?? '';
    this.revealed = new Set();
    this.visited = new Set();
    this.submitted = false;
    this.serverErrors = {};
    this.dirty = false;
    this.host.requestUpdate();
  }

  input(name: string, value: string | boolean): void {
    this.values = { ...this.values, [name]: value };
    this.changed(name);
  }

  inputName(value: string): void {
    this.accountName = value;
    this.changed(NAME_KEY);
  }

  visit(name: string): void {
    if (this.visited.has(name)) return;
    this.visited.add(name);
    this.host.requestUpdate();
  }

  toggleReveal(name: string): void {
    this.revealed = new Set(this.revealed);
    if (!this.revealed.delete(name)) this.revealed.add(name);
    this.host.requestUpdate();
  }

  /** The adapter refused: keep its messages for the fields it named. */
  refuse(fieldErrors: Record<string, string>, fields: readonly CredentialField[]): void {
    const known = new Set(fields.map((f) => f.name));
    const errors: Record<string, string> = {};
    for (const [name, text] of Object.entries(fieldErrors)) {
      if (known.has(name)) errors[name] = text;
      else if (name === 'name') errors[NAME_KEY] = text;
    }
    this.serverErrors = errors;
    this.host.requestUpdate();
  }

  /** The messages to show now, by field name. */
  shownErrors(channel: ChannelDefinition | undefined, editing: boolean): Record<string, string> {
    const all = this.allErrors(channel, editing);
    const shown: Record<string, string> = {};
    for (const [name, text] of Object.entries(all)) {
      if (this.submitted || this.visited.has(name)) shown[name] = text;
    }
    return { ...this.serverErrors, ...shown };
  }

  /** Every field's own check, whether shown yet or not. */
  allErrors(channel: ChannelDefinition | undefined, editing: boolean): Record<string, string> {
    const errors = validateAll(channel?.accountFields ?? [], this.values, { keepSecrets: editing });
    const name = validateAccountName(this.accountName, editing);
    if (name) errors[NAME_KEY] = name;
    return errors;
  }

  private changed(name: string): void {
    this.dirty = true;
    this.visited.add(name);
    if (this.serverErrors[name]) {
      const { [name]: _gone, ...rest } = this.serverErrors;
      this.serverErrors = rest;
    }
    this.host.requestUpdate();
  }
}
