/**
 * Text made safe for where it is shown. Articles, file names and queries come from anyone; what the bot
 * prints must not be obeyed by the place it is printed in.
 *
 * - forTerminal: control characters are shown, not obeyed. An article cannot set the terminal's title,
 *   move the cursor or ring the bell (ESC, BEL, CSI...), and a newline in a file name is shown as ␊ rather
 *   than starting a line that looks like another answer.
 * - forDiscord: invisible characters are removed first, then mentions are neutralised, so that
 *   `@<U+200B>everyone` cannot turn back into `@everyone` once the zero-width space is gone.
 *
 * Every renderer passes the text it did not write itself through one of these.
 */

/** C0 controls, DEL and C1 controls (C1 includes 0x9b, a one-byte CSI on some terminals). */
// eslint-disable-next-line no-control-regex -- control characters are what is matched
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/**
 * Characters that reorder or hide text without being seen: bidirectional overrides and isolates (a file
 * name that reads backwards), and the line and paragraph separators some terminals break lines at.
 */
const REORDERING = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** A control character as a terminal can show it: its Unicode control picture, else `\u{xx}`. */
function showControl(char: string): string {
  const code = char.codePointAt(0)!;
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `\\u{${code.toString(16)}}`;
}

/** `text` with every control character shown as a visible symbol: nothing in it acts on the terminal. */
export function forTerminal(text: string): string {
  return text.replace(CONTROL, showControl).replace(REORDERING, showControl);
}

/**
 * Characters that take no room: zero-width spaces and joiners, the word joiner and invisible operators,
 * the byte-order mark, the soft hyphen, the combining grapheme joiner, Mongolian vowel separator,
 * Hangul fillers, variation selectors and tag characters. Removed before anything is matched.
 */
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class -- each joiner and selector is matched alone
  /[\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/gu;

/** `text` without the characters that take no room (see INVISIBLE). */
export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** A full-width commercial at: reads as "@", is never a mention. */
const AT = '\uff20';

/**
 * `text` fit to send to Discord: invisible characters and control characters (but for newlines and tabs)
 * removed, then `@everyone`, `@here` and user, role and channel mentions neutralised with a full-width
 * "@" (or "#"), a character that is seen, so no later removal can turn them back into mentions.
 */
export function forDiscord(text: string): string {
  return (
    removeInvisible(text)
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
      .replace(/@(?=everyone|here)/gi, AT)
      .replace(
        /<(@[!&]?|#)(?=\d+>)/g,
        (_, sigil: string) => `<${sigil.replace('@', AT).replace('#', '\uff03')}`,
      )
  );
}

/** Every string in `value` (a result, an answer, an array...) passed through `safe`: a copy. */
export function mapStrings<T>(value: T, safe: (text: string) => string): T {
  if (typeof value === 'string') return safe(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, safe)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = mapStrings(v, safe);
    return out as T;
  }
  return value;
}
