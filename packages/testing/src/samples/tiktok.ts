import { createEvent, type StreamEvent } from '@vmsc/core';
import { viewer } from './viewer.js';

const tiktokFan = viewer('7034582914412233733', 'rosefan.88', 'Rose Fan 🌹', {
  profilePictureUrl: 'https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7034582914412233733~c5_100x100.webp',
  followRole: 1,
  isModerator: false,
  isSubscriber: true,
});

/** Realistic samples of every TikTok event type (fresh ids and timestamps each call). */
export function tiktokSamples(): StreamEvent[] {
  return [
    createEvent({ source: 'tiktok', type: 'chat', user: tiktokFan, data: { message: 'hello from the stream! 🔥', emotes: [] } }),
    createEvent({
      source: 'tiktok',
      type: 'gift',
      user: tiktokFan,
      data: {
        giftName: 'Rose',
        giftId: 5655,
        diamondCount: 1,
        repeatCount: 5,
        repeatEnd: true,
        streakId: '7301962345897160777',
        giftType: 1,
        streakable: true,
        giftImageUrl: 'https://p19-webcast.tiktokcdn.com/img/maliva/webcast-va/eba3a9bb85c33e017f3648eaf88d7189~tplv-obj.png',
      },
    }),
    createEvent({ source: 'tiktok', type: 'like', user: tiktokFan, data: { likeCount: 15, totalLikes: 48210 } }),
    createEvent({ source: 'tiktok', type: 'follow', user: tiktokFan, data: {} }),
    createEvent({ source: 'tiktok', type: 'share', user: tiktokFan, data: {} }),
    createEvent({ source: 'tiktok', type: 'join', user: tiktokFan, data: {} }),
    createEvent({ source: 'tiktok', type: 'subscribe', user: tiktokFan, data: { subMonth: 3 } }),
    createEvent({ source: 'tiktok', type: 'emote', user: tiktokFan, data: { emoteId: '7258946584013573894' } }),
    createEvent({ source: 'tiktok', type: 'viewer_count', data: { viewerCount: 1287, totalViewers: 20411 } }),
    createEvent({ source: 'tiktok', type: 'envelope', user: tiktokFan, data: { envelopeId: '7301962345897160491', coins: 500 } }),
    createEvent({ source: 'tiktok', type: 'stream_offline', data: { reason: 'control:3' } }),
    createEvent({ source: 'tiktok', type: 'stream_pause', data: { reason: 'control:1' } }),
    createEvent({ source: 'tiktok', type: 'stream_resume', data: { reason: 'control:2' } }),
    createEvent({ source: 'tiktok', type: 'unknown', data: { kind: 'WebcastLinkMicBattle', payload: { battleId: '7301' } } }),
  ];
}
