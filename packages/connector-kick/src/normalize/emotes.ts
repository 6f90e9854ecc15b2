/** An emote found in a Kick message. */
export interface KickEmote {
  id: string;
  name: string;
}

const OPEN = '[emote:';

/**
 * Finds the `[emote:ID:name]` markup in a Kick message (adjacent emotes and emotes glued to text
 * included; ID must be numeric). Each emote id is listed once, in order of first use.
 *
 * @example
 * ```ts
 * parseEmotes('hi [emote:37226:KEKW][emote:37226:KEKW]'); // [{ id: '37226', name: 'KEKW' }]
 * ```
 */
export function parseEmotes(content: string): KickEmote[] {
  let start = content.indexOf(OPEN);
  if (start === -1) return [];
  const found: KickEmote[] = [];
  while (start !== -1) {
    const idStart = start + OPEN.length;
    let cursor = idStart;
    while (cursor < content.length) {
      const code = content.charCodeAt(cursor);
      if (code < 48 || code > 57) break;
      cursor++;
    }
    const close = content.indexOf(']', cursor);
    if (cursor > idStart && content.charCodeAt(cursor) === 58 && close !== -1) {
      const id = content.slice(idStart, cursor);
      if (!found.some((emote) => emote.id === id)) found.push({ id, name: content.slice(cursor + 1, close) });
      start = content.indexOf(OPEN, close + 1);
    } else {
      start = content.indexOf(OPEN, idStart);
    }
  }
  return found;
}
