import { createEvent, type StreamEvent } from '@vmsc/core';
import { viewer } from './viewer.js';

const twitchViewer = viewer('141981764', 'twitchdev', 'TwitchDev', { isSubscriber: true });

/** Realistic samples of every Twitch event type (fresh ids and timestamps each call). */
export function twitchSamples(): StreamEvent[] {
  return [
    createEvent({
      source: 'twitch',
      type: 'chat',
      user: twitchViewer,
      data: {
        message: 'Hi chat Kappa',
        emotes: ['25'],
        emoteDetails: [{ id: '25', name: 'Kappa' }],
        badges: [{ setId: 'subscriber', id: '12', info: '16' }],
        messageId: 'cc106a89-1814-919d-454c-f4f2f970aae7',
        messageType: 'text',
        color: '#00FF7F',
      },
    }),
    createEvent({
      source: 'twitch',
      type: 'chat',
      user: viewer('4145994', 'viewer32', 'viewer32', { isModerator: true, isSubscriber: true }),
      data: {
        message: 'Hi chat',
        messageId: 'cc106a89-1814-919d-454c-f4f2f970aae7',
        messageType: 'text',
        sharedChat: {
          sourceChannel: { id: '112233', username: 'streamer33', nickname: 'streamer33' },
          sourceMessageId: 'e03f6d5d-8ec8-4c63-b473-9e5fe61e289b',
          isSourceOnly: true,
        },
      },
      meta: { channel: 'streamer' },
    }),
    createEvent({ source: 'twitch', type: 'follow', user: twitchViewer, data: {} }),
    createEvent({ source: 'twitch', type: 'subscribe', user: twitchViewer, data: { tier: '1000', isGift: false } }),
    createEvent({
      source: 'twitch',
      type: 'subscribe',
      user: viewer('1234', 'cool_user', 'Cool_User', { isSubscriber: true }),
      data: {
        tier: '1000',
        isGift: false,
        isResub: true,
        message: 'Love the stream! FevziGG',
        emotes: ['302976485'],
        cumulativeMonths: 15,
        streakMonths: 1,
        durationMonths: 6,
      },
    }),
    createEvent({
      source: 'twitch',
      type: 'subscription_gift',
      user: twitchViewer,
      data: { tier: '1000', totalGifts: 5, isAnonymous: false, cumulativeTotal: 284 },
    }),
    createEvent({
      source: 'twitch',
      type: 'subscription_gift',
      user: { id: 'anonymous', username: 'anonymous', nickname: 'Anonymous' },
      data: { tier: '2000', totalGifts: 10, isAnonymous: true },
    }),
    createEvent({
      source: 'twitch',
      type: 'cheer',
      user: twitchViewer,
      data: { bits: 1000, message: 'cheer1000 pogchamp', isAnonymous: false },
    }),
    createEvent({
      source: 'twitch',
      type: 'cheer',
      user: { id: 'anonymous', username: 'anonymous', nickname: 'Anonymous' },
      data: { bits: 500, message: 'Anon500 keep it up', isAnonymous: true },
    }),
    createEvent({
      source: 'twitch',
      type: 'raid',
      user: viewer('1234', 'cool_user', 'Cool_User'),
      data: { fromBroadcaster: { id: '1234', username: 'cool_user', nickname: 'Cool_User' }, viewerCount: 9001 },
    }),
    createEvent({
      source: 'twitch',
      type: 'channel_point_redeem',
      user: twitchViewer,
      data: { rewardId: '92af127c-7326-4483-a52b-b0da0be61c01', rewardTitle: 'Hydrate!', userInput: 'drink some water' },
    }),
    createEvent({
      source: 'twitch',
      type: 'poll_begin',
      data: {
        pollId: '1243456',
        title: 'Aren’t shoes just really hard socks?',
        choices: [
          { id: '123', title: 'Yeah!' },
          { id: '124', title: 'No!' },
        ],
      },
    }),
    createEvent({
      source: 'twitch',
      type: 'poll_progress',
      data: {
        pollId: '1243456',
        title: 'Aren’t shoes just really hard socks?',
        choices: [
          { id: '123', title: 'Yeah!', votes: 12 },
          { id: '124', title: 'No!', votes: 14 },
        ],
      },
    }),
    createEvent({
      source: 'twitch',
      type: 'poll_end',
      data: {
        pollId: '1243456',
        title: 'Aren’t shoes just really hard socks?',
        choices: [
          { id: '123', title: 'Yeah!', votes: 50 },
          { id: '124', title: 'No!', votes: 100 },
        ],
        winningChoice: { id: '124', title: 'No!', votes: 100 },
      },
    }),
    createEvent({
      source: 'twitch',
      type: 'prediction_begin',
      data: {
        predictionId: '1243456',
        title: 'Aren’t shoes just really hard socks?',
        outcomes: [
          { id: '1243456', title: 'Yeah!', color: 'blue' },
          { id: '2243456', title: 'No!', color: 'pink' },
        ],
      },
    }),
    createEvent({
      source: 'twitch',
      type: 'prediction_progress',
      data: {
        predictionId: '1243456',
        title: 'Aren’t shoes just really hard socks?',
        outcomes: [
          { id: '1243456', title: 'Yeah!', color: 'blue', users: 10, points: 15000 },
          { id: '2243456', title: 'No!', color: 'pink', users: 3, points: 2500 },
        ],
      },
    }),
    createEvent({
      source: 'twitch',
      type: 'prediction_lock',
      data: { predictionId: '1243456', title: 'Aren’t shoes just really hard socks?' },
    }),
    createEvent({
      source: 'twitch',
      type: 'prediction_end',
      data: {
        predictionId: '1243456',
        title: 'Aren’t shoes just really hard socks?',
        winningOutcome: { id: '12345', title: 'Yeah!', color: 'blue', users: 2, points: 15000 },
      },
    }),
    createEvent({
      source: 'twitch',
      type: 'hype_train_begin',
      data: {
        level: 2,
        total: 137,
        goal: 500,
        progress: 137,
        trainId: '1b0AsbInCHZW2SQFQkCzqN07Ib2',
        trainType: 'regular',
        isSharedTrain: false,
        topContributions: [{ id: '123', username: 'pogchamp', nickname: 'PogChamp', type: 'bits', total: 50 }],
      },
    }),
    createEvent({ source: 'twitch', type: 'hype_train_progress', data: { level: 2, total: 700, goal: 1000 } }),
    createEvent({ source: 'twitch', type: 'hype_train_end', data: { level: 2, total: 137 } }),
    createEvent({
      source: 'twitch',
      type: 'ad_break',
      data: {
        durationSeconds: 60,
        isAutomatic: false,
        startedAt: Date.parse('2019-11-16T10:11:12.634Z'),
        endsAt: Date.parse('2019-11-16T10:12:12.634Z'),
      },
    }),
    createEvent({
      source: 'twitch',
      type: 'shoutout_create',
      data: { targetUser: { id: '626262', username: 'sandysanderman', nickname: 'SandySanderman' }, viewerCount: 860 },
    }),
    createEvent({
      source: 'twitch',
      type: 'shoutout_receive',
      data: { fromBroadcaster: { id: '12345', username: 'simplysimple', nickname: 'SimplySimple' }, viewerCount: 860 },
    }),
    createEvent({
      source: 'twitch',
      type: 'ban',
      user: viewer('1234', 'cool_user', 'Cool_User'),
      data: { reason: 'Offensive language', moderator: { id: '1339', username: 'mod_user', nickname: 'Mod_User' }, isPermanent: false },
    }),
    createEvent({
      source: 'twitch',
      type: 'charity_donation',
      user: twitchViewer,
      data: { amount: 5, currency: 'USD', campaignId: '123-abc-456-def', charityName: 'Example name', value: 500, decimalPlaces: 2 },
    }),
    createEvent({ source: 'twitch', type: 'stream_online', data: { startedAt: Date.parse('2019-11-16T10:11:12.634234626Z') } }),
    createEvent({ source: 'twitch', type: 'stream_offline', data: {} }),
    createEvent({ source: 'twitch', type: 'unknown', data: { kind: 'channel.guest_star_session.begin', payload: { version: 'beta' } } }),
  ];
}
