import { expect } from '@open-wc/testing';
import { firstValueFrom } from 'rxjs';

import type { ChannelConnectWizard } from '../../src/elements/channel-connect-wizard/channel-connect-wizard.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { makeDesk, settle } from '../helpers/channel-fixtures.js';
import { button, chooseChannel, expectStep, mountWizard } from '../helpers/channel-wizard.js';
import { getByRole } from '../helpers/queries.js';

const RELAY = 'Relay WhatsApp Bridge';

/** A same-origin iframe stands for the pop-up: its messages carry a real `source` and origin. */
function fakePopup(): { frame: HTMLIFrameElement; win: Window } {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  return { frame, win: frame.contentWindow! };
}

async function relayWizard() {
  const desk = await makeDesk({
    change: (f) =>
      (f.channels.find((c) => c.id === 'relay-whatsapp')!.connectionUrl = `${location.origin}/connect-page`),
  });
  const el = await mountWizard(desk.store);
  await chooseChannel(el, RELAY);
  return { ...desk, el };
}

/** Runs script inside the stand-in pop-up, as the channel's page would. */
function run(win: Window, code: string): void {
  (win as unknown as { eval(code: string): void }).eval(code);
}

function waitForMessage(): Promise<void> {
  return new Promise((resolve) =>
    window.addEventListener('message', () => setTimeout(resolve), { once: true }),
  );
}

describe('<channel-connect-wizard> connection page', () => {
  it("opens the channel's page in a pop-up and accepts only its own answer, from its origin", async () => {
    const { el, store } = await relayWizard();
    const { frame, win } = fakePopup();
    const opened: string[] = [];
    (el as ChannelConnectWizard).popup.open = (url) => (opened.push(url), win);
    button(el, `Connect with ${RELAY}`).click();
    await settle(el);
    expect(opened).to.deep.equal([`${location.origin}/connect-page`]);
    expect(el.shadowRoot!.textContent).to.contain(`Waiting for ${RELAY}`);
    await expectNoAxeViolations(el);

    // Wrong origin: ignored.
    window.dispatchEvent(
      new MessageEvent('message', {
        origin: 'https://evil.example',
        data: { type: 'helpdesk-channel-connect', credentials: { token: 'stolen' } },
      }),
    );
    // Right origin, another window: ignored.
    const other = fakePopup();
    const ignored = waitForMessage();
    run(
      other.win,
      `parent.postMessage({ type: 'helpdesk-channel-connect', credentials: { token: 'other' } }, '*')`,
    );
    await ignored;
    await settle(el);
    expect(el.shadowRoot!.textContent).to.contain(`Waiting for ${RELAY}`);

    const received = waitForMessage();
    run(
      win,
      `parent.postMessage({ type: 'helpdesk-channel-connect', credentials: { token: 'relay-123' } }, '*')`,
    );
    await received;
    await settle(el);
    expect(el.shadowRoot!.textContent).to.contain(`${RELAY} sent the connection details.`);
    button(el, 'Next').click();
    await expectStep(el, 'Route tickets from this channel');
    button(el, 'Next').click();
    await expectStep(el, `${RELAY} account is connected`);
    const account = (await firstValueFrom(store.accounts$)).at(-1)!;
    expect(account.channelId).to.equal('relay-whatsapp');
    frame.remove();
    other.frame.remove();
  });

  it('stops waiting on "Stop waiting", and says so when the pop-up is blocked', async () => {
    const { el } = await relayWizard();
    let closed = false;
    (el as ChannelConnectWizard).popup.open = () =>
      ({ closed: false, close: () => (closed = true) }) as unknown as Window;
    button(el, `Connect with ${RELAY}`).click();
    await settle(el);
    button(el, 'Stop waiting').click();
    await settle(el);
    expect(closed).to.be.true;
    getByRole(el, 'button', { name: `Connect with ${RELAY}` });
    button(el, 'Next').click();
    await settle(el);
    expect(getByRole(el, 'alert').textContent).to.contain(`Connect with ${RELAY} first`);

    (el as ChannelConnectWizard).popup.open = () => null;
    button(el, `Connect with ${RELAY}`).click();
    await settle(el);
    expect(el.shadowRoot!.textContent).to.contain('The pop-up was blocked.');
  });

  it('refuses to open a connection page that is not a web address', async () => {
    const desk = await makeDesk({
      change: (f) =>
        (f.channels.find((c) => c.id === 'relay-whatsapp')!.connectionUrl = 'javascript:alert(1)'),
    });
    const el = await mountWizard(desk.store);
    await chooseChannel(el, RELAY);
    let opened = false;
    el.popup.open = () => ((opened = true), null);
    button(el, `Connect with ${RELAY}`).click();
    await settle(el);
    expect(opened).to.be.false;
    expect(el.shadowRoot!.textContent).to.contain(`can't be opened`);
  });
});
