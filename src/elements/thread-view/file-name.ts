import { msg } from '@lit/localize';

// C0/C1 controls, bidi embeddings, overrides and isolates, and marks that can flip how a name reads
// ("invoice\u202Efdp.exe" shown as "invoiceexe.pdf").
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/** A file name safe to show: no controls, no bidi tricks, no path; never empty; at most 200 characters. */
export function cleanFileName(name: string | null | undefined): string {
  const cleaned = (typeof name === 'string' ? name : '')
    .replace(UNSAFE, '')
    .replace(/[\\/]+/g, '_')
    .trim();
  if (cleaned === '') return msg('Untitled file');
  return cleaned.length > 200 ? `${cleaned.slice(0, 199)}…` : cleaned;
}
