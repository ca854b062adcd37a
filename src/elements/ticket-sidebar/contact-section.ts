import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

import { initials } from '../../internal/format.js';
import { safeLinkUrl, safeMediaUrl } from '../../internal/safe-url.js';
import type { Agent, Contact } from '../../model/index.js';
import type { ContactView } from '../../state/selectors.js';
import { renderEmpty, renderFailure, renderLoading } from './states.js';

export interface ContactSectionData {
  contactId: string | null;
  /** The name the conversation carries, shown while the contact loads or when it has no record. */
  fallbackName: string;
  view: ContactView;
  /** The contact is not known yet because what names it (the ticket) is still loading. */
  pending: boolean;
  agents: readonly Agent[];
  onRetry: () => void;
}

// Deliberately plain: one @, no spaces, no characters that would end a mailto: address early.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/u;
// A phone number as people write it: digits and the usual separators, an optional leading +.
const PHONE = /^\+?[\d\s().-]{3,}$/u;

/** A `mailto:` URL for an address that looks like one; anything else stays text. */
export function mailtoUrl(email: string | undefined): string | undefined {
  const trimmed = email?.trim();
  return trimmed && EMAIL.test(trimmed) ? safeLinkUrl(`mailto:${trimmed}`) : undefined;
}

/** A `tel:` URL of the number's digits; anything that is not a phone number stays text. */
export function telUrl(phone: string | undefined): string | undefined {
  const trimmed = phone?.trim();
  if (!trimmed || !PHONE.test(trimmed)) return undefined;
  const digits = trimmed.replace(/[^\d+]/g, '');
  return digits.replace(/\+/g, '').length >= 3 ? safeLinkUrl(`tel:${digits}`) : undefined;
}

function renderAvatar(contact: Contact): TemplateResult {
  // Contact pictures come from channels: no SVG data URLs (safeMediaUrl refuses them), initials instead.
  const src = safeMediaUrl(contact.avatarUrl);
  return src
    ? html`<img class="avatar large" part="avatar" src=${src} alt="" width="40" height="40" />`
    : html`<span class="avatar large" part="avatar" aria-hidden="true">${initials(contact.name)}</span>`;
}

function row(label: string, value: TemplateResult | string): TemplateResult {
  return html`<div class="row">
    <dt>${label}</dt>
    <dd>${value}</dd>
  </div>`;
}

/** The "Contact" section: who the rep is talking to, with links to write or call them. */
export function renderContactSection(data: ContactSectionData): TemplateResult {
  const { view } = data;
  if (data.pending) return renderLoading(msg('Loading contact…'));
  if (!data.contactId) {
    return html`${
      data.fallbackName ? html`<p class="contact-name" part="contact-name">${data.fallbackName}</p>` : nothing
    }${renderEmpty(
      msg('Unknown contact'),
      msg(
        'The channel did not say who wrote. Their details and past conversations show here once they are known.',
      ),
    )}`;
  }
  const contact = view.contact;
  if (!contact) {
    if (view.error) {
      return view.error.code === 'not-found'
        ? renderEmpty(msg('Unknown contact'), msg('This contact is no longer in the help desk.'))
        : renderFailure(msg('The contact could not be loaded.'), view.error.message, data.onRetry);
    }
    return renderLoading(msg('Loading contact…'));
  }
  const email = mailtoUrl(contact.email);
  const phone = telUrl(contact.phone);
  const owner = contact.ownerId
    ? (data.agents.find((a) => a.id === contact.ownerId)?.name ?? msg('Unknown owner'))
    : msg('No owner');
  return html`<div class="contact-card">
      ${renderAvatar(contact)}
      <span class="contact-name" part="contact-name">${contact.name || msg('Unknown contact')}</span>
    </div>
    <dl class="facts">
      ${
        contact.email
          ? row(msg('Email'), email ? html`<a href=${email} part="link">${contact.email}</a>` : contact.email)
          : nothing
      }
      ${
        contact.phone
          ? row(msg('Phone'), phone ? html`<a href=${phone} part="link">${contact.phone}</a>` : contact.phone)
          : nothing
      }
      ${contact.company ? row(msg('Company'), contact.company) : nothing} ${row(msg('Contact owner'), owner)}
      ${row(msg('Tracked'), contact.tracked ? msg('Yes') : msg('No'))}
    </dl>`;
}
