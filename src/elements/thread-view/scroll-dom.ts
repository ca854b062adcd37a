// Geometry reads of the scroll window, kept apart from its bookkeeping. Each read may force a
// layout; the controller calls them only where the position must be exact in the same frame.

/** An anchor: a row key and where its content ends, from the viewport's top. */
export interface Anchor {
  key: string;
  top: number;
}

/** The rendered rows: the children of the rows container that carry a `data-key`. */
export function renderedRows(scroller: HTMLElement): HTMLElement[] {
  const content = scroller.querySelector<HTMLElement>('[data-rows]');
  if (!content) return [...scroller.querySelectorAll<HTMLElement>('[data-key]')];
  const rows: HTMLElement[] = [];
  for (const child of content.children) {
    if (child instanceof HTMLElement && child.dataset['key'] !== undefined) rows.push(child);
  }
  return rows;
}

export function rowByKey(scroller: HTMLElement, key: string): HTMLElement | null {
  return scroller.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
}

/** Distance from the scroller's content top to the first spacer; the scroller is `position: relative`. */
export function rowsOffset(scroller: HTMLElement): number {
  const spacer = scroller.querySelector<HTMLElement>('[data-spacer="top"]');
  return spacer ? spacer.offsetTop : 0;
}

export function distanceToBottom(scroller: HTMLElement): number {
  return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
}

/**
 * Where a row's content ends, from the viewport's top. The bottom, not the top: a row loses its
 * day separator or sender line when older rows arrive above it, and its text must not move.
 */
export function edge(scroller: HTMLElement, row: HTMLElement, viewTop?: number): number {
  const content = row.lastElementChild ?? row;
  return content.getBoundingClientRect().bottom - (viewTop ?? scroller.getBoundingClientRect().top);
}

/** The first rendered row in the viewport, with the offset of its content's bottom edge. */
export function findAnchor(scroller: HTMLElement): Anchor | null {
  const viewTop = scroller.getBoundingClientRect().top;
  const viewBottom = viewTop + scroller.clientHeight;
  for (const row of renderedRows(scroller)) {
    const rect = row.getBoundingClientRect();
    // Rows are in order: past the viewport's bottom, none later can be in view.
    if (rect.top >= viewBottom) break;
    if (rect.bottom > viewTop) return { key: row.dataset['key']!, top: edge(scroller, row, viewTop) };
  }
  return null;
}
