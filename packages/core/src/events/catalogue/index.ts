import { heartrateEvents } from './heartrate.js';
import { kickEvents } from './kick.js';
import { streamelementsEvents } from './streamelements.js';
import { streamlabsEvents } from './streamlabs.js';
import { tiktokEvents } from './tiktok.js';
import { twitchEvents } from './twitch.js';
import { youtubeEvents } from './youtube.js';

/**
 * The event catalogue: for every built-in platform (the `source` of its events), the zod schema of
 * each event type's `data`. It is the one source of truth for both validation and the TypeScript
 * types ({@link EventData} is inferred from it).
 */
export const catalogue = {
  tiktok: tiktokEvents,
  twitch: twitchEvents,
  youtube: youtubeEvents,
  kick: kickEvents,
  streamlabs: streamlabsEvents,
  streamelements: streamelementsEvents,
  heartrate: heartrateEvents,
} as const;

/** The shape of {@link catalogue}. */
export type Catalogue = typeof catalogue;
