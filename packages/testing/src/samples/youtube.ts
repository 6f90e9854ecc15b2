import { createEvent, type StreamEvent } from '@vmsc/core';
import { viewer } from './viewer.js';

const youtubeViewer = viewer('UCl4S4y9C4BbXoCt9bUMJ-hQ', '@streamfan', 'Stream Fan', {
  profilePictureUrl: 'https://yt4.ggpht.com/ytc/AIdro_k_sample=s88-c-k-c0x00ffffff-no-rj',
});

/** Realistic samples of every YouTube event type (fresh ids and timestamps each call). */
export function youtubeSamples(): StreamEvent[] {
  return [
    createEvent({ source: 'youtube', type: 'chat', user: youtubeViewer, data: { message: 'first time catching you live!' } }),
    createEvent({
      source: 'youtube',
      type: 'super_chat',
      user: youtubeViewer,
      data: { amount: 5, currency: 'USD', message: 'Keep it up!' },
    }),
    createEvent({
      source: 'youtube',
      type: 'super_sticker',
      user: youtubeViewer,
      data: { amount: 2, currency: 'USD', stickerId: 'stickers_yt_bear_wave_v2' },
    }),
    createEvent({ source: 'youtube', type: 'membership_gift', user: youtubeViewer, data: { tier: 'Member', giftCount: 5 } }),
    createEvent({
      source: 'youtube',
      type: 'member_milestone',
      user: youtubeViewer,
      data: { memberMonths: 12, message: 'A whole year!' },
    }),
    createEvent({ source: 'youtube', type: 'new_subscriber', user: youtubeViewer, data: {} }),
    createEvent({
      source: 'youtube',
      type: 'user_banned',
      user: youtubeViewer,
      data: { reason: 'temporary', moderator: { id: 'UCmod', username: '@chatmod', nickname: 'Chat Mod' } },
    }),
    createEvent({ source: 'youtube', type: 'stream_offline', data: { reason: 'chatEndedEvent' } }),
    createEvent({ source: 'youtube', type: 'unknown', data: { kind: 'pollEvent', payload: { id: 'LCC.poll' } } }),
  ];
}
