import type { StreamEvent } from '@vmsc/core';
import { heartrateSamples } from './heartrate.js';
import { kickSamples } from './kick.js';
import { streamelementsSamples } from './streamelements.js';
import { streamlabsSamples } from './streamlabs.js';
import { tiktokSamples } from './tiktok.js';
import { twitchSamples } from './twitch.js';
import { youtubeSamples } from './youtube.js';

/**
 * Realistic sample events: at least one for every event type of every platform in the catalogue,
 * with the values a real stream produces. For demos, documentation and tests of rules and overlays.
 * Built anew (fresh ids and timestamps) each call.
 */
export function sampleEvents(): StreamEvent[] {
  return [
    ...tiktokSamples(),
    ...twitchSamples(),
    ...youtubeSamples(),
    ...kickSamples(),
    ...streamlabsSamples(),
    ...streamelementsSamples(),
    ...heartrateSamples(),
  ];
}

export { tiktokSamples, twitchSamples, youtubeSamples, kickSamples, streamlabsSamples, streamelementsSamples, heartrateSamples };
