/** An emote found in a Kick message. */
export interface KickEmote {
  id: string;
  name: string;
}

const EMOTE_PATTERN = /\[emote:(\d+):([^\]]*)\]/g;

/**
 * Finds the `[emote:ID:name]` markup in a Kick message (adjacent emotes and emotes glued to text
 * included). Each emote id is listed once, in order of first use.
 *
 * @example
 * ```ts
 * parseEmotes('hi [emote:37226:KEKW][emote:37226:KEKW]'); // [{ id: '37226', name: 'KEKW' }]
 * ```
 */
export function parseEmotes(content: string): KickEmote[] {
  if (content.indexOf('[emote:') === -1) return [];
  const found: KickEmote[] = [];
  const seen = new Set<string>();
  for (const match of content.matchAll(EMOTE_PATTERN)) {
    const id = match[1]!;
    if (seen.has(id)) continue;
    seen.add(id);
    found.push({ id, name: match[2]! });
  }
  return found;
}
