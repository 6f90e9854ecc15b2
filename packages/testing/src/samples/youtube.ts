import { createEvent, type StreamEvent } from '@vmsc/core';
import { viewer } from './viewer.js';

const youtubeViewer = viewer('UCl4S4y9C4BbXoCt9bUMJ-hQ', 'streamfan', '@streamfan', {
  profilePictureUrl: 'https://yt4.ggpht.com/ytc/AIdro_k_sample=s88-c-k-c0x00ffffff-no-rj',
  isModerator: false,
  isSubscriber: true,
});
const moderator = viewer('UCmodmodmodmodmodmodmodA', 'helpful_mod', '@helpful_mod', { isModerator: true });
const owner = viewer('UCX6OQ3ye0U0JG8TIW1hJbzg', 'the_streamer', '@the_streamer', { isModerator: true });
const banned = viewer('UCspamXspamXspamXspamXsA', 'spam_bot', '@spam_bot');
const meta = (platformMessageId: string) => ({ platformMessageId });

const poll = {
  pollId: 'LCC.poll-0001',
  title: 'Which map next?',
  status: 'active',
  choices: [
    { title: 'Forest', tally: '42' },
    { title: 'Desert', tally: '17' },
  ],
  totalTally: '59',
};

/** Realistic samples of every YouTube event type (fresh ids and timestamps each call). */
export function youtubeSamples(): StreamEvent[] {
  return [
    createEvent({
      source: 'youtube',
      type: 'chat',
      user: youtubeViewer,
      data: { message: 'first time catching you live!', messageId: 'LCC.chat-0001' },
      meta: meta('LCC.chat-0001'),
    }),
    createEvent({
      source: 'youtube',
      type: 'super_chat',
      user: youtubeViewer,
      data: {
        amount: 5,
        currency: 'USD',
        message: 'Keep it up!',
        amountMicros: '5000000',
        amountString: '5',
        amountDisplayString: '$5.00',
        tier: 2,
        messageId: 'LCC.superchat-0001',
      },
      meta: meta('LCC.superchat-0001'),
    }),
    createEvent({
      source: 'youtube',
      type: 'super_sticker',
      user: youtubeViewer,
      data: {
        amount: 2,
        currency: 'EUR',
        stickerId: 'youtube_gaming_cheer_wave',
        amountMicros: '2000000',
        amountString: '2',
        amountDisplayString: '€2.00',
        altText: 'YouTube Gaming character waving',
        altTextLanguage: 'en',
        tier: 1,
      },
    }),
    createEvent({
      source: 'youtube',
      type: 'membership_gift',
      user: youtubeViewer,
      data: { tier: 'Gold', giftCount: 5, messageId: 'LCC.gifting-0001' },
      meta: meta('LCC.gifting-0001'),
    }),
    createEvent({
      source: 'youtube',
      type: 'gift_membership_received',
      user: viewer('UCreceiverXreceiverXrecA', 'lucky_viewer', '@lucky_viewer', { isSubscriber: true }),
      data: { tier: 'Gold', gifterChannelId: 'UCl4S4y9C4BbXoCt9bUMJ-hQ', giftMessageId: 'LCC.gifting-0001' },
    }),
    createEvent({
      source: 'youtube',
      type: 'member_milestone',
      user: youtubeViewer,
      data: { memberMonths: 12, message: 'A whole year!', tier: 'Gold' },
    }),
    createEvent({ source: 'youtube', type: 'new_subscriber', user: youtubeViewer, data: { tier: 'Gold', isUpgrade: false } }),
    createEvent({
      source: 'youtube',
      type: 'user_banned',
      user: banned,
      data: {
        moderator: { id: moderator.id, username: moderator.username, nickname: moderator.nickname },
        banType: 'temporary',
        isPermanent: false,
        banDurationSeconds: '300',
        endsAt: 1714845725000,
      },
    }),
    createEvent({
      source: 'youtube',
      type: 'message_deleted',
      user: moderator,
      data: { messageId: 'LCC.chat-0001', via: 'messageDeletedEvent' },
    }),
    createEvent({ source: 'youtube', type: 'message_retracted', user: youtubeViewer, data: { messageId: 'LCC.chat-0002' } }),
    createEvent({ source: 'youtube', type: 'poll_begin', user: owner, data: poll }),
    createEvent({
      source: 'youtube',
      type: 'poll_progress',
      user: owner,
      data: {
        ...poll,
        choices: [
          { title: 'Forest', tally: '50' },
          { title: 'Desert', tally: '21' },
        ],
        totalTally: '71',
      },
    }),
    createEvent({
      source: 'youtube',
      type: 'poll_end',
      user: owner,
      data: {
        ...poll,
        status: 'closed',
        choices: [
          { title: 'Forest', tally: '61' },
          { title: 'Desert', tally: '30' },
        ],
        totalTally: '91',
      },
    }),
    createEvent({
      source: 'youtube',
      type: 'jewels_gift',
      user: youtubeViewer,
      data: { giftName: 'Heart', jewelsAmount: 10, comboCount: 3, hasVisualEffect: true, messageId: 'LCC.gift-0001' },
    }),
    createEvent({ source: 'youtube', type: 'members_only_mode', user: owner, data: { enabled: true } }),
    createEvent({ source: 'youtube', type: 'stream_offline', data: { reason: 'chatEndedEvent', offlineAt: 1714852800000 } }),
    createEvent({ source: 'youtube', type: 'unknown', data: { kind: 'invalidType', payload: { id: 'LCC.odd' }, reason: 'no mapping' } }),
  ];
}
