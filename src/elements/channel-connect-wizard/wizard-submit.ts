// "Next" on the credentials and routing steps: check, then connect (or save) once. A second press
// while the call is out does nothing; a refusal sends the admin back to the fields it names, with
// everything typed still there.
import { msg, str } from '@lit/localize';

import type { AccountPatch } from '../../adapters/adapter.js';
import type { ChannelAccount, Credentials, RoutingRules } from '../../model/index.js';
import type { CommandResult } from '../../state/result.js';
import { ChannelConnectedEvent } from './channel-connect-wizard.events.js';
import type { ChannelConnectWizard } from './channel-connect-wizard.js';
import { credentialsToSend } from './credentials-validation.js';
import { rulesFromDraft } from './routing-model.js';

const noRouting: RoutingRules = { ticketProperties: {}, assignment: { mode: 'none' } };

async function focusProblem(w: ChannelConnectWizard): Promise<void> {
  await w.updateComplete;
  const target =
    w.renderRoot.querySelector<HTMLElement>('form [aria-invalid="true"]') ??
    w.renderRoot.querySelector<HTMLElement>('#step-error');
  target?.focus();
}

/** Checks the step in front of the admin; true when it may go on. */
async function checkStep(w: ChannelConnectWizard): Promise<boolean> {
  const channel = w.channel!;
  if (w.step === 'credentials') {
    w.form.submitted = true;
    w.requestUpdate();
    if (Object.keys(w.form.allErrors(channel, w.editing)).length > 0) {
      w.stepError = msg('Check the fields marked below.');
      await focusProblem(w);
      return false;
    }
    const popupOnly = !channel.accountFields?.length && channel.connectionUrl;
    if (popupOnly && !w.editing && w.popup.state !== 'received') {
      w.stepError = msg(str`Connect with ${channel.name} first: its page sends the connection details.`);
      await focusProblem(w);
      return false;
    }
  } else if (w.step === 'routing' && w.canRoute) {
    w.routingChecked = true;
    if (Object.keys(w.routingErrors()).length > 0) {
      w.stepError = msg('Check the choices marked below.');
      await focusProblem(w);
      return false;
    }
  }
  w.stepError = '';
  return true;
}

function credentialsOf(w: ChannelConnectWizard): Credentials {
  const channel = w.channel!;
  if (!channel.accountFields?.length) return w.popup.state === 'received' ? (w.popup.credentials ?? {}) : {};
  return credentialsToSend(
    channel.accountFields,
    w.form.values,
    w.editing ? w.account?.credentials : undefined,
  );
}

export async function submitWizard(w: ChannelConnectWizard): Promise<void> {
  const desk = w.desk;
  const channel = w.channel;
  if (w.busy || !desk || !channel) return;
  if (!(await checkStep(w))) return;
  if (w.step === 'credentials' && w.canRoute) {
    w.goTo('routing');
    return;
  }
  w.busy = true;
  const credentials = credentialsOf(w);
  const name = w.form.accountName.trim();
  let result: CommandResult<ChannelAccount>;
  const account = w.account;
  if (w.editing && account) {
    const patch: AccountPatch = { name };
    if (w.canRoute) patch.routing = rulesFromDraft(w.routing);
    if (Object.keys(credentials).length > 0) patch.credentials = credentials;
    result = await desk.updateAccount(account.id, patch);
  } else {
    const routing = w.canRoute ? rulesFromDraft(w.routing) : noRouting;
    result = await desk.connectAccount({
      channelId: channel.id,
      name: name || undefined,
      credentials,
      routing,
    });
  }
  w.busy = false;
  if (result.ok) {
    w.connected = result.value;
    w.goTo('connected');
    w.dispatchEvent(new ChannelConnectedEvent(result.value, w.editing));
    return;
  }
  const error = result.error;
  const refused =
    Object.keys(error.fieldErrors).length > 0 || error.code === 'unauthorized' || error.code === 'invalid';
  if (refused) {
    // The credentials are what was refused: back to them, with the adapter's words at each field.
    w.form.refuse(error.fieldErrors, channel.accountFields ?? []);
    w.step = 'credentials';
    w.stepError = msg(str`${channel.name} refused these details. ${error.message}`);
  } else if (error.code === 'unavailable') {
    w.stepError = msg(str`Couldn't reach the help desk: ${error.message} What you typed is kept; try again.`);
  } else {
    w.stepError = error.message;
  }
  await focusProblem(w);
}
