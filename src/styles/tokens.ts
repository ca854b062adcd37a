import { css, type CSSResult, unsafeCSS } from 'lit';

/**
 * The design tokens: every `--hd-*` custom property with its light and dark value. The provider
 * declares them on its host so they inherit into every element below it, through shadow roots.
 * Elements read them with `token()`, which falls back to the light value, so an element used
 * without a provider still looks right.
 */
const tokens = {
  'color-bg': ['#ffffff', '#111418'],
  'color-surface': ['#f6f7f9', '#1a1e24'],
  'color-surface-raised': ['#ffffff', '#232830'],
  'color-border': ['#d5d9e0', '#3a414c'],
  'color-text': ['#1c2128', '#e8ebef'],
  'color-text-muted': ['#59616d', '#a9b1bc'],
  'color-accent': ['#1f5fd1', '#7aa7ff'],
  'color-accent-contrast': ['#ffffff', '#0b1526'],
  'color-accent-soft': ['#e6eefc', '#1d2b45'],
  'color-danger': ['#b42318', '#ff8a80'],
  'color-success': ['#1e7a3c', '#7bd88f'],
  'color-warning': ['#8a5a00', '#f5c26b'],
  'color-focus': ['#1f5fd1', '#9cc0ff'],
  'space-1': ['4px', '4px'],
  'space-2': ['8px', '8px'],
  'space-3': ['12px', '12px'],
  'space-4': ['16px', '16px'],
  'space-5': ['24px', '24px'],
  'space-6': ['32px', '32px'],
  'radius-sm': ['4px', '4px'],
  'radius-md': ['8px', '8px'],
  'radius-lg': ['12px', '12px'],
  'radius-pill': ['999px', '999px'],
  'font-family': [
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif",
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif",
  ],
  'font-size-sm': ['0.8125rem', '0.8125rem'],
  'font-size-md': ['0.9375rem', '0.9375rem'],
  'font-size-lg': ['1.125rem', '1.125rem'],
  'font-weight-bold': ['600', '600'],
  'line-height': ['1.45', '1.45'],
  'shadow-sm': ['0 1px 2px rgb(16 24 40 / 0.08)', '0 1px 2px rgb(0 0 0 / 0.5)'],
  'shadow-md': ['0 4px 12px rgb(16 24 40 / 0.14)', '0 4px 12px rgb(0 0 0 / 0.6)'],
  'focus-ring-width': ['2px', '2px'],
  'focus-ring-offset': ['2px', '2px'],
} as const;

export type TokenName = keyof typeof tokens;

/** Every token's name, for docs and tests. */
export const tokenNames = Object.keys(tokens) as TokenName[];

/** `var(--hd-<name>, <light value>)`, for element styles. */
export function token(name: TokenName): CSSResult {
  return unsafeCSS(`var(--hd-${name}, ${tokens[name][0]})`);
}

function declarations(theme: 0 | 1): CSSResult {
  return unsafeCSS(
    Object.entries(tokens)
      .map(([name, values]) => `--hd-${name}: ${values[theme]};`)
      .join('\n'),
  );
}

/** The tokens as declared by `<help-desk-provider>`: light by default, dark on request or by preference. */
export const themeStyles = css`
  :host {
    ${declarations(0)}
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${declarations(1)}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${declarations(1)}
      color-scheme: dark;
    }
  }
`;
