/**
 * URLs from a channel are untrusted. These checks decide what may reach an `href` or a `src`.
 * Relative URLs are refused too: a channel's URL is meaningless relative to the host page.
 */

const linkProtocols = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** A link a user may follow: http, https, mailto or tel, as an absolute URL; otherwise undefined. */
export function safeLinkUrl(url: string | undefined | null): string | undefined {
  const parsed = parse(url);
  return parsed && linkProtocols.has(parsed.protocol) ? parsed.href : undefined;
}

const mediaProtocols = new Set(['http:', 'https:', 'blob:']);
// Only inert media types may come as data: URLs (no SVG, which can carry script when opened as a document).
const safeDataMedia = /^data:(image\/(png|jpe?g|gif|webp|avif)|audio\/[a-z0-9.+-]+|video\/[a-z0-9.+-]+)[;,]/i;

/**
 * A URL for an `<img>`, `<audio>` or `<video>` source: http(s), blob, or a data: URL of a raster image,
 * audio or video; otherwise undefined. Pass `allowSvgData` for images the kit itself made (channel logos
 * from fixtures), which `<img>` renders without running script.
 */
export function safeMediaUrl(
  url: string | undefined | null,
  options: { allowSvgData?: boolean } = {},
): string | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.trim();
  if (/^data:/i.test(trimmed)) {
    if (safeDataMedia.test(trimmed)) return trimmed;
    if (options.allowSvgData && /^data:image\/svg\+xml[;,]/i.test(trimmed)) return trimmed;
    return undefined;
  }
  const parsed = parse(trimmed);
  return parsed && mediaProtocols.has(parsed.protocol) ? parsed.href : undefined;
}

function parse(url: string | undefined | null): URL | undefined {
  if (typeof url !== 'string' || url.trim() === '') return undefined;
  try {
    return new URL(url.trim());
  } catch {
    return undefined;
  }
}
