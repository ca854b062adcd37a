/** What `ScrollWindow` needs from its host. */
export interface ScrollWindowOptions {
  /** The row keys, oldest first. */
  keys: () => readonly string[];
  /** The scrolling element (in the host's render root). */
  scroller: () => HTMLElement | null | undefined;
  /** Called when the window reaches the oldest row and the view is near the top. */
  onNearTop?: () => void;
  /** Called when following the newest row starts or stops. */
  onBottomChange?: (atBottom: boolean) => void;
  /** Pixels rendered beyond each edge of the viewport. */
  overscan?: number;
  /** Row height assumed before any row is measured. */
  estimate?: number;
}
