import { getLocale } from '../localization/localization.js';

// Intl formatters are costly to build and the list formats thousands of rows: one per locale and style.
const cache = new Map<string, Intl.RelativeTimeFormat | Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.RelativeTimeFormat | Intl.DateTimeFormat | Intl.NumberFormat>(
  key: string,
  make: (locale: string) => T,
): T {
  const locale = getLocale();
  const id = `${locale}|${key}`;
  let formatter = cache.get(id) as T | undefined;
  if (!formatter) {
    formatter = make(locale);
    cache.set(id, formatter);
  }
  return formatter;
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** A short time relative to `now` in the desk's language ("5 min. ago", "há 5 min."); "now" under a minute. */
export function formatRelativeTime(time: number, now = Date.now()): string {
  if (!Number.isFinite(time)) return '';
  const format = cached(
    'relative',
    (l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto', style: 'short' }),
  );
  const delta = time - now;
  for (const [unit, size] of units) {
    if (Math.abs(delta) >= size) return format.format(Math.trunc(delta / size), unit);
  }
  return format.format(0, 'second');
}

/** Date and time in full, for titles and accessible names ("Nov 25, 2026, 9:02 AM"). */
export function formatDateTime(time: number): string {
  if (!Number.isFinite(time)) return '';
  return cached(
    'datetime',
    (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(time);
}

/** Time of day only ("9:02 AM"), under a message. */
export function formatTime(time: number): string {
  if (!Number.isFinite(time)) return '';
  return cached('time', (l) => new Intl.DateTimeFormat(l, { timeStyle: 'short' })).format(time);
}

/** A calendar day ("Wednesday, November 25, 2026"), for day separators. */
export function formatDay(time: number): string {
  if (!Number.isFinite(time)) return '';
  return cached('day', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'full' })).format(time);
}

/** A byte count for people ("1.2 MB"); an unknown, negative or non-finite size gives ''. */
export function formatFileSize(bytes: number | undefined | null): string {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0) return '';
  const steps: [string, number][] = [
    ['gigabyte', 1e9],
    ['megabyte', 1e6],
    ['kilobyte', 1e3],
  ];
  for (const [unit, size] of steps) {
    if (bytes >= size) {
      return cached(
        unit,
        (l) => new Intl.NumberFormat(l, { style: 'unit', unit, maximumFractionDigits: 1 }),
      ).format(bytes / size);
    }
  }
  return cached('byte', (l) => new Intl.NumberFormat(l, { style: 'unit', unit: 'byte' })).format(bytes);
}

/** A duration in seconds as m:ss or h:mm:ss (audio players). */
export function formatDuration(seconds: number | undefined | null): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return '';
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

// One segmenter for every call: rows and messages ask for initials thousands of times a second when a
// list is flung, and building an Intl.Segmenter costs far more than using one.
let segmenter: Intl.Segmenter | undefined;

function firstGrapheme(word: string | undefined): string {
  if (!word) return '';
  // Two ASCII characters cannot be one grapheme cluster: skip the segmenter for most names.
  if (word.charCodeAt(0) < 0x80 && (word.length === 1 || word.charCodeAt(1) < 0x80)) return word[0]!;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return segmenter.segment(word)[Symbol.iterator]().next().value?.segment ?? '';
}

/**
 * Up to two initials for an avatar without a picture. Works on grapheme clusters, so emoji sequences and
 * combining characters are never cut in half; '?' when the name has no letters.
 */
export function initials(name: string | undefined | null): string {
  const words = (name ?? '').trim().split(/\s+/u).filter(Boolean);
  const result = firstGrapheme(words[0]) + (words.length > 1 ? firstGrapheme(words[words.length - 1]) : '');
  return result ? result.toLocaleUpperCase() : '?';
}
