/**
 * One polite live region in the light DOM, shared by every thread on the page: live regions inside
 * shadow roots are not reliably heard by screen readers. Made on first use, visually hidden through
 * CSSOM (no style attribute, so a strict CSP allows it).
 */
let region: HTMLElement | undefined;

function liveRegion(): HTMLElement {
  if (region?.isConnected) return region;
  region = document.createElement('div');
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'true');
  region.dataset['helpdeskAnnouncer'] = '';
  Object.assign(region.style, {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: '0',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: '0',
  });
  document.body.append(region);
  return region;
}

/** Says `text` politely; the same text twice in a row is said twice. */
export function announce(text: string): void {
  if (typeof document === 'undefined' || !text) return;
  const target = liveRegion();
  target.textContent = '';
  // A new text node in a later task is what screen readers reliably pick up.
  setTimeout(() => (target.textContent = text), 50);
}
