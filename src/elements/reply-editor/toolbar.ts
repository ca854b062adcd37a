import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

import type { InsertableKind, RichTextFeature } from '../../model/index.js';
import { attachIcon, imageIcon, linkIcon } from './icons.js';
import { menuButtonKeydown, menuKeydown } from './menu.js';

export interface ToolbarProps {
  features: readonly RichTextFeature[];
  canImage: boolean;
  canFile: boolean;
  open: boolean;
  disabled: boolean;
  isActive: (feature: RichTextFeature) => boolean;
  toggle: (feature: RichTextFeature) => void;
  link: () => void;
  image: () => void;
  file: () => void;
  toggleInsert: () => void;
  openInsertAt: (at: 'first' | 'last') => void;
  closeInsert: () => void;
  pickKind: (kind: InsertableKind) => void;
}

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** The styles, in toolbar order, with their names and shortcuts. */
function styleButtons(): { feature: RichTextFeature; label: string; keys: string; glyph: string }[] {
  const mod = isMac() ? 'Meta' : 'Control';
  return [
    { feature: 'bold', label: msg('Bold'), keys: `${mod}+B`, glyph: 'B' },
    { feature: 'italic', label: msg('Italic'), keys: `${mod}+I`, glyph: 'I' },
    { feature: 'underline', label: msg('Underline'), keys: `${mod}+U`, glyph: 'U' },
    { feature: 'strike', label: msg('Strikethrough'), keys: '', glyph: 'S' },
    { feature: 'code', label: msg('Code'), keys: `${mod}+E`, glyph: '</>' },
    { feature: 'bullet-list', label: msg('Bulleted list'), keys: `${mod}+Shift+8`, glyph: '•' },
    { feature: 'ordered-list', label: msg('Numbered list'), keys: `${mod}+Shift+7`, glyph: '1.' },
  ];
}

export function insertKinds(): { kind: InsertableKind; label: string }[] {
  return [
    { kind: 'snippet', label: msg('Snippet') },
    { kind: 'knowledge-article', label: msg('Knowledge article') },
    { kind: 'meeting-link', label: msg('Meeting link') },
    { kind: 'quote', label: msg('Quote') },
    { kind: 'document', label: msg('Document') },
  ];
}

/**
 * The toolbar: style buttons the channel allows (none on a plain-text channel), Link, the file
 * buttons the channel's attachment kinds allow, and the "Insert" menu.
 */
export function renderToolbar(p: ToolbarProps): TemplateResult {
  const allowed = new Set(p.features);
  const styles = styleButtons().filter((b) => allowed.has(b.feature));
  const mod = isMac() ? 'Meta' : 'Control';
  return html`<div role="toolbar" class="row toolbar" part="toolbar" aria-label=${msg('Formatting')}>
    ${styles.map(
      (b) =>
        html`<button
          class="tool"
          aria-pressed=${p.isActive(b.feature) ? 'true' : 'false'}
          aria-keyshortcuts=${b.keys || nothing}
          title=${b.label}
          ?disabled=${p.disabled}
          @mousedown=${(e: Event) => e.preventDefault()}
          @click=${() => p.toggle(b.feature)}
        >
          <span aria-hidden="true">${b.glyph}</span><span class="visually-hidden">${b.label}</span>
        </button>`,
    )}
    ${
      allowed.has('link')
        ? html`<button
            class="tool"
            aria-pressed=${p.isActive('link') ? 'true' : 'false'}
            aria-keyshortcuts="${mod}+K"
            title=${msg('Link')}
            ?disabled=${p.disabled}
            @mousedown=${(e: Event) => e.preventDefault()}
            @click=${p.link}
          >
            ${linkIcon}<span class="visually-hidden">${msg('Link')}</span>
          </button>`
        : nothing
    }
    ${
      p.canImage
        ? html`<button class="tool" title=${msg('Insert image')} ?disabled=${p.disabled} @click=${p.image}>
            ${imageIcon}<span class="visually-hidden">${msg('Insert image')}</span>
          </button>`
        : nothing
    }
    ${
      p.canFile
        ? html`<button class="tool" title=${msg('Attach file')} ?disabled=${p.disabled} @click=${p.file}>
            ${attachIcon}<span class="visually-hidden">${msg('Attach file')}</span>
          </button>`
        : nothing
    }
    <span class="popover-anchor">
      <button
        class="tool"
        id="insert-button"
        aria-haspopup="menu"
        aria-expanded=${p.open ? 'true' : 'false'}
        ?disabled=${p.disabled}
        @click=${p.toggleInsert}
        @keydown=${(e: KeyboardEvent) => menuButtonKeydown(e, p.openInsertAt)}
      >
        ${msg('Insert')}
      </button>
      ${
        p.open
          ? html`<div
              role="menu"
              id="insert-menu"
              aria-label=${msg('Insert')}
              @keydown=${(e: KeyboardEvent) => menuKeydown(e, p.closeInsert)}
            >
              ${insertKinds().map(
                (k) =>
                  html`<button role="menuitem" tabindex="-1" @click=${() => p.pickKind(k.kind)}>
                    ${k.label}
                  </button>`,
              )}
            </div>`
          : nothing
      }
    </span>
  </div>`;
}

function tools(root: ShadowRoot): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[role="toolbar"] .tool')];
}

/** The toolbar is one tab stop (the last tool used); returns the index kept. */
export function syncToolbarTabindex(root: ShadowRoot, index: number): number {
  const list = tools(root);
  const kept = Math.max(0, Math.min(index, list.length - 1));
  list.forEach((t, i) => (t.tabIndex = i === kept ? 0 : -1));
  return kept;
}

/** Arrows, Home and End move between tools; returns the index moved to, if any. */
export function toolbarKeydown(event: KeyboardEvent, root: ShadowRoot): number | undefined {
  const list = tools(root);
  const current = list.indexOf(root.activeElement as HTMLElement);
  if (current < 0) return undefined;
  const rtl = getComputedStyle(list[current]!).direction === 'rtl' ? -1 : 1;
  const step = event.key === 'ArrowRight' ? rtl : event.key === 'ArrowLeft' ? -rtl : 0;
  let next: number | undefined;
  if (step) next = (current + step + list.length) % list.length;
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = list.length - 1;
  if (next === undefined) return undefined;
  event.preventDefault();
  syncToolbarTabindex(root, next);
  list[next]!.focus();
  return next;
}
