// The body of each step. Kept apart from the element, which owns the state and the transitions.
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

import type { ChannelConnectWizard } from './channel-connect-wizard.js';
import { renderChannelCards } from './choose-step.js';
import { renderCredentialField } from './credentials-form.js';
import { NAME_KEY } from './credentials-state.js';
import { renderPopupSection } from './popup-section.js';
import { newRow, ticketProperties } from './routing-model.js';
import { renderRoutingForm } from './routing-step.js';
import { renderStepIndicator } from './step-indicator.js';

type Wizard = ChannelConnectWizard;

function cancelButton(w: Wizard): TemplateResult {
  return html`<button type="button" class="secondary" @click=${() => w.cancel()}>${msg('Cancel')}</button>`;
}

function backButton(w: Wizard): TemplateResult | typeof nothing {
  if (w.step === 'credentials' && (w.editing || w.channelId)) return nothing;
  return html`<button type="button" class="secondary" @click=${() => w.back()}>${msg('Back')}</button>`;
}

function nextButton(w: Wizard, last: boolean): TemplateResult {
  const label = w.busy
    ? w.editing
      ? msg('Saving…')
      : msg('Connecting…')
    : last && w.editing
      ? msg('Save')
      : msg('Next');
  return html`<button type="submit" class="primary" aria-disabled=${w.busy ? 'true' : 'false'}>
    ${label}
  </button>`;
}

