/**
 * Loads the hostile-input corpus (xss-vectors.txt, next to this file). The format is described at
 * the top of that file: one vector per line, "#" comments, "#: section" headers, and a few escapes
 * so control characters, bidi overrides and long values fit on one line.
 */

export interface Vector {
  /** 1-based line in xss-vectors.txt, for failure messages. */
  line: number;
  /** The "#: name" section the vector is in ("" before the first header). */
  section: string;
  /** The decoded vector. */
  value: string;
}

const SIMPLE: Record<string, string> = { n: '\n', r: '\r', t: '\t', '0': '\0', '\\': '\\' };

/** Reads one escape at `raw[i]` (just after a backslash): [decoded text, index after it]. */
function escapeAt(raw: string, i: number): [string, number] {
  const c = raw[i];
  if (c !== undefined && c in SIMPLE) return [SIMPLE[c]!, i + 1];
  if (c === 'x' && /^[0-9a-f]{2}$/i.test(raw.slice(i + 1, i + 3))) {
    return [String.fromCharCode(parseInt(raw.slice(i + 1, i + 3), 16)), i + 3];
  }
  if (c === 'u' && raw[i + 1] === '{') {
    const end = raw.indexOf('}', i + 2);
    const hex = end > 0 ? raw.slice(i + 2, end) : '';
    if (/^[0-9a-f]{1,6}$/i.test(hex)) return [String.fromCodePoint(parseInt(hex, 16)), end + 1];
  }
  if (c === 'u' && /^[0-9a-f]{4}$/i.test(raw.slice(i + 1, i + 5))) {
    return [String.fromCharCode(parseInt(raw.slice(i + 1, i + 5), 16)), i + 5];
  }
  if (c === '*') {
    const match = /^\*(\d+)\{/.exec(raw.slice(i));
    if (match) {
      // The body ends at the first "}" that does not close a \u{...} escape inside it.
      let j = i + match[0].length;
      while (j < raw.length && raw[j] !== '}') {
        if (raw.startsWith('\\u{', j)) j = raw.indexOf('}', j) + 1 || raw.length;
        else j += raw[j] === '\\' ? 2 : 1;
      }
      const body = decodeEscapes(raw.slice(i + match[0].length, j));
      return [body.repeat(Number(match[1])), j + 1];
    }
  }
  // Any other backslash is literal (CSS escapes such as \6a stay as written).
  return ['\\', i];
}

/** Decodes the escapes a corpus line may hold. */
export function decodeEscapes(raw: string): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const slash = raw.indexOf('\\', i);
    if (slash < 0) return out + raw.slice(i);
    out += raw.slice(i, slash);
    const [text, next] = escapeAt(raw, slash + 1);
    out += text;
    i = next;
  }
  return out;
}

/** Parses the corpus text into vectors. */
export function parseVectors(source: string): Vector[] {
  const vectors: Vector[] = [];
  let section = '';
  source.split('\n').forEach((raw, index) => {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.startsWith('#:')) section = text.slice(2).trim();
    if (text === '' || text.startsWith('#')) return;
    vectors.push({ line: index + 1, section, value: decodeEscapes(text) });
  });
  return vectors;
}

let loaded: Promise<Vector[]> | undefined;

/** The corpus, fetched from the test server once per test file. */
export function loadVectors(): Promise<Vector[]> {
  loaded ??= fetch(new URL('./xss-vectors.txt', import.meta.url)).then(async (response) => {
    if (!response.ok) throw new Error(`xss-vectors.txt: HTTP ${response.status}`);
    return parseVectors(await response.text());
  });
  return loaded;
}

/** Splits a list into chunks of `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A short, printable label of a vector for test names and failure messages. */
export function label(vector: Vector): string {
  const shown = JSON.stringify(vector.value);
  return `line ${vector.line} ${shown.length > 90 ? `${shown.slice(0, 87)}…"` : shown}`;
}
