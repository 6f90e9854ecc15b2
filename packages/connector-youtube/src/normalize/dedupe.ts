import type { RawLiveChatMessage } from '../raw/messages.js';

/**
 * The identity of a message for "deliver once": its id, except
 * - `giftEvent`, whose id is reused while its `comboCount` grows: id + combo count;
 * - `messageDeletedEvent` and `tombstone`, which both announce a removal (a tombstone reuses the
 *   removed message's id): the removed message's id, so each removal is delivered once;
 * - `pollEvent`, handled by the poll tracker (the same poll id carries new tallies): no key.
 */
export function dedupeKey(item: RawLiveChatMessage): string | undefined {
  const snippet = item.snippet;
  switch (snippet?.type) {
    case 'giftEvent':
      return item.id ? `${item.id}#${snippet.giftDetails?.comboCount ?? ''}` : undefined;
    case 'messageDeletedEvent': {
      const removed = snippet.messageDeletedDetails?.deletedMessageId;
      return removed ? `deleted:${removed}` : item.id;
    }
    case 'tombstone':
      return item.id ? `deleted:${item.id}` : undefined;
    case 'pollEvent':
      return undefined;
    default:
      return item.id;
  }
}
