/**
 * The one shortener: text cut to a length at a word or a line, with an ellipsis. Discord's limits
 * (bot/render/limits.ts) and the autocomplete choices both cut with it.
 */

export const ELLIPSIS = '…';

/**
 * `text` in at most `max` characters: cut at the last space (or line) before the limit, an ellipsis added.
 * A word is cut only when there is no space in the last third.
 */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  const room = max - ELLIPSIS.length;
  const head = text.slice(0, room + 1);
  const space = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\n'));
  let kept = space >= room * (2 / 3) ? head.slice(0, space) : head.slice(0, room);
  kept = kept.replace(/[\s,;:]+$/u, '');
  // A lone surrogate would break the JSON; a trailing backslash would escape the ellipsis.
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  kept = kept.replace(/\\+$/, '');
  return `${kept}${ELLIPSIS}`;
}
