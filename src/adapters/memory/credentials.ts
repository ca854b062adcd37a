// Checks credentials against a channel's form the way a channel's backend would, so the connect
// wizard can be shown every error it must handle.
import type { ChannelDefinition, Credentials } from '../../model/index.js';
import { type FieldErrors, HelpDeskError } from '../errors.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isBlank(value: string | boolean | undefined): boolean {
  return value === undefined || value === false || (typeof value === 'string' && value.trim() === '');
}

function isUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Rejects with `invalid` and a message per bad field, then with `unauthorized` when the channel
 * would refuse the key (an `apiKey` of `invalid` plays that part). With `partial`, only the
 * fields present are checked (an update that changes some of them).
 */
export function checkCredentials(
  channel: ChannelDefinition,
  credentials: Credentials,
  partial = false,
): void {
  const errors: FieldErrors = {};
  for (const field of channel.accountFields ?? []) {
    const value = credentials[field.name];
    if (isBlank(value)) {
      if (field.required && !(partial && value === undefined)) errors[field.name] = 'Required';
      continue;
    }
    if (field.type === 'checkbox') continue;
    const text = String(value);
    if (field.pattern && !new RegExp(`^(?:${field.pattern})$`).test(text)) {
      errors[field.name] = field.helpText ?? `Doesn't match the expected format.`;
    } else if (field.type === 'url' && !isUrl(text)) {
      errors[field.name] = 'Enter a full web address, starting with https://';
    } else if (field.type === 'email' && !EMAIL.test(text)) {
      errors[field.name] = 'Enter an e-mail address, like name@example.com';
    } else if (field.type === 'select' && !field.options?.some((o) => o.value === text)) {
      errors[field.name] = 'Choose one of the options';
    }
  }
  const names = Object.keys(errors);
  if (names.length > 0) {
    const labels = names.map((name) => channel.accountFields?.find((f) => f.name === name)?.label ?? name);
    throw new HelpDeskError('invalid', `Check these fields: ${labels.join(', ')}.`, { fieldErrors: errors });
  }
  if (credentials['apiKey'] === 'invalid') {
    throw new HelpDeskError(
      'unauthorized',
      `${channel.name} refused the API key. Copy it again from your ${channel.name} dashboard.`,
    );
  }
}

/** Credentials without the secret fields, as an account carries them. */
export function publicCredentials(channel: ChannelDefinition, credentials: Credentials): Credentials {
  const secret = new Set((channel.accountFields ?? []).filter((f) => f.secret).map((f) => f.name));
  return Object.fromEntries(Object.entries(credentials).filter(([name]) => !secret.has(name)));
}

/** Only the secret fields, kept by the adapter and never sent back. */
export function secretCredentials(channel: ChannelDefinition, credentials: Credentials): Credentials {
  const secret = new Set((channel.accountFields ?? []).filter((f) => f.secret).map((f) => f.name));
  return Object.fromEntries(Object.entries(credentials).filter(([name]) => secret.has(name)));
}
