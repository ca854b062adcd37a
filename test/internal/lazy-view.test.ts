import { expect } from '@open-wc/testing';
import { css, html, LitElement } from 'lit';

import { LazyView, type ViewModule } from '../../src/internal/lazy-view.js';
import { getByRole, queryByRole } from '../helpers/queries.js';

interface GreetingView extends ViewModule {
  greet(name: string): ReturnType<typeof html>;
}

const greetingView: GreetingView = {
  styles: [
    css`
      p {
        color: rgb(1, 2, 3);
      }
    `,
  ],
  greet: (name) => html`<p>Hello, ${name}</p>`,
};

/** A loader the test settles by hand. */
function controlledLoader() {
  const calls: { resolve: (v: GreetingView) => void; reject: (e: unknown) => void }[] = [];
  const load = () =>
    new Promise<GreetingView>((resolve, reject) => {
      calls.push({ resolve, reject });
    });
  return { load, calls };
}

let loader = controlledLoader();
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

class LazyGreeting extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;
  readonly view = new LazyView(this, () => loader.load());
  name = 'Ana';

  protected override async getUpdateComplete(): Promise<boolean> {
    await this.view.ready();
    return super.getUpdateComplete();
  }

  protected override render() {
    return this.view.render((view) => view.greet(this.name));
  }
}
customElements.define('lazy-greeting', LazyGreeting);

describe('LazyView', () => {
  beforeEach(() => {
    loader = controlledLoader();
  });

  it('shows a busy region until the view arrives, then the view with its styles', async () => {
    const el = document.createElement('lazy-greeting') as LazyGreeting;
    document.body.append(el);
    try {
      await nextTask();
      expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).to.exist;
      expect(el.shadowRoot!.textContent).not.to.contain('Hello');
      expect(loader.calls).to.have.length(1);

      loader.calls[0]!.resolve(greetingView);
      await el.updateComplete;
      const paragraph = el.shadowRoot!.querySelector('p')!;
      expect(paragraph.textContent).to.equal('Hello, Ana');
      expect(getComputedStyle(paragraph).color).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(el).display, 'its own styles kept').to.equal('block');
      expect(el.shadowRoot!.querySelector('[aria-busy]')).to.equal(null);
    } finally {
      el.remove();
    }
  });

  it('loads once per element, not again when it is moved', async () => {
    const el = document.createElement('lazy-greeting') as LazyGreeting;
    document.body.append(el);
    try {
      loader.calls[0]!.resolve(greetingView);
      await el.updateComplete;
      el.remove();
      document.body.append(el);
      await el.updateComplete;
      expect(loader.calls).to.have.length(1);
      expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('Hello, Ana');
    } finally {
      el.remove();
    }
  });

  it('says when the view could not be loaded, and "Try again" loads it', async () => {
    const el = document.createElement('lazy-greeting') as LazyGreeting;
    document.body.append(el);
    try {
      const errors: unknown[] = [];
      const original = console.error;
      console.error = (e: unknown) => errors.push(e);
      loader.calls[0]!.reject(new TypeError('Failed to fetch dynamically imported module'));
      await el.updateComplete;
      console.error = original;
      expect(errors, 'the failure is logged for the developer').to.have.length(1);
      const alert = getByRole(el.shadowRoot!, 'alert');
      expect(alert.textContent).to.contain('This part of the help desk could not be loaded.');

      getByRole(el.shadowRoot!, 'button', 'Try again').click();
      expect(loader.calls).to.have.length(2);
      loader.calls[1]!.resolve(greetingView);
      await el.updateComplete;
      expect(queryByRole(el.shadowRoot!, 'alert')).to.equal(null);
      expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('Hello, Ana');
    } finally {
      el.remove();
    }
  });
});
