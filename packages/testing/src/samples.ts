import { createEvent, type StreamEvent, type StreamUser } from '@vmsc/core';

/**
 * Realistic sample events: one for every event type of every platform in the catalogue, with the
 * values a real stream produces. For demos, documentation and tests of rules and overlays.
 *
 * @packageDocumentation
 */

const viewer = (id: string, username: string, nickname: string, extra: Partial<StreamUser> = {}): StreamUser => ({
  id,
  username,
  nickname,
  ...extra,
});

const tiktokFan = viewer('7034582914412233733', 'rosefan.88', 'Rose Fan 🌹', {
  profilePictureUrl: 'https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/7034582914412233733~c5_100x100.webp',
  followRole: 1,
  isModerator: false,
  isSubscriber: true,
});
const twitchViewer = viewer('141981764', 'twitchdev', 'TwitchDev', { isSubscriber: true });
const youtubeViewer = viewer('UCl4S4y9C4BbXoCt9bUMJ-hQ', '@streamfan', 'Stream Fan', {
  profilePictureUrl: 'https://yt4.ggpht.com/ytc/AIdro_k_sample=s88-c-k-c0x00ffffff-no-rj',
});
const kickViewer = viewer('4309473', 'cool_viewer', 'Cool_Viewer', { isSubscriber: false });

