import { createEvent, type StreamEvent } from '@vmsc/core';
import { viewer } from './viewer.js';

const kickViewer = viewer('4309473', 'cool_viewer', 'Cool_Viewer', { isSubscriber: false });

/** Realistic samples of every Kick event type (fresh ids and timestamps each call). */
export function kickSamples(): StreamEvent[] {
  return [
    createEvent({
      source: 'kick',
      type: 'chat',
      user: kickViewer,
      data: {
        message: 'lets go [emote:37226:KEKW]',
        emotes: ['37226'],
        emoteDetails: [{ id: '37226', name: 'KEKW' }],
        chatId: '3fca9bb8-6d10-4a2c-8ab2-2b8f4d1b5f2b',
        senderIdentity: { color: '#E9113C', badges: [] },
      },
    }),
    createEvent({ source: 'kick', type: 'follow', user: kickViewer, data: { followersCount: 10452 } }),
    createEvent({ source: 'kick', type: 'subscribe', user: kickViewer, data: { months: 2 } }),
    createEvent({
      source: 'kick',
      type: 'gifted_sub',
      user: kickViewer,
      data: { giftCount: 3, giftedCount: 3, gifterUsername: 'cool_viewer' },
    }),
    createEvent({ source: 'kick', type: 'stream_offline', data: {} }),
    createEvent({ source: 'kick', type: 'unknown', data: { kind: 'PinnedMessageCreatedEvent', payload: { message: {} } } }),
  ];
}
