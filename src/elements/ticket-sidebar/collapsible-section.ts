import { html, type TemplateResult } from 'lit';

/** The sections a sidebar can show, by the names the `sections` attribute takes. */
export type SectionName = 'ticket' | 'contact' | 'past-conversations';

export const ALL_SECTIONS: readonly SectionName[] = ['ticket', 'contact', 'past-conversations'];

const aliases: Record<string, SectionName> = {
  ticket: 'ticket',
  contact: 'contact',
  'past-conversations': 'past-conversations',
  past: 'past-conversations',
};

/**
 * Section names from an attribute value (space- or comma-separated), in the order given, each once;
 * unknown names are ignored. `null` (no attribute) gives every section; an attribute that names none
 * of them gives none.
 */
export function parseSections(value: string | null | undefined): SectionName[] {
  if (value === null || value === undefined) return [...ALL_SECTIONS];
  const names = value
    .toLowerCase()
    .split(/[\s,]+/)
    .map((word) => aliases[word])
    .filter((name): name is SectionName => name !== undefined);
  return [...new Set(names)];
}

/**
 * Remembers which sections the rep collapsed, in `localStorage` under `<storageKey>:ticket-sidebar:collapsed`
 * (the same prefix the store uses by default, so one desk's preferences sit together). Storage may be
 * missing or refuse writes (private mode, sandboxed frames): then the choice lasts until reload.
 */
export class CollapsedStorage {
  constructor(private readonly storage: () => Storage | null = defaultStorage) {}

  key(storageKey: string): string {
    return `${storageKey}:ticket-sidebar:collapsed`;
  }

  /** The stored choice, or null when the rep never toggled a section (the `collapsed` attribute applies). */
  read(storageKey: string): Set<SectionName> | null {
    try {
      const raw = this.storage()?.getItem(this.key(storageKey));
      if (!raw) return null;
      const parsed: unknown = JSON.parse(raw);
      if (!Array.isArray(parsed)) return null;
      return new Set(parseSections(parsed.filter((x) => typeof x === 'string').join(' ')));
    } catch {
      return null;
    }
  }

  write(storageKey: string, collapsed: ReadonlySet<SectionName>): void {
    try {
      this.storage()?.setItem(this.key(storageKey), JSON.stringify([...collapsed]));
    } catch {
      // A full or forbidden storage only costs the preference.
    }
  }
}

function defaultStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export interface SectionOptions {
  name: SectionName;
  title: string;
  level: number;
  collapsed: boolean;
  busy: boolean;
  onToggle: () => void;
  body: () => TemplateResult;
}

/**
 * One collapsible region: a heading whose button says whether the region is expanded, and the region
 * labelled by that button. The body is not rendered while collapsed, so a collapsed section costs nothing.
 */
export function renderSection(o: SectionOptions): TemplateResult {
  const headingId = `${o.name}-heading`;
  const bodyId = `${o.name}-body`;
  return html`<section part="section ${o.name}" class="section" aria-labelledby=${headingId}>
    <div part="heading" class="heading" role="heading" aria-level=${o.level}>
      <button
        part="toggle"
        class="toggle"
        id=${headingId}
        type="button"
        aria-expanded=${o.collapsed ? 'false' : 'true'}
        aria-controls=${bodyId}
        @click=${o.onToggle}
      >
        <span class="chevron" aria-hidden="true"></span>${o.title}
      </button>
    </div>
    <div class="body" id=${bodyId} ?hidden=${o.collapsed} aria-busy=${o.busy ? 'true' : 'false'}>
      ${o.collapsed ? '' : o.body()}
    </div>
  </section>`;
}
