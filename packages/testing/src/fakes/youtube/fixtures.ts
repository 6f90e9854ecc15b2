/**
 * Copies of /work/shared/fixtures/youtube (ASSEMBLED from the documented field names and types;
 * the error bodies match responses recorded in public projects). Tests must not read shared/, so
 * they live here.
 *
 * @packageDocumentation
 */
import type { YouTubeFakeMessage, YouTubeFakeErrorBody } from './types.js';

/** `liveChatMessages.list-page1.json` */
export const listPage1Fixture: { items: YouTubeFakeMessage[]; activePollItem: YouTubeFakeMessage; [key: string]: unknown } = {
  kind: 'youtube#liveChatMessageListResponse',
  etag: 'etag-page-1',
  pollingIntervalMillis: 5000,
  nextPageToken: 'GIDmsLPH9IYDILL0_LTo9IYD',
  pageInfo: {
    totalResults: 14,
    resultsPerPage: 14,
  },
  items: [
    {
      kind: 'youtube#liveChatMessage',
      etag: 'etag-01',
      id: 'LCC.fixture-01-textMessageEvent',
      snippet: {
        type: 'textMessageEvent',
        liveChatId: 'KicKGFVDWDZPUTN5ZTBVMEpHOFRJVzFoSmJ6ZxILZGZKa0F6dEp3QTQ',
        authorChannelId: 'UCa1b2c3d4e5f6g7h8i9j0kA',
        publishedAt: '2024-05-04T18:01:02.123456+00:00',
        hasDisplayContent: true,
        displayMessage: 'hello chat!',
        textMessageDetails: {
          messageText: 'hello chat!',
        },
      },
      authorDetails: {
        channelId: 'UCa1b2c3d4e5f6g7h8i9j0kA',
        channelUrl: 'http://www.youtube.com/channel/UCa1b2c3d4e5f6g7h8i9j0kA',
        displayName: '@pixelfan',
        profileImageUrl: 'https://yt4.ggpht.com/ytc/AIdro_k1Xq_placeholder_j0kA=s88-c-k-c0x00ffffff-no-rj',
        isVerified: false,
        isChatOwner: false,
        isChatSponsor: false,
        isChatModerator: false,
      },
    },
    {
      kind: 'youtube#liveChatMessage',
      etag: 'etag-02',
      id: 'LCC.fixture-02-textMessageEvent',
      snippet: {
        type: 'textMessageEvent',
        liveChatId: 'KicKGFVDWDZPUTN5ZTBVMEpHOFRJVzFoSmJ6ZxILZGZKa0F6dEp3QTQ',
        authorChannelId: 'UCmodmodmodmodmodmodmodA',
        publishedAt: '2024-05-04T18:01:05.500000+00:00',
        hasDisplayContent: true,
        displayMessage: 'please keep it civil',
        textMessageDetails: {
          messageText: 'please keep it civil',
        },
      },
      authorDetails: {
        channelId: 'UCmodmodmodmodmodmodmodA',
        channelUrl: 'http://www.youtube.com/channel/UCmodmodmodmodmodmodmodA',
        displayName: '@helpful_mod',
        profileImageUrl: 'https://yt4.ggpht.com/ytc/AIdro_k1Xq_placeholder_modA=s88-c-k-c0x00ffffff-no-rj',
        isVerified: false,
        isChatOwner: false,
        isChatSponsor: false,
        isChatModerator: true,
      },
    },
    {
      kind: 'youtube#liveChatMessage',
      etag: 'etag-03',
      id: 'LCC.fixture-03-superChatEvent',
      snippet: {
        type: 'superChatEvent',
        liveChatId: 'KicKGFVDWDZPUTN5ZTBVMEpHOFRJVzFoSmJ6ZxILZGZKa0F6dEp3QTQ',
        authorChannelId: 'UCsuperchatterXXXXXXXXXA',
        publishedAt: '2024-05-04T18:01:10.000000+00:00',
        hasDisplayContent: true,
        displayMessage: '$5.00 from @big_tipper: great stream!',
        superChatDetails: {
          amountMicros: '5000000',
          currency: 'USD',
          amountDisplayString: '$5.00',
          userComment: 'great stream!',
          tier: 2,
        },
      },
      authorDetails: {
        channelId: 'UCsuperchatterXXXXXXXXXA',
        channelUrl: 'http://www.youtube.com/channel/UCsuperchatterXXXXXXXXXA',
        displayName: '@big_tipper',
        profileImageUrl: 'https://yt4.ggpht.com/ytc/AIdro_k1Xq_placeholder_XXXA=s88-c-k-c0x00ffffff-no-rj',
        isVerified: false,
        isChatOwner: false,
        isChatSponsor: true,
        isChatModerator: false,
      },
    },
    {
      kind: 'youtube#liveChatMessage',
      etag: 'etag-04',
      id: 'LCC.fixture-04-superStickerEvent',
      snippet: {
        type: 'superStickerEvent',
        liveChatId: 'KicKGFVDWDZPUTN5ZTBVMEpHOFRJVzFoSmJ6ZxILZGZKa0F6dEp3QTQ',
        authorChannelId: 'UCsuperchatterXXXXXXXXXA',
        publishedAt: '2024-05-04T18:01:20.000000+00:00',
        hasDisplayContent: true,
        displayMessage: 'Super Sticker from @big_tipper: €2.00',
        superStickerDetails: {
          superStickerMetadata: {
            stickerId: 'youtube_gaming_cheer_wave',
            altText: 'YouTube Gaming character waving',
            altTextLanguage: 'en',
          },
          amountMicros: '2000000',
          currency: 'EUR',
          amountDisplayString: '€2.00',
          tier: 1,
        },
      },
      authorDetails: {
        channelId: 'UCsuperchatterXXXXXXXXXA',
        channelUrl: 'http://www.youtube.com/channel/UCsuperchatterXXXXXXXXXA',
        displayName: '@big_tipper',
        profileImageUrl: 'https://yt4.ggpht.com/ytc/AIdro_k1Xq_placeholder_XXXA=s88-c-k-c0x00ffffff-no-rj',
        isVerified: false,
        isChatOwner: false,
        isChatSponsor: true,
        isChatModerator: false,
      },
    },
    {
      kind: 'youtube#liveChatMessage',
      etag: 'etag-05',
      id: 'LCC.fixture-05-newSponsorEvent',
      snippet: {
        type: 'newSponsorEvent',
        liveChatId: 'KicKGFVDWDZPUTN5ZTBVMEpHOFRJVzFoSmJ6ZxILZGZKa0F6dEp3QTQ',
        authorChannelId: 'UCmemberXmemberXmemberXA',
        publishedAt: '2024-05-04T18:01:30.000000+00:00',
        hasDisplayContent: true,
        displayMessage: 'Welcome to Gold!',
        newSponsorDetails: {
          memberLevelName: 'Gold',
          isUpgrade: false,
        },
      },
      authorDetails: {
        channelId: 'UCmemberXmemberXmemberXA',
        channelUrl: 'http://www.youtube.com/channel/UCmemberXmemberXmemberXA',
        displayName: 'Member Max',
        profileImageUrl: 'https://yt4.ggpht.com/ytc/AIdro_k1Xq_placeholder_erXA=s88-c-k-c0x00ffffff-no-rj',
        isVerified: false,
        isChatOwner: false,
        isChatSponsor: true,
        isChatModerator: false,
      },
    },
    {
      kind: 'youtube#liveChatMessage',
      etag: 'etag-06',
      id: 'LCC.fixture-06-memberMilestoneChatEvent',
      snippet: {
        type: 'memberMilestoneChatEvent',
        liveChatId: 'KicKGFVDWDZPUTN5ZTBVMEpHOFRJVzFoSmJ6ZxILZGZKa0F6dEp3QTQ',
        authorChannelId: 'UCmemberXmemberXmemberXA',
        publishedAt: '2024-05-04T18:01:40.000000+00:00',
        hasDisplayContent: true,
        displayMessage: 'Member for 12 months: a whole year!',
        memberMilestoneChatDetails: {
          memberLevelName: 'Gold',
          memberMonth: 12,
          userComment: 'a whole year!',
        },
      },
      authorDetails: {
        channelId: 'UCmemberXmemberXmemberXA',
        channelUrl: 'http://www.youtube.com/channel/UCmemberXmemberXmemberXA',
        displayName: 'Member Max',
        profileImageUrl: 'https://yt4.ggpht.com/ytc/AIdro_k1Xq_placeholder_erXA=s88-c-k-c0x00ffffff-no-rj',
        isVerified: false,
        isChatOwner: false,
        isChatSponsor: true,
        isChatModerator: false,
      },
    },
    {
      kind: 'youtube#liveChatMessage',
      etag: 'etag-07',
      id: 'LCC.fixture-07-membershipGiftingEvent',
      snippet: {
        type: 'membershipGiftingEvent',
        liveChatId: 'KicKGFVDWDZPUTN5ZTBVMEpHOFRJVzFoSmJ6ZxILZGZKa0F6dEp3QTQ',
        authorChannelId: 'UCgifterXgifterXgifterXA',
        publishedAt: '2024-05-04T18:01:50.000000+00:00',
        hasDisplayContent: true,
        displayMessage: '@generous_gifter gifted 5 Gold memberships',
        membershipGiftingDetails: {
          giftMembershipsCount: 5,
          giftMembershipsLevelName: 'Gold',
        },
      },
      authorDetails: {
        channelId: 'UCgifterXgifterXgifterXA',
        channelUrl: 'http://www.youtube.com/channel/UCgifterXgifterXgifterXA',
        displayName: '@generous_gifter',
        profileImageUrl: 'https://yt4.ggpht.com/ytc/AIdro_k1Xq_placeholder_erXA=s88-c-k-c0x00ffffff-no-rj',
        isVerified: false,
        isChatOwner: false,
        isChatSponsor: true,
        isChatModerator: false,
      },
    },
    {
      kind: 'youtube#liveChatMessage',
      etag: 'etag-08',
      id: 'LCC.fixture-08-giftMembershipReceivedEvent',
      snippet: {
        type: 'giftMembershipReceivedEvent',
        liveChatId: 'KicKGFVDWDZPUTN5ZTBVMEpHOFRJVzFoSmJ6ZxILZGZKa0F6dEp3QTQ',
        authorChannelId: 'UCreceiverXreceiverXrecA',
        publishedAt: '2024-05-04T18:01:51.000000+00:00',
        hasDisplayContent: true,
        displayMessage: '@lucky_viewer received a gift membership by @generous_gifter',
        giftMembershipReceivedDetails: {
          memberLevelName: 'Gold',
          gifterChannelId: 'UCgifterXgifterXgifterXA',
          associatedMembershipGiftingMessageId: 'LCC.fixture-07-membershipGiftingEvent',
        },
      },
      authorDetails: {
        channelId: 'UCreceiverXreceiverXrecA',
        channelUrl: 'http://www.youtube.com/channel/UCreceiverXreceiverXrecA',
        displayName: '@lucky_viewer',
        profileImageUrl: 'https://yt4.ggpht.com/ytc/AIdro_k1Xq_placeholder_recA=s88-c-k-c0x00ffffff-no-rj',
        isVerified: false,
        isChatOwner: false,
        isChatSponsor: true,
        isChatModerator: false,
      },
    },
    {
      kind: 'youtube#liveChatMessage',
      etag: 'etag-09',
      id: 'LCC.fixture-09-messageDeletedEvent',
      snippet: {
        type: 'messageDeletedEvent',
        liveChatId: 'KicKGFVDWDZPUTN5ZTBVMEpHOFRJVzFoSmJ6ZxILZGZKa0F6dEp3QTQ',
        authorChannelId: 'UCmodmodmodmodmodmodmodA',
        publishedAt: '2024-05-04T18:02:00.000000+00:00',
        hasDisplayContent: false,
        messageDeletedDetails: {
          deletedMessageId: 'LCC.fixture-01-textMessageEvent',
        },
      },
      authorDetails: {
        channelId: 'UCmodmodmodmodmodmodmodA',
        channelUrl: 'http://www.youtube.com/channel/UCmodmodmodmodmodmodmodA',
        displayName: '@helpful_mod',
        profileImageUrl: 'https://yt4.ggpht.com/ytc/AIdro_k1Xq_placeholder_modA=s88-c-k-c0x00ffffff-no-rj',
        isVerified: false,
        isChatOwner: false,
        isChatSponsor: false,
        isChatModerator: true,
      },
    },
    {
      kind: 'youtube#liveChatMessage',
      etag: 'etag-10',
      id: 'LCC.fixture-10-userBannedEvent',
      snippet: {
        type: 'userBannedEvent',
        liveChatId: 'KicKGFVDWDZPUTN5ZTBVMEpHOFRJVzFoSmJ6ZxILZGZKa0F6dEp3QTQ',
        authorChannelId: 'UCmodmodmodmodmodmodmodA',
        publishedAt: '2024-05-04T18:02:05.000000+00:00',
        hasDisplayContent: true,
        displayMessage: '@spam_bot was hidden for 300 seconds',
        userBannedDetails: {
          bannedUserDetails: {
            channelId: 'UCspamXspamXspamXspamXsA',
            channelUrl: 'http://www.youtube.com/channel/UCspamXspamXspamXspamXsA',
            displayName: '@spam_bot',
            profileImageUrl: 'https://yt4.ggpht.com/ytc/AIdro_placeholder_spam=s88-c-k-c0x00ffffff-no-rj',
          },
          banType: 'temporary',
          banDurationSeconds: '300',
        },
      },
      authorDetails: {
        channelId: 'UCmodmodmodmodmodmodmodA',
        channelUrl: 'http://www.youtube.com/channel/UCmodmodmodmodmodmodmodA',
        displayName: '@helpful_mod',
        profileImageUrl: 'https://yt4.ggpht.com/ytc/AIdro_k1Xq_placeholder_modA=s88-c-k-c0x00ffffff-no-rj',
        isVerified: false,
        isChatOwner: false,
        isChatSponsor: false,
        isChatModerator: true,
      },
    },
    {
      kind: 'youtube#liveChatMessage',
      etag: 'etag-11',
      id: 'LCC.fixture-11-userBannedEvent',
      snippet: {
        type: 'userBannedEvent',
        liveChatId: 'KicKGFVDWDZPUTN5ZTBVMEpHOFRJVzFoSmJ6ZxILZGZKa0F6dEp3QTQ',
        authorChannelId: 'UCmodmodmodmodmodmodmodA',
        publishedAt: '2024-05-04T18:02:06.000000+00:00',
        hasDisplayContent: true,
        displayMessage: '@troll_account was banned',
        userBannedDetails: {
          bannedUserDetails: {
            channelId: 'UCtrollXtrollXtrollXtroA',
            channelUrl: 'http://www.youtube.com/channel/UCtrollXtrollXtrollXtroA',
            displayName: '@troll_account',
            profileImageUrl: 'https://yt4.ggpht.com/ytc/AIdro_placeholder_troll=s88-c-k-c0x00ffffff-no-rj',
          },
          banType: 'permanent',
        },
      },
      authorDetails: {
        channelId: 'UCmodmodmodmodmodmodmodA',
        channelUrl: 'http://www.youtube.com/channel/UCmodmodmodmodmodmodmodA',
        displayName: '@helpful_mod',
        profileImageUrl: 'https://yt4.ggpht.com/ytc/AIdro_k1Xq_placeholder_modA=s88-c-k-c0x00ffffff-no-rj',
        isVerified: false,
        isChatOwner: false,
        isChatSponsor: false,
        isChatModerator: true,
      },
    },
    {
      kind: 'youtube#liveChatMessage',
      etag: 'etag-12',
      id: 'LCC.fixture-12-sponsorOnlyModeStartedEvent',
      snippet: {
        type: 'sponsorOnlyModeStartedEvent',
        liveChatId: 'KicKGFVDWDZPUTN5ZTBVMEpHOFRJVzFoSmJ6ZxILZGZKa0F6dEp3QTQ',
        authorChannelId: 'UCX6OQ3ye0U0JG8TIW1hJbzg',
        publishedAt: '2024-05-04T18:02:10.000000+00:00',
        hasDisplayContent: false,
      },
      authorDetails: {
        channelId: 'UCX6OQ3ye0U0JG8TIW1hJbzg',
        channelUrl: 'http://www.youtube.com/channel/UCX6OQ3ye0U0JG8TIW1hJbzg',
        displayName: '@the_streamer',
        profileImageUrl: 'https://yt4.ggpht.com/ytc/AIdro_k1Xq_placeholder_Jbzg=s88-c-k-c0x00ffffff-no-rj',
        isVerified: true,
        isChatOwner: true,
        isChatSponsor: false,
        isChatModerator: false,
      },
    },
    {
      kind: 'youtube#liveChatMessage',
      etag: 'etag-13',
      id: 'LCC.fixture-13-pollEvent',
      snippet: {
        type: 'pollEvent',
        liveChatId: 'KicKGFVDWDZPUTN5ZTBVMEpHOFRJVzFoSmJ6ZxILZGZKa0F6dEp3QTQ',
        authorChannelId: 'UCX6OQ3ye0U0JG8TIW1hJbzg',
        publishedAt: '2024-05-04T18:02:20.000000+00:00',
        hasDisplayContent: true,
        displayMessage: 'Which map next?',
        pollDetails: {
          metadata: {
            questionText: 'Which map next?',
            options: [
              {
                optionText: 'Forest',
                tally: '42',
              },
              {
                optionText: 'Desert',
                tally: '17',
              },
            ],
          },
          status: 'active',
        },
      },
      authorDetails: {
        channelId: 'UCX6OQ3ye0U0JG8TIW1hJbzg',
        channelUrl: 'http://www.youtube.com/channel/UCX6OQ3ye0U0JG8TIW1hJbzg',
        displayName: '@the_streamer',
        profileImageUrl: 'https://yt4.ggpht.com/ytc/AIdro_k1Xq_placeholder_Jbzg=s88-c-k-c0x00ffffff-no-rj',
        isVerified: true,
        isChatOwner: true,
        isChatSponsor: false,
        isChatModerator: false,
      },
    },
    {
      kind: 'youtube#liveChatMessage',
      etag: 'etag-14',
      id: 'LCC.fixture-14-tombstone',
      snippet: {
        type: 'tombstone',
        liveChatId: 'KicKGFVDWDZPUTN5ZTBVMEpHOFRJVzFoSmJ6ZxILZGZKa0F6dEp3QTQ',
        authorChannelId: 'UCa1b2c3d4e5f6g7h8i9j0kA',
        publishedAt: '2024-05-04T18:01:02.123456+00:00',
        hasDisplayContent: false,
      },
    },
  ],
  activePollItem: {
    kind: 'youtube#liveChatMessage',
    etag: 'etag-13',
    id: 'LCC.fixture-13-pollEvent',
    snippet: {
      type: 'pollEvent',
      liveChatId: 'KicKGFVDWDZPUTN5ZTBVMEpHOFRJVzFoSmJ6ZxILZGZKa0F6dEp3QTQ',
      authorChannelId: 'UCX6OQ3ye0U0JG8TIW1hJbzg',
      publishedAt: '2024-05-04T18:02:20.000000+00:00',
      hasDisplayContent: true,
      displayMessage: 'Which map next?',
      pollDetails: {
        metadata: {
          questionText: 'Which map next?',
          options: [
            {
              optionText: 'Forest',
              tally: '42',
            },
            {
              optionText: 'Desert',
              tally: '17',
            },
          ],
        },
        status: 'active',
      },
    },
    authorDetails: {
      channelId: 'UCX6OQ3ye0U0JG8TIW1hJbzg',
      channelUrl: 'http://www.youtube.com/channel/UCX6OQ3ye0U0JG8TIW1hJbzg',
      displayName: '@the_streamer',
      profileImageUrl: 'https://yt4.ggpht.com/ytc/AIdro_k1Xq_placeholder_Jbzg=s88-c-k-c0x00ffffff-no-rj',
      isVerified: true,
      isChatOwner: true,
      isChatSponsor: false,
      isChatModerator: false,
    },
  },
};

