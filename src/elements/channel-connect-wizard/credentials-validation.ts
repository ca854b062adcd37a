// Checks a credential form the way the admin expects while typing: the same rules the channel's
// backend applies (required, pattern, URL, e-mail, options), plus a length cap so a pasted
// 10,000-character value is named as the problem instead of being sent.
import { msg, str } from '@lit/localize';

import type { CredentialField, Credentials } from '../../model/index.js';

/** Longest value a credential field takes; longer ones are refused with a message, never cut. */
export const MAX_VALUE_LENGTH = 2000;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The pattern as a whole-value RegExp; a channel's broken pattern is ignored rather than thrown. */
function wholeMatch(pattern: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    try {
      return new RegExp(`^(?:${pattern})$`);
    } catch {
      return undefined;
    }
  }
}

export interface ValidateOptions {
  /** Edit mode: an empty secret keeps the stored one, so it is not required. */
  keepSecrets?: boolean;
}

/** The message for one field's value, or '' when it is fine. */
export function validateField(
  field: CredentialField,
  value: string | boolean | undefined,
  options: ValidateOptions = {},
): string {
  if (field.type === 'checkbox') {
    return field.required && value !== true ? msg('Check this box to continue.') : '';
  }
  const text = typeof value === 'string' ? value : '';
  if (text.trim() === '') {
    const optionalSecret = options.keepSecrets && field.secret;
    return field.required && !optionalSecret ? msg('Fill in this field.') : '';
  }
  if (text.length > MAX_VALUE_LENGTH) {
    return msg(str`Too long: at most ${MAX_VALUE_LENGTH} characters (this has ${text.length}).`);
  }
  if (field.pattern) {
    const pattern = wholeMatch(field.pattern);
    if (pattern && !pattern.test(text)) {
      return field.helpText
        ? msg(str`Doesn't match the expected format. ${field.helpText}`)
        : msg(`Doesn't match the expected format.`);
    }
  }
  if (field.type === 'url' && !isWebAddress(text.trim())) {
    return msg('Enter a full web address, starting with https://');
  }
  if (field.type === 'email' && !EMAIL.test(text.trim())) {
    return msg('Enter an e-mail address, like name@example.com');
  }
  if (field.type === 'select' && !(field.options ?? []).some((o) => o.value === text)) {
    return msg('Choose one of the options.');
  }
  return '';
}

/** Every field's message, keyed by field name; empty when the whole form is fine. */
export function validateAll(
  fields: readonly CredentialField[],
  values: Credentials,
  options: ValidateOptions = {},
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const error = validateField(field, values[field.name], options);
    if (error) errors[field.name] = error;
  }
  return errors;
}

/** The account name: optional when connecting (the backend names it), required when editing. */
export function validateAccountName(name: string, required: boolean): string {
  if (name.trim() === '') return required ? msg('Give the account a name.') : '';
  if (name.length > 200) return msg(str`Too long: at most ${200} characters (this has ${name.length}).`);
  return '';
}

/**
 * What to send: values trimmed, and in edit mode only what changed, with empty secrets left out
 * (an empty secret means "keep the stored one").
 */
export function credentialsToSend(
  fields: readonly CredentialField[],
  values: Credentials,
  stored?: Credentials,
): Credentials {
  const out: Credentials = {};
  for (const field of fields) {
    const raw = values[field.name];
    const value = typeof raw === 'string' ? (field.type === 'password' ? raw : raw.trim()) : raw;
    if (stored) {
      if (field.secret && (value === '' || value === undefined)) continue;
      if (!field.secret && value === stored[field.name]) continue;
      if (!field.secret && value === undefined) continue;
    }
    if (value === undefined) {
      if (field.type === 'checkbox') out[field.name] = false;
      continue;
    }
    out[field.name] = value;
  }
  return out;
}
