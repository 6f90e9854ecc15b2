import { createEvent, systemUser, type StreamEvent } from '@vmsc/core';
import { viewer } from './viewer.js';

const kickViewer = viewer('4309473', 'cool_viewer', 'Cool_Viewer', { isSubscriber: false });
const kickModerator = { id: '27901823', username: 'santiii-53', nickname: 'Santiii_53' };

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
        senderIdentity: { color: '#E9113C', badges: [{ type: 'subscriber', text: 'Subscriber', count: 3 }] },
        messageType: 'message',
      },
    }),
    createEvent({ source: 'kick', type: 'follow', data: { followersCount: 10452, anonymous: true } }),
    createEvent({ source: 'kick', type: 'unfollow', data: { followersCount: 10451 } }),
    createEvent({ source: 'kick', type: 'subscribe', user: kickViewer, data: { months: 2 } }),
    createEvent({
      source: 'kick',
      type: 'gifted_sub',
      user: kickViewer,
      data: { giftCount: 3, giftedCount: 3, gifterUsername: 'cool_viewer', recipients: ['ebii03', 'lovesxb1', 'O7no'], gifterTotal: 9 },
    }),
    createEvent({
      source: 'kick',
      type: 'kicks_gift',
      user: kickViewer,
      data: {
        giftId: 'rage_quit',
        giftName: 'Rage Quit',
        amount: 500,
        giftType: 'LEVEL_UP',
        tier: 'MID',
        message: 'gg',
        transactionId: 'b922fca5-73b3-45d2-a28e-135553dd8a06',
        expiresAt: 1790526136212,
      },
    }),
    createEvent({
      source: 'kick',
      type: 'host',
      user: { id: 'name:bortnykchess', username: 'bortnykchess', nickname: 'BortnykChess' },
      data: { viewerCount: 216 },
    }),
    createEvent({
      source: 'kick',
      type: 'host_out',
      data: { target: { id: '972889', username: 'dripp', nickname: 'dripp' }, viewerCount: 1692 },
    }),
    createEvent({
      source: 'kick',
      type: 'ban',
      user: kickViewer,
      data: { moderator: kickModerator, isPermanent: false, durationMinutes: 10, expiresAt: 1790525611000 },
    }),
    createEvent({ source: 'kick', type: 'unban', user: kickViewer, data: { moderator: kickModerator, wasPermanent: true } }),
    createEvent({
      source: 'kick',
      type: 'message_deleted',
      data: { messageId: '7ba14761-bbc7-44a9-a2d7-5c22b1407226', aiModerated: true, violatedRules: ['is_spam-TRUE'] },
    }),
    createEvent({
      source: 'kick',
      type: 'message_pinned',
      user: kickViewer,
      data: {
        messageId: 'da2b034a-7042-4c7c-a3d4-a4288184ffc0',
        message: 'giveaway at 100 subs',
        durationSeconds: 1200,
        pinnedBy: kickModerator,
      },
    }),
    createEvent({ source: 'kick', type: 'message_unpinned', data: {} }),
    createEvent({
      source: 'kick',
      type: 'poll_update',
      data: {
        title: 'Next game?',
        options: [
          { id: 0, label: 'Elden Ring', votes: 42 },
          { id: 1, label: 'Hades II', votes: 17 },
        ],
        durationSeconds: 30,
        remainingSeconds: 12,
      },
    }),
    createEvent({ source: 'kick', type: 'poll_delete', data: {} }),
    createEvent({ source: 'kick', type: 'chat_clear', data: {} }),
    createEvent({
      source: 'kick',
      type: 'chat_settings',
      data: { slowMode: { enabled: true, seconds: 5 }, followersOnly: { enabled: true, seconds: 0 }, subscribersOnly: { enabled: false } },
    }),
    createEvent({
      source: 'kick',
      type: 'goal_progress',
      data: { goalId: 'chgoal_01M2DCX8C3VHC26STFB6C8D47V', goalType: 'followers', current: 247533, target: 300000, status: 'active' },
    }),
    createEvent({
      source: 'kick',
      type: 'reward_redeem',
      user: kickViewer,
      data: { rewardTitle: 'Hydrate', userInput: '', backgroundColor: '#00a3ff' },
    }),
    createEvent({
      source: 'kick',
      type: 'stream_online',
      user: systemUser(),
      data: { startedAt: 1757891900000, livestreamId: '74331109', title: 'Just Chatting' },
    }),
    createEvent({ source: 'kick', type: 'stream_offline', data: { reason: 'StopStreamBroadcast' } }),
    createEvent({ source: 'kick', type: 'unknown', data: { kind: 'KicksLeaderboardUpdated', payload: { gifts: [] } } }),
  ];
}
