// The part of an element that only a page showing it needs: its templates and styles, in a chunk of
// their own that is fetched when the element is first connected. The element class itself (its tag,
// properties and state) stays in the kit's entries, so frameworks that set properties on it before
// it renders, and `defineElements()`, work as with any element; only its look arrives a moment later.
import { msg } from '@lit/localize';
import {
  adoptStyles,
  css,
  type CSSResultOrNative,
  html,
  type LitElement,
  type ReactiveController,
  type TemplateResult,
} from 'lit';

import { sharedStyles } from '../styles/shared.styles.js';

/** The styles of an element whose view is lazy: only its box; the rest come with the view. */
export const lazyHostStyles = [
  sharedStyles,
  css`
    :host {
      display: block;
    }
  `,
];

/** What a lazy view module gives: the styles to adopt when it arrives. */
export interface ViewModule {
  styles: CSSResultOrNative[];
}

export class LazyView<V extends ViewModule> implements ReactiveController {
  /** The loaded module; undefined until it arrives. */
  value?: V;
  private loading?: Promise<void>;
  private failed = false;

  constructor(
    private readonly host: LitElement,
    private readonly load: () => Promise<V>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.ready();
  }

  /** Whether the view has arrived or failed to (the element then says so). */
  get settled(): boolean {
    return this.value !== undefined || this.failed;
  }

  /** Resolves when the view is loaded (or failed to load, which the element then says). */
  ready(): Promise<void> {
    this.loading ??= this.load().then(
      (view) => {
        this.value = view;
        const own = (this.host.constructor as typeof LitElement).elementStyles;
        if (this.host.renderRoot instanceof ShadowRoot)
          adoptStyles(this.host.renderRoot, [...own, ...view.styles]);
        this.host.requestUpdate();
      },
      (error: unknown) => {
        // A chunk that cannot be fetched (offline, a deploy replaced it): say so instead of staying blank.
        console.error(error);
        this.failed = true;
        this.host.requestUpdate();
      },
    );
    return this.loading;
  }

  /** The view's template, or until it arrives an empty busy region (or the failure, with a way to retry). */
  render(view: (module: V) => TemplateResult): TemplateResult {
    if (this.value) return view(this.value);
    if (this.failed)
      return html`<p role="alert">
        ${msg('This part of the help desk could not be loaded.')}
        <button type="button" @click=${() => this.retry()}>${msg('Try again')}</button>
      </p>`;
    return html`<div aria-busy="true"></div>`;
  }

  private retry(): void {
    this.failed = false;
    this.loading = undefined;
    void this.ready();
    this.host.requestUpdate();
  }
}