/** `liveChatMessages.list-page2-empty.json` */
export const listPage2EmptyFixture: { items: YouTubeFakeMessage[]; [key: string]: unknown } = {
  kind: 'youtube#liveChatMessageListResponse',
  etag: 'etag-page-2',
  pollingIntervalMillis: 5000,
  nextPageToken: 'GPnZwLPH9IYDIMSB_rTo9IYD',
  pageInfo: {
    totalResults: 0,
    resultsPerPage: 0,
  },
  items: [],
};

/** `liveChatMessages.list-chatEnded.json` */
export const listChatEndedFixture: { items: YouTubeFakeMessage[]; offlineAt: string; [key: string]: unknown } = {
  kind: 'youtube#liveChatMessageListResponse',
  etag: 'etag-page-3',
  pollingIntervalMillis: 5000,
  nextPageToken: 'GKfi0LPH9IYDIIqR_rTo9IYD',
  offlineAt: '2024-05-04T20:00:00.000000+00:00',
  pageInfo: {
    totalResults: 1,
    resultsPerPage: 1,
  },
  items: [
    {
      kind: 'youtube#liveChatMessage',
      etag: 'etag-15',
      id: 'LCC.fixture-15-chatEndedEvent',
      snippet: {
        type: 'chatEndedEvent',
        liveChatId: 'KicKGFVDWDZPUTN5ZTBVMEpHOFRJVzFoSmJ6ZxILZGZKa0F6dEp3QTQ',
        authorChannelId: 'UCX6OQ3ye0U0JG8TIW1hJbzg',
        publishedAt: '2024-05-04T20:00:30.000000+00:00',
        hasDisplayContent: false,
      },
      authorDetails: {
        channelId: 'UCX6OQ3ye0U0JG8TIW1hJbzg',
        channelUrl: 'http://www.youtube.com/channel/UCX6OQ3ye0U0JG8TIW1hJbzg',
        displayName: '@the_streamer',
        profileImageUrl: 'https://yt4.ggpht.com/ytc/AIdro_k1Xq_placeholder_Jbzg=s88-c-k-c0x00ffffff-no-rj',
        isVerified: true,
        isChatOwner: true,
        isChatSponsor: false,
        isChatModerator: false,
      },
    },
  ],
};

