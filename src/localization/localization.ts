import { configureLocalization } from '@lit/localize';

/** The languages the kit speaks. */
export const supportedLocales = ['en', 'pt-BR'] as const;
export type SupportedLocale = (typeof supportedLocales)[number];

let controls: ReturnType<typeof configureLocalization> | undefined;

// Configured on first use, not at import, so importing the kit has no side effects.
function localization() {
  controls ??= configureLocalization({
    sourceLocale: 'en',
    targetLocales: ['pt-BR'],
    loadLocale: () => import('./generated/pt-BR.js'),
  });
  return controls;
}

/** The supported locale closest to a BCP 47 tag (`pt`, `pt-br` and `pt-PT` become `pt-BR`). */
export function resolveLocale(tag: string | null | undefined): SupportedLocale {
  return tag?.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
}

/**
 * Switches the language of every kit element on the page. Strings are page-wide in
 * `@lit/localize`, so two providers asking for different languages end with the last one asked.
 */
export function setLocale(tag: string | null | undefined): Promise<void> {
  const locale = resolveLocale(tag);
  const { getLocale, setLocale: apply } = localization();
  return getLocale() === locale ? Promise.resolve() : apply(locale);
}

/** The language the kit currently speaks. */
export function getLocale(): SupportedLocale {
  return resolveLocale(localization().getLocale());
}
