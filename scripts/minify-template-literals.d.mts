import type { Plugin } from 'vite';

/** Minifies the markup and CSS inside Lit's template literals (see minify-template-literals.mjs). */
export function minifyTemplateLiterals(): Plugin;