/** `videos.list-liveStreamingDetails.json` */
export const videosListFixture: Record<string, unknown> = {
  kind: 'youtube#videoListResponse',
  etag: 'etag-videos',
  pageInfo: {
    totalResults: 1,
    resultsPerPage: 1,
  },
  items: [
    {
      kind: 'youtube#video',
      etag: 'etag-v-1',
      id: 'dfJkAztJwA4',
      liveStreamingDetails: {
        actualStartTime: '2024-05-04T18:00:12Z',
        scheduledStartTime: '2024-05-04T18:00:00Z',
        concurrentViewers: '1234',
        activeLiveChatId: 'KicKGFVDWDZPUTN5ZTBVMEpHOFRJVzFoSmJ6ZxILZGZKa0F6dEp3QTQ',
      },
    },
  ],
};

/** `liveBroadcasts.list.json` */
export const liveBroadcastsListFixture: Record<string, unknown> = {
  kind: 'youtube#liveBroadcastListResponse',
  etag: 'etag-broadcasts',
  pageInfo: {
    totalResults: 1,
    resultsPerPage: 5,
  },
  items: [
    {
      kind: 'youtube#liveBroadcast',
      etag: 'etag-bc-1',
      id: 'dfJkAztJwA4',
      snippet: {
        publishedAt: '2024-05-04T17:30:00Z',
        channelId: 'UCX6OQ3ye0U0JG8TIW1hJbzg',
        title: 'Saturday speedruns',
        description: 'Live now!',
        thumbnails: {
          default: {
            url: 'https://i.ytimg.com/vi/dfJkAztJwA4/default_live.jpg',
            width: 120,
            height: 90,
          },
        },
        scheduledStartTime: '2024-05-04T18:00:00Z',
        actualStartTime: '2024-05-04T18:00:12Z',
        isDefaultBroadcast: false,
        liveChatId: 'KicKGFVDWDZPUTN5ZTBVMEpHOFRJVzFoSmJ6ZxILZGZKa0F6dEp3QTQ',
      },
      status: {
        lifeCycleStatus: 'live',
        privacyStatus: 'public',
        recordingStatus: 'recording',
        madeForKids: false,
        selfDeclaredMadeForKids: false,
      },
    },
  ],
};

