/** Pixels rendered beyond the viewport while the view jumps (a fling, a dragged scrollbar). */
const JUMP_OVERSCAN = 120;
/** Quiet time after the last jump before the overscan grows back. */
const SETTLE_MS = 120;
/** Overscan added per frame as it grows back: a few rows a frame, never a long task. */
const GROW_STEP = 240;

/**
 * How far beyond the viewport the scroll window renders. Small after a jump past every rendered
 * row, as only the viewport is worth rendering while the view flies by (rendering the full overscan
 * there doubled the rows built and laid out per frame); it grows back a step a frame once scrolling
 * settles, so slow scrolling again finds rows already rendered.
 */
export class Overscan {
  /** Pixels to render beyond each edge of the viewport. */
  value: number;
  /** Whether the view is flying by: it jumped, and no quiet time has passed since. */
  flying = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;

  constructor(
    private readonly full: number,
    private readonly render: () => void,
  ) {
    this.value = full;
  }

  /** Slack kept rendered beyond the viewport before a render is asked for. */
  get margin(): number {
    return this.value < this.full ? 0 : this.full / 2;
  }

  /** The view jumped: shrink now, grow back once no jump came for a while. */
  jumped(): void {
    this.stop();
    this.value = JUMP_OVERSCAN;
    this.flying = true;
    this.timer = setTimeout(() => {
      this.flying = false;
      this.grow();
    }, SETTLE_MS);
  }

  /** Back to the full overscan at once (another conversation). */
  reset(): void {
    this.stop();
    this.value = this.full;
  }

  stop(): void {
    this.flying = false;
    clearTimeout(this.timer);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private grow(): void {
    this.value = Math.min(this.full, this.value + GROW_STEP);
    this.render();
    this.frame = this.value < this.full ? requestAnimationFrame(() => this.grow()) : 0;
  }
}