/** Builds the sample events anew (fresh ids and timestamps) each call. */
export function sampleEvents(): StreamEvent[] {
  return [
    // TikTok
    createEvent({ source: 'tiktok', type: 'chat', user: tiktokFan, data: { message: 'hello from the stream! 🔥', emotes: [] } }),
    createEvent({
      source: 'tiktok',
      type: 'gift',
      user: tiktokFan,
      data: { giftName: 'Rose', giftId: 5655, diamondCount: 1, repeatCount: 5, repeatEnd: true },
    }),
    createEvent({ source: 'tiktok', type: 'like', user: tiktokFan, data: { likeCount: 15, totalLikes: 48210 } }),
    createEvent({ source: 'tiktok', type: 'follow', user: tiktokFan, data: {} }),
    createEvent({ source: 'tiktok', type: 'share', user: tiktokFan, data: {} }),
    createEvent({ source: 'tiktok', type: 'join', user: tiktokFan, data: {} }),
    createEvent({ source: 'tiktok', type: 'subscribe', user: tiktokFan, data: { subMonth: 3 } }),
    createEvent({ source: 'tiktok', type: 'emote', user: tiktokFan, data: { emoteId: '7258946584013573894' } }),
    createEvent({ source: 'tiktok', type: 'viewer_count', data: { viewerCount: 1287 } }),
    createEvent({ source: 'tiktok', type: 'envelope', user: tiktokFan, data: { envelopeId: '7301962345897160491', coins: 500 } }),
    createEvent({ source: 'tiktok', type: 'stream_offline', data: { reason: 'control:3' } }),
    createEvent({ source: 'tiktok', type: 'unknown', data: { kind: 'WebcastLinkMicBattle', payload: { battleId: '7301' } } }),
    // Twitch
    createEvent({
      source: 'twitch',
      type: 'chat',
      user: twitchViewer,
      data: {
        message: 'Hi chat Kappa',
        emotes: ['25'],
        emoteDetails: [{ id: '25', name: 'Kappa' }],
        badges: [{ setId: 'subscriber', id: '12', info: '16' }],
      },
    }),
    createEvent({ source: 'twitch', type: 'follow', user: twitchViewer, data: {} }),
    createEvent({ source: 'twitch', type: 'subscribe', user: twitchViewer, data: { tier: '1000', isGift: false } }),
    createEvent({
      source: 'twitch',
      type: 'subscription_gift',
      user: twitchViewer,
      data: { tier: '1000', totalGifts: 5 },
    }),
    createEvent({ source: 'twitch', type: 'cheer', user: twitchViewer, data: { bits: 1000, message: 'cheer1000 pogchamp' } }),
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
    createEvent({ source: 'twitch', type: 'prediction_lock', data: { predictionId: '1243456', title: 'Aren’t shoes just really hard socks?' } }),
    createEvent({
      source: 'twitch',
      type: 'prediction_end',
      data: {
        predictionId: '1243456',
        title: 'Aren’t shoes just really hard socks?',
        winningOutcome: { id: '12345', title: 'Yeah!', color: 'blue', users: 2, points: 15000 },
      },
    }),
    createEvent({ source: 'twitch', type: 'hype_train_begin', data: { level: 2, total: 137, goal: 500 } }),
    createEvent({ source: 'twitch', type: 'hype_train_progress', data: { level: 2, total: 700, goal: 1000 } }),
    createEvent({ source: 'twitch', type: 'hype_train_end', data: { level: 2, total: 137 } }),
    createEvent({ source: 'twitch', type: 'ad_break', data: { durationSeconds: 60 } }),
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
      data: { amount: 5, currency: 'USD', campaignId: '123-abc-456-def' },
    }),
    createEvent({ source: 'twitch', type: 'stream_online', data: { startedAt: Date.parse('2019-11-16T10:11:12.634234626Z') } }),
    createEvent({ source: 'twitch', type: 'stream_offline', data: {} }),
    createEvent({ source: 'twitch', type: 'unknown', data: { kind: 'channel.guest_star_session.begin', payload: { version: 'beta' } } }),
    // YouTube
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
    // Kick
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
    // Streamlabs
    createEvent({
      source: 'streamlabs',
      type: 'donation',
      user: viewer('jane_doe', 'jane_doe', 'Jane Doe'),
      data: { amount: 13.37, currency: 'USD', message: 'for the stream!' },
    }),
    createEvent({ source: 'streamlabs', type: 'follow', user: viewer('38291', 'newfollower', 'NewFollower'), data: {} }),
    createEvent({ source: 'streamlabs', type: 'subscription', user: viewer('38291', 'subber', 'Subber'), data: { tier: '1000', months: 4 } }),
    createEvent({ source: 'streamlabs', type: 'host', user: viewer('host', 'hoster', 'Hoster'), data: { viewerCount: 25 } }),
    createEvent({ source: 'streamlabs', type: 'bits', user: viewer('bitsy', 'bitsy', 'Bitsy'), data: { amount: 500, message: 'cheer500' } }),
    createEvent({ source: 'streamlabs', type: 'raid', user: viewer('raider', 'raider', 'Raider'), data: { viewerCount: 42 } }),
    createEvent({
      source: 'streamlabs',
      type: 'merch',
      user: viewer('buyer', 'buyer', 'Buyer'),
      data: { product: 'Logo Hoodie', message: 'love it' },
    }),
    createEvent({ source: 'streamlabs', type: 'unknown', data: { kind: 'loyalty_store_redemption', payload: {} } }),
    // StreamElements
    createEvent({
      source: 'streamelements',
      type: 'tip',
      user: viewer('5f1b4e2c9d3a', 'generous_one', 'Generous_One'),
      data: { amount: 10, currency: 'EUR', message: 'great stream' },
    }),
    createEvent({ source: 'streamelements', type: 'follow', user: viewer('76543', 'se_follower', 'SE_Follower'), data: {} }),
    createEvent({ source: 'streamelements', type: 'subscriber', user: viewer('76543', 'se_sub', 'SE_Sub'), data: { tier: '1000', months: 6 } }),
    createEvent({ source: 'streamelements', type: 'cheer', user: viewer('76543', 'se_cheer', 'SE_Cheer'), data: { amount: 100, message: 'cheer100' } }),
    createEvent({ source: 'streamelements', type: 'raid', user: viewer('raider', 'raider', 'Raider'), data: { viewerCount: 30 } }),
    createEvent({ source: 'streamelements', type: 'host', user: viewer('host', 'hoster', 'Hoster'), data: { viewerCount: 12 } }),
    createEvent({ source: 'streamelements', type: 'merch', user: viewer('buyer', 'buyer', 'Buyer'), data: { product: 'Mug' } }),
    createEvent({
      source: 'streamelements',
      type: 'redemption',
      user: viewer('loyal', 'loyal_viewer', 'Loyal_Viewer'),
      data: { itemName: 'Play a sound', itemCost: 500 },
    }),
    createEvent({
      source: 'streamelements',
      type: 'superchat',
      user: viewer('UCsc', 'superfan', 'SuperFan'),
      data: { amount: 20, currency: 'USD', message: 'hi from YouTube' },
    }),
    createEvent({ source: 'streamelements', type: 'community_gift', user: viewer('giver', 'giver', 'Giver'), data: { giftCount: 10, tier: '1000' } }),
    createEvent({ source: 'streamelements', type: 'unknown', data: { kind: 'purchase', payload: {} } }),
    // Heart rate
    createEvent({ source: 'heartrate', type: 'bpm_update', data: { bpm: 87, measuredAt: Date.now() } }),
    createEvent({ source: 'heartrate', type: 'unknown', data: { kind: 'clip_created', payload: {} } }),
  ];
}