/** `liveChatMessages.insert.request.json` */
export const insertRequestFixture: Record<string, unknown> = {
  snippet: {
    liveChatId: 'KicKGFVDWDZPUTN5ZTBVMEpHOFRJVzFoSmJ6ZxILZGZKa0F6dEp3QTQ',
    type: 'textMessageEvent',
    textMessageDetails: {
      messageText: 'Thanks for watching!',
    },
  },
};

/** `liveChatMessages.insert.response.json` */
export const insertResponseFixture: YouTubeFakeMessage = {
  kind: 'youtube#liveChatMessage',
  etag: 'etag-insert',
  id: 'LCC.fixture-99-insert',
  snippet: {
    type: 'textMessageEvent',
    liveChatId: 'KicKGFVDWDZPUTN5ZTBVMEpHOFRJVzFoSmJ6ZxILZGZKa0F6dEp3QTQ',
    authorChannelId: 'UCX6OQ3ye0U0JG8TIW1hJbzg',
    publishedAt: '2024-05-04T18:05:00.000000+00:00',
    hasDisplayContent: true,
    displayMessage: 'Thanks for watching!',
    textMessageDetails: {
      messageText: 'Thanks for watching!',
    },
  },
  authorDetails: {
    channelId: 'UCX6OQ3ye0U0JG8TIW1hJbzg',
    channelUrl: 'http://www.youtube.com/channel/UCX6OQ3ye0U0JG8TIW1hJbzg',
    displayName: '@the_streamer',
    profileImageUrl: 'https://yt4.ggpht.com/ytc/AIdro_k1Xq_placeholder_Jbzg=s88-c-k-c0x00ffffff-no-rj',
    isVerified: true,
    isChatOwner: true,
    isChatSponsor: false,
    isChatModerator: false,
  },
};