function chooseStep(w: Wizard): TemplateResult {
  const channels = w.channels.value;
  const status = w.status.value;
  const chosen = channels?.find((c) => c.id === w.selectedId);
  let body: TemplateResult;
  if (!channels || (status?.loading && channels.length === 0)) {
    body = html`<p class="muted" role="status">${msg('Loading channels…')}</p>`;
  } else if (status?.error && channels.length === 0) {
    body = html`<p class="error">${msg(str`Couldn't load the channels: ${status.error.message}`)}</p>
      <button type="button" class="secondary" @click=${() => void w.desk?.start()}>
        ${msg('Try again')}
      </button>`;
  } else {
    body = html`<p class="help">
        ${msg('The custom channels installed for your account. A channel that is missing is not installed, or its app must be authorized again.')}
      </p>
      ${renderChannelCards({
        channels,
        selectedId: w.selectedId,
        onSelect: (c) => w.select(c),
        onInstall: (c) => w.install(c),
        onAuthorize: (c) => w.authorize(c),
      })}`;
  }
  return html`${body}
    <div class="actions" part="actions">
      ${cancelButton(w)}
      <button type="button" class="primary" ?disabled=${!chosen} @click=${() => w.goTo('credentials')}>
        ${chosen ? msg(str`Continue with ${chosen.name}`) : msg('Continue')}
      </button>
    </div>`;
}

function nameField(w: Wizard, error: string): TemplateResult {
  const channel = w.channel;
  const described = ['account-name-help', error ? 'account-name-error' : ''].filter(Boolean).join(' ');
  return html`<div class="field" part="field">
    <label for="account-name"
      >${msg('Account name')}${w.editing ? html` <span class="required">${msg('(required)')}</span>` : nothing}</label
    >
    <input
      id="account-name"
      type="text"
      autocomplete="off"
      .value=${live(w.form.accountName)}
      placeholder=${ifDefined(channel && !w.editing ? msg(str`${channel.name} account`) : undefined)}
      aria-required=${w.editing ? 'true' : 'false'}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${described}
      @input=${(e: Event) => w.form.inputName((e.target as HTMLInputElement).value)}
      @blur=${() => w.form.visit(NAME_KEY)}
    />
    <p class="help" id="account-name-help">
      ${msg('How this account appears in the help desk, for example in the Channel filter.')}
    </p>
    ${error ? html`<p class="error" id="account-name-error">${error}</p>` : nothing}
  </div>`;
}

function credentialsStep(w: Wizard): TemplateResult {
  const channel = w.channel;
  if (!channel || (w.editing && !w.account)) {
    const loading = !w.channels.value || w.status.value?.loading;
    return html`<p class=${loading ? 'muted' : 'error'} role=${ifDefined(loading ? 'status' : undefined)}>
        ${loading ? msg('Loading…') : w.editing ? msg('This account no longer exists.') : msg('This channel is not available.')}
      </p>
      <div class="actions" part="actions">${cancelButton(w)}</div>`;
  }
  const errors = w.form.shownErrors(channel, w.editing);
  const fields = channel.accountFields ?? [];
  const view = {
    fields,
    values: w.form.values,
    errors,
    revealed: w.form.revealed,
    editing: w.editing,
    onInput: (name: string, value: string | boolean) => w.form.input(name, value),
    onBlur: (name: string) => w.form.visit(name),
    onToggleReveal: (name: string) => w.form.toggleReveal(name),
  };
  const last = !w.canRoute;
  return html`<form novalidate @submit=${(e: Event) => (e.preventDefault(), void w.next())}>
    ${
      w.account?.status === 'disabled'
        ? html`<p class="note">${msg('This account is turned off: it receives nothing and cannot send.')}</p>`
        : nothing
    }
    ${nameField(w, errors[NAME_KEY] ?? '')}
    ${
      fields.length
        ? fields.map((f, i) => renderCredentialField(view, f, i))
        : channel.connectionUrl
          ? renderPopupSection(channel, w.popup, w.editing)
          : html`<p class="help">${msg('This channel needs no credentials.')}</p>`
    }
    ${
      w.canRoute
        ? nothing
        : html`<p class="note">
            ${msg('Routing needs a help desk seat, so that step is skipped: tickets from this channel are not assigned automatically.')}
          </p>`
    }
    <div class="actions" part="actions">${backButton(w)} ${cancelButton(w)} ${nextButton(w, last)}</div>
  </form>`;
}

function routingStep(w: Wizard): TemplateResult {
  const update = (change: () => void) => {
    change();
    w.routingDirty = true;
  };
  const body = w.canRoute
    ? renderRoutingForm({
        draft: w.routing,
        properties: ticketProperties(w.pipelines.value ?? []),
        agents: w.agents.value ?? [],
        teams: w.teams.value ?? [],
        errors: w.routingChecked ? w.routingErrors() : {},
        onChange: (patch) => update(() => (w.routing = { ...w.routing, ...patch })),
        onRowChange: (key, patch) =>
          update(
            () =>
              (w.routing = {
                ...w.routing,
                properties: w.routing.properties.map((r) => (r.key === key ? { ...r, ...patch } : r)),
              }),
          ),
        onAddRow: () =>
          update(() => (w.routing = { ...w.routing, properties: [...w.routing.properties, newRow()] })),
        onRemoveRow: (key) =>
          update(() => {
            const rest = w.routing.properties.filter((r) => r.key !== key);
            w.routing = { ...w.routing, properties: rest.length ? rest : [newRow()] };
          }),
      })
    : html`<p class="note">
        ${msg('Routing needs a help desk seat, so this step is skipped: tickets from this channel are not assigned automatically.')}
      </p>`;
  return html`<form novalidate @submit=${(e: Event) => (e.preventDefault(), void w.next())}>
    ${body}
    <div class="actions" part="actions">${backButton(w)} ${cancelButton(w)} ${nextButton(w, true)}</div>
  </form>`;
}

function connectedStep(w: Wizard): TemplateResult {
  const channel = w.channel;
  return html`<p>
      ${
        w.editing
          ? msg('Your changes are saved.')
          : msg(str`New conversations from ${channel?.name ?? ''} arrive in the help desk.`)
      }
    </p>
    <div class="actions actions-end" part="actions">
      ${
        w.editing
          ? nothing
          : html`<button type="button" class="secondary" @click=${() => w.act('connect-another')}>
                ${msg('Connect another account')}
              </button>
              <button type="button" class="secondary" @click=${() => w.act('connect-channel')}>
                ${msg('Connect a channel')}
              </button>`
      }
      <button type="button" class="secondary" @click=${() => w.act('go-to-help-desk')}>
        ${msg('Go to help desk')}
      </button>
      <button type="button" class="primary" @click=${() => w.act('done')}>${msg('Done')}</button>
    </div>`;
}

export function renderWizardStep(w: Wizard): TemplateResult {
  const body =
    w.step === 'choose'
      ? chooseStep(w)
      : w.step === 'credentials'
        ? credentialsStep(w)
        : w.step === 'routing'
          ? routingStep(w)
          : connectedStep(w);
  return html`${renderStepIndicator(w.steps, w.step)}
    <h2 id="step-heading" part="heading" tabindex="-1">${w.heading()}</h2>
    ${w.stepError ? html`<p class="step-error" id="step-error" role="alert" tabindex="-1">${w.stepError}</p>` : nothing}
    ${body}`;
}