/** The error bodies, keyed by `errors[0].reason` (fixtures `error-*.json`). */
export const youtubeErrorFixtures = {
  quotaExceeded: {
    error: {
      code: 403,
      message: 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
      errors: [
        {
          message: 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
          domain: 'youtube.quota',
          reason: 'quotaExceeded',
        },
      ],
    },
  } as YouTubeFakeErrorBody,
  rateLimitExceeded: {
    error: {
      code: 403,
      message:
        "The request was sent too quickly after the previous request. This error occurs when API requests to retrieve messages are being sent more frequently than YouTube's refresh rates, which unnecessarily wastes bandwidth.",
      errors: [
        {
          message:
            "The request was sent too quickly after the previous request. This error occurs when API requests to retrieve messages are being sent more frequently than YouTube's refresh rates, which unnecessarily wastes bandwidth.",
          domain: 'youtube.liveChat',
          reason: 'rateLimitExceeded',
        },
      ],
    },
  } as YouTubeFakeErrorBody,
  liveChatEnded: {
    error: {
      code: 403,
      message: 'The specified live chat is no longer live.',
      errors: [
        {
          message: 'The specified live chat is no longer live.',
          domain: 'youtube.liveChat',
          reason: 'liveChatEnded',
        },
      ],
    },
  } as YouTubeFakeErrorBody,
  liveChatDisabled: {
    error: {
      code: 403,
      message: 'Live chat is not enabled for the specified broadcast.',
      errors: [
        {
          message: 'Live chat is not enabled for the specified broadcast.',
          domain: 'youtube.liveChat',
          reason: 'liveChatDisabled',
        },
      ],
    },
  } as YouTubeFakeErrorBody,
  liveChatNotFound: {
    error: {
      code: 404,
      message:
        "The live chat that you are trying to retrieve cannot be found. Check the value of the request's liveChatId parameter to ensure that it is correct.",
      errors: [
        {
          message:
            "The live chat that you are trying to retrieve cannot be found. Check the value of the request's liveChatId parameter to ensure that it is correct.",
          domain: 'youtube.liveChat',
          reason: 'liveChatNotFound',
        },
      ],
    },
  } as YouTubeFakeErrorBody,
  forbidden: {
    error: {
      code: 403,
      message: "You don't have the permissions required to retrieve messages for the specified live chat.",
      errors: [
        {
          message: "You don't have the permissions required to retrieve messages for the specified live chat.",
          domain: 'youtube.liveChat',
          reason: 'forbidden',
        },
      ],
    },
  } as YouTubeFakeErrorBody,
};

/** A reason with a recorded error body. */
export type YouTubeFixtureErrorName = keyof typeof youtubeErrorFixtures;
