/**
 * Kick fixtures copied from the research fixtures (shared/fixtures/kick; README there marks REAL /
 * REAL-inner / ASSEMBLED). Pusher event frames are kept byte-exact as the wire text (inner `data`
 * a JSON string with PHP's `\/` escapes).
 *
 * @packageDocumentation
 */

/** Every captured Kick event frame, keyed by fixture name, exactly as on the wire. */
export const kickEventFrames = {
  ChannelSubscriptionEvent:
    '{"event":"App\\\\Events\\\\ChannelSubscriptionEvent","data":"{\\"user_ids\\":[75609757],\\"username\\":\\"DemonTears\\",\\"channel_id\\":2401072}","channel":"channel_2401072"}',
  'ChatMessageEvent-2023':
    '{"event":"App\\\\Events\\\\ChatMessageEvent","data":"{\\"id\\":\\"5ad90b78-7283-444a-a91d-7105097a4250\\",\\"chatroom_id\\":875062,\\"content\\":\\"[emote:37226:KEKW]\\",\\"type\\":\\"message\\",\\"created_at\\":\\"2023-10-12T01:29:15+00:00\\",\\"sender\\":{\\"id\\":1052763,\\"username\\":\\"Edoardq\\",\\"slug\\":\\"edoardq\\",\\"identity\\":{\\"color\\":\\"#FBCFD8\\",\\"badges\\":[]}}}","channel":"chatrooms.875062.v2"}',
  'ChatMessageEvent-badges-nometadata':
    '{"event":"App\\\\Events\\\\ChatMessageEvent","data":"{\\"id\\":\\"c07427f0-3a6b-4cf8-a488-67dc0727486c\\",\\"chatroom_id\\":4598,\\"content\\":\\"@BredsNenuff Congrats @BredsNenuff! You won 30000 Rosh Coin! (Raffle ID #1197)\\",\\"type\\":\\"message\\",\\"created_at\\":\\"2026-09-27T16:12:14+00:00\\",\\"sender\\":{\\"id\\":23132317,\\"username\\":\\"RoshteinDotCom\\",\\"slug\\":\\"roshteindotcom\\",\\"identity\\":{\\"color\\":\\"#75FD46\\",\\"badges\\":[{\\"type\\":\\"moderator\\",\\"text\\":\\"Moderator\\",\\"sort_order\\":12},{\\"type\\":\\"vip\\",\\"text\\":\\"VIP\\",\\"sort_order\\":5},{\\"type\\":\\"og\\",\\"text\\":\\"OG\\",\\"sort_order\\":7},{\\"type\\":\\"subscriber\\",\\"text\\":\\"Subscriber\\",\\"count\\":24,\\"sort_order\\":9}],\\"badges_v2\\":[{\\"name\\":\\"kick_whale\\",\\"badge_type\\":\\"global\\",\\"image_url\\":\\"https:\\\\/\\\\/ext.cdn.kick.com\\\\/chat\\\\/badges\\\\/kick_whale_e2388e11-5aa1-4de3-844a-aa14826cba5d.png\\",\\"selected\\":false,\\"sort_order\\":3},{\\"name\\":\\"level\\",\\"badge_type\\":\\"global\\",\\"image_url\\":\\"https:\\\\/\\\\/ext.cdn.kick.com\\\\/chat\\\\/badges\\\\/1_17be7ee9-9ede-4f58-b6da-a2e1e4b1e56a.png\\",\\"metadata\\":{\\"level\\":1},\\"selected\\":false,\\"sort_order\\":1}]}}}","channel":"chatrooms.4598.v2"}',
  'ChatMessageEvent-celebration':
    '{"event":"App\\\\Events\\\\ChatMessageEvent","data":"{\\"id\\":\\"971f5e15-3d1a-4603-b730-46dcffb5fdf1\\",\\"chatroom_id\\":27670567,\\"content\\":\\"\ud83c\udf89\\",\\"type\\":\\"celebration\\",\\"created_at\\":\\"2025-09-14T18:54:06+00:00\\",\\"sender\\":{\\"id\\":4932883,\\"username\\":\\"Yaaaooo\\",\\"slug\\":\\"yaaaooo\\",\\"identity\\":{\\"color\\":\\"#00CCB3\\",\\"badges\\":[{\\"type\\":\\"subscriber\\",\\"text\\":\\"Subscriber\\",\\"count\\":13},{\\"type\\":\\"sub_gifter\\",\\"text\\":\\"Sub Gifter\\",\\"count\\":5}]}},\\"metadata\\":{\\"celebration\\":{\\"id\\":\\"chceleb_01K4JCQWBXWRCTNM0PG0PAGTFY\\",\\"type\\":\\"subscription_renewed\\",\\"total_months\\":13,\\"created_at\\":\\"2025-09-07T15:29:29.469652Z\\"}}}","channel":"chatrooms.27670567.v2"}',
  'ChatMessageEvent-emote-inline':
    '{"event":"App\\\\Events\\\\ChatMessageEvent","data":"{\\"id\\":\\"0c6c45ad-c54b-4faa-acc8-3bd2071226b0\\",\\"chatroom_id\\":5389830,\\"content\\":\\"[emote:5748005:collectiblesGoldenPATRICKBOO]\\",\\"type\\":\\"message\\",\\"created_at\\":\\"2026-09-27T16:12:14+00:00\\",\\"sender\\":{\\"id\\":128415940,\\"username\\":\\"Username9021o\\",\\"slug\\":\\"username9021o\\",\\"identity\\":{\\"color\\":\\"#00F1FF\\",\\"badges\\":[{\\"type\\":\\"subscriber\\",\\"text\\":\\"Subscriber\\",\\"count\\":1,\\"sort_order\\":9}],\\"badges_v2\\":[{\\"name\\":\\"level\\",\\"badge_type\\":\\"global\\",\\"image_url\\":\\"https:\\\\/\\\\/ext.cdn.kick.com\\\\/chat\\\\/badges\\\\/28_2a14f4f6-7793-431b-8ffc-79f045c425fc.png\\",\\"metadata\\":{\\"level\\":28},\\"selected\\":false,\\"sort_order\\":1}]}},\\"metadata\\":{\\"message_ref\\":\\"1790525533309\\"}}","channel":"chatrooms.5389830.v2"}',
  'ChatMessageEvent-reply':
    '{"event":"App\\\\Events\\\\ChatMessageEvent","data":"{\\"id\\":\\"5de74073-72ca-4dd5-8e6a-2ab74864f60c\\",\\"chatroom_id\\":5389830,\\"content\\":\\"yea cause we suck and everyone is over 40 years old lol\\",\\"type\\":\\"reply\\",\\"created_at\\":\\"2026-09-27T16:12:37+00:00\\",\\"sender\\":{\\"id\\":128050627,\\"username\\":\\"mrstealth67\\",\\"slug\\":\\"mrstealth67\\",\\"identity\\":{\\"color\\":\\"#6F87FF\\",\\"badges\\":[{\\"type\\":\\"subscriber\\",\\"text\\":\\"Subscriber\\",\\"count\\":1,\\"sort_order\\":9}],\\"badges_v2\\":[{\\"name\\":\\"level\\",\\"badge_type\\":\\"global\\",\\"image_url\\":\\"https:\\\\/\\\\/ext.cdn.kick.com\\\\/chat\\\\/badges\\\\/20_8778162c-8b1f-4b3a-88fe-4dbddb629d16.png\\",\\"metadata\\":{\\"level\\":20},\\"selected\\":false,\\"sort_order\\":1}]}},\\"metadata\\":{\\"original_sender\\":{\\"id\\":130541567,\\"username\\":\\"b58y0\\"},\\"original_message\\":{\\"id\\":\\"08ee7ab6-cf63-49ac-badf-38bc8e3e0cd3\\",\\"content\\":\\"Steelers are cooked\\"},\\"message_ref\\":\\"1790525557578\\"},\\"thread_parent_id\\":\\"08ee7ab6-cf63-49ac-badf-38bc8e3e0cd3\\"}","channel":"chatrooms.5389830.v2"}',
  ChatMessageEvent:
    '{"event":"App\\\\Events\\\\ChatMessageEvent","data":"{\\"id\\":\\"da2b034a-7042-4c7c-a3d4-a4288184ffc0\\",\\"chatroom_id\\":56746877,\\"content\\":\\"[emote:37232:PeepoClap][emote:37232:PeepoClap][emote:37232:PeepoClap]\\",\\"type\\":\\"message\\",\\"created_at\\":\\"2026-09-27T16:11:55+00:00\\",\\"sender\\":{\\"id\\":79274493,\\"username\\":\\"UTAMARO1\\",\\"slug\\":\\"utamaro1\\",\\"identity\\":{\\"color\\":\\"#E26EFF\\",\\"badges\\":[],\\"badges_v2\\":[{\\"name\\":\\"Flyby\\",\\"badge_type\\":\\"global\\",\\"image_url\\":\\"https:\\\\/\\\\/ext.cdn.kick.com\\\\/chat\\\\/badges\\\\/Flyby_019f591a-e1bb-7a1a-be0a-97d8d1ae1a91.png\\",\\"selected\\":true,\\"sort_order\\":4},{\\"name\\":\\"level\\",\\"badge_type\\":\\"global\\",\\"image_url\\":\\"https:\\\\/\\\\/ext.cdn.kick.com\\\\/chat\\\\/badges\\\\/39_019f35ce-472d-7926-bc7d-bd31729b18bb.png\\",\\"metadata\\":{\\"level\\":39},\\"selected\\":false,\\"sort_order\\":1}]}},\\"metadata\\":{\\"message_ref\\":\\"1790525515625\\"}}","channel":"chatrooms.56746877.v2"}',
  'ChatMessageSentEvent-subscribe':
    '{"event":"App\\\\Events\\\\ChatMessageSentEvent","data":"{\\"message\\":{\\"id\\":\\"3fa85de6-fee6-478b-9b77-2a7594c515fc\\",\\"message\\":\\"\\",\\"type\\":\\"info\\",\\"replied_to\\":null,\\"is_info\\":false,\\"link_preview\\":null,\\"chatroom_id\\":2393554,\\"role\\":\\"user\\",\\"created_at\\":1790526444,\\"action\\":\\"subscribe\\",\\"optional_message\\":null,\\"months_subscribed\\":2,\\"subscriptions_count\\":0,\\"giftedUsers\\":[]},\\"user\\":{\\"id\\":75609757,\\"username\\":\\"DemonTears\\",\\"role\\":\\"user\\",\\"isSuperAdmin\\":null,\\"profile_thumb\\":\\"https://files.kick.com/images/user/75609757/profile_image/conversion/52f56340-8b73-40b3-825e-0dfecd2f231c-medium.webp\\",\\"verified\\":false,\\"follower_badges\\":[],\\"is_subscribed\\":false,\\"is_founder\\":false,\\"months_subscribed\\":null,\\"quantity_gifted\\":0}}","channel":"chatroom_2393554"}',
  ChatMoveToSupportedChannelEvent:
    '{"event":"App\\\\Events\\\\ChatMoveToSupportedChannelEvent","data":"{\\"channel\\":{\\"id\\":2587387,\\"user_id\\":2642629,\\"slug\\":\\"4head\\",\\"is_banned\\":false,\\"playback_url\\":\\"https://fa723fc1b171.us-west-2.playback.live-video.net/api/video/v1/us-west-2.196233775518.channel.Nfs1w4IqMfpg.m3u8\\",\\"name_updated_at\\":null,\\"vod_enabled\\":true,\\"subscription_enabled\\":true,\\"is_affiliate\\":true,\\"can_host\\":false,\\"current_livestream\\":{\\"id\\":74265904,\\"slug\\":\\"e36ef0e0-4head-the-frontier-rp-tts-who-tf-knows\\",\\"channel_id\\":2587387,\\"created_at\\":\\"2025-09-14 16:11:18\\",\\"session_title\\":\\"4HEAD | The Frontier RP | TTS (who tf knows)\\",\\"is_live\\":true,\\"risk_level_id\\":null,\\"start_time\\":\\"2025-09-14 16:11:16\\",\\"source\\":null,\\"twitch_channel\\":null,\\"duration\\":0,\\"language\\":\\"English\\",\\"is_mature\\":false,\\"viewer_count\\":1371}},\\"slug\\":\\"dripp\\",\\"hosted\\":{\\"id\\":972889,\\"username\\":\\"dripp\\",\\"slug\\":\\"dripp\\",\\"viewers_count\\":1692,\\"is_live\\":true,\\"profile_pic\\":\\"https://files.kick.com/images/user/1015661/profile_image/conversion/1f64aace-aa40-458d-8c2d-0f1664b53168-thumb.webp\\",\\"category\\":\\"Games\\",\\"preview_thumbnail\\":{\\"srcset\\":\\"https://images.kick.com/video_thumbnails/87zvBZkYDBdk/H5XiKkFSroOb/720.webp 1280w\\",\\"src\\":\\"https://images.kick.com/video_thumbnails/87zvBZkYDBdk/H5XiKkFSroOb/720.webp\\"}}}","channel":"channel.2587387"}',
  ChatSettingsChanged:
    '{"event":"ChatSettingsChanged","data":"{\\"id\\":\\"e39485cd-2c5c-40dd-b4ec-4036af4064a0\\",\\"channel\\":{\\"id\\":6033545,\\"slug\\":\\"not_boter\\"},\\"settings\\":{\\"channel_id\\":6033545,\\"rules\\":\\"\\",\\"allow_links\\":{\\"enabled\\":false},\\"emotes_only_mode\\":{\\"enabled\\":false},\\"followers_only_mode\\":{\\"duration_seconds\\":1,\\"enabled\\":true},\\"minimum_account_age\\":{\\"duration_seconds\\":0,\\"enabled\\":false},\\"slow_mode\\":{\\"duration_seconds\\":0,\\"enabled\\":false},\\"subscribers_only_mode\\":{\\"enabled\\":false}},\\"created_at\\":\\"2026-09-27T16:16:28Z\\"}","channel":"channel_6033545"}',
  ChatroomUpdatedEvent:
    '{"event":"App\\\\Events\\\\ChatroomUpdatedEvent","data":"{\\"id\\":5993644,\\"subscribers_mode\\":{\\"enabled\\":false},\\"emotes_mode\\":{\\"enabled\\":false},\\"slow_mode\\":{\\"enabled\\":false,\\"message_interval\\":0},\\"followers_mode\\":{\\"enabled\\":true,\\"min_duration\\":0},\\"account_age\\":{\\"enabled\\":false,\\"min_duration\\":0}}","channel":"chatrooms.5993644.v2"}',
  FollowersUpdated:
    '{"event":"App\\\\Events\\\\FollowersUpdated","data":"{\\"followersCount\\":348,\\"channel_id\\":1234165,\\"username\\":null,\\"created_at\\":1678084970,\\"followed\\":true}","channel":"channel.1234165"}',
  'GiftedSubscriptionsEvent-legacy-app-prefixed':
    '{"event":"App\\\\Events\\\\GiftedSubscriptionsEvent","data":"{\\"chatroom_id\\":2579856,\\"gifted_usernames\\":[\\"4headschair\\"],\\"gifter_username\\":\\"adrighh\\",\\"gifter_total\\":355}","channel":"chatrooms.2579856.v2"}',
  GiftedSubscriptionsEvent:
    '{"event":"GiftedSubscriptionsEvent","data":"{\\"chatroom_id\\":23580962,\\"correlation_id\\":\\"700002820790407\\",\\"gifted_usernames\\":[\\"ebii03\\"],\\"gifter_username\\":\\"Kl_Vava\\",\\"gifted_total\\":1,\\"gifter_total\\":9,\\"chunk_details\\":null}","channel":"chatroom_23580962"}',
  'GoalProgressUpdateEvent-followers':
    '{"event":"GoalProgressUpdateEvent","data":"{\\"id\\":\\"chgoal_01M2DCX8C3VHC26STFB6C8D47V\\",\\"channel_id\\":\\"channel_01H2G5MMNG5C5Q338RP89H48YP\\",\\"type\\":\\"followers\\",\\"target_value\\":300000,\\"current_value\\":247533,\\"progress_bar_emoji_id\\":\\"chnl-goal-emotes/2\\",\\"status\\":\\"active\\",\\"created_at\\":\\"2026-09-13T12:47:08.16358Z\\",\\"updated_at\\":\\"2026-09-27T16:11:56.225514152Z\\",\\"achieved_at\\":null,\\"end_date\\":null,\\"count_from_creation\\":true}","channel":"channel_6015719"}',
  'KicksGifted-basic-nomessage':
    '{"event":"KicksGifted","data":"{\\"gift_transaction_id\\":\\"e4bf9f1f-6136-4944-8373-e20fb6cc329d\\",\\"sender\\":{\\"id\\":106919136,\\"username\\":\\"yokamal\\",\\"username_color\\":\\"#00F1FF\\",\\"profile_picture\\":\\"https://files.kick.com/images/user/106919136/profile_image/conversion/default3-fullsize.webp\\"},\\"gift\\":{\\"gift_id\\":\\"hell_yeah\\",\\"name\\":\\"Hell Yeah\\",\\"amount\\":1,\\"type\\":\\"BASIC\\",\\"tier\\":\\"BASIC\\",\\"character_limit\\":0,\\"pinned_time\\":0},\\"created_at\\":\\"2026-09-27T16:12:18.812917279Z\\"}","channel":"channel_127229430"}',
  KicksGifted:
    '{"event":"KicksGifted","data":"{\\"gift_transaction_id\\":\\"b922fca5-73b3-45d2-a28e-135553dd8a06\\",\\"message\\":\\"\ud83d\udd1d\\",\\"sender\\":{\\"id\\":123418581,\\"username\\":\\"OBitohumamahsjnqlmdjjs\\",\\"username_color\\":\\"#4CFF75\\",\\"profile_picture\\":\\"https://kick.com/img/default-profile-pictures/default-avatar-1.webp\\"},\\"gift\\":{\\"gift_id\\":\\"rage_quit\\",\\"name\\":\\"Rage Quit\\",\\"amount\\":500,\\"type\\":\\"LEVEL_UP\\",\\"tier\\":\\"MID\\",\\"character_limit\\":150,\\"pinned_time\\":600000000000},\\"created_at\\":\\"2026-09-27T16:12:16.212275837Z\\",\\"expires_at\\":\\"2026-09-27T16:22:16.212275837Z\\"}","channel":"channel_127229430"}',
  LuckyUsersWhoGotGiftSubscriptionsEvent:
    '{"event":"App\\\\Events\\\\LuckyUsersWhoGotGiftSubscriptionsEvent","data":"{\\"channel\\":{\\"id\\":5789932,\\"user_id\\":5882384,\\"slug\\":\\"sulaiman\\",\\"is_banned\\":false,\\"playback_url\\":\\"https:\\\\/\\\\/fa723fc1b171.us-west-2.playback.live-video.net\\\\/api\\\\/video\\\\/v1\\\\/us-west-2.196233775518.channel.L29JBfLzKok0.m3u8\\",\\"name_updated_at\\":null,\\"vod_enabled\\":true,\\"subscription_enabled\\":true,\\"is_affiliate\\":false,\\"can_host\\":true,\\"chatroom\\":{\\"id\\":5755510,\\"chatable_type\\":\\"App\\\\\\\\Models\\\\\\\\Channel\\",\\"channel_id\\":5789932,\\"created_at\\":\\"2023-06-08T08:24:23.000000Z\\",\\"updated_at\\":\\"2024-12-11T07:20:32.000000Z\\",\\"chat_mode_old\\":\\"public\\",\\"chat_mode\\":\\"public\\",\\"slow_mode\\":false,\\"chatable_id\\":5789932,\\"followers_mode\\":true,\\"subscribers_mode\\":false,\\"emotes_mode\\":false,\\"message_interval\\":6,\\"following_min_duration\\":0}},\\"usernames\\":[\\"lovesxb1\\",\\"O7no\\",\\"viiRayan\\",\\"Shabib_3005\\",\\"Khadielja\\"],\\"gifter_username\\":\\"Jana_ai\\"}","channel":"channel.5789932"}',
  MessageDeletedEvent:
    '{"event":"App\\\\Events\\\\MessageDeletedEvent","data":"{\\"id\\":\\"90cf86d4-3c91-4f43-9d38-2867ec82fcea\\",\\"message\\":{\\"id\\":\\"7ba14761-bbc7-44a9-a2d7-5c22b1407226\\"},\\"aiModerated\\":true,\\"violatedRules\\":[\\"is_spam-TRUE\\"]}","channel":"chatrooms.5976096.v2"}',
  NewActivityFeedEvent:
    '{"event":"App\\\\Events\\\\NewActivityFeedEvent","data":"{\\"channel_id\\":2401072,\\"type\\":\\"new_subscriber\\",\\"username\\":\\"DemonTears\\",\\"metadata\\":{},\\"created_at\\":1790526444521}","channel":"channel_2401072"}',
  NewSubscriberUpdatedEvent:
    '{"event":"App\\\\Events\\\\NewSubscriberUpdatedEvent","data":"{\\"channel_id\\":2401072,\\"last_subscriber\\":\\"DemonTears\\",\\"count\\":103280}","channel":"channel_2401072"}',
  PinnedMessageDeletedEvent: '{"event":"App\\\\Events\\\\PinnedMessageDeletedEvent","data":"[]","channel":"chatrooms.2393554.v2"}',
  PollUpdateEvent:
    '{"event":"App\\\\Events\\\\PollUpdateEvent","data":"{\\"poll\\":{\\"title\\":\\"\\\\u0644\\\\u0648 \\\\u0628\\\\u064a\\\\u062a\\\\u0631 \\\\u0646\\\\u0632\\\\u0644 \\\\u0639\\\\u0644\\\\u0649 \\\\u0641\\\\u064a\\\\u0643\\\\u0648 \\\\u0645\\\\u064a\\\\u0646 \\\\u064a\\\\u0641\\\\u0648\\\\u0632\\",\\"options\\":[{\\"id\\":0,\\"label\\":\\"\\\\u0641\\\\u064a\\\\u0643\\\\u0648\\",\\"votes\\":0},{\\"id\\":1,\\"label\\":\\"\\\\u0628\\\\u064a\\\\u062a\\\\u0631\\",\\"votes\\":0}],\\"duration\\":30,\\"remaining\\":30,\\"result_display_duration\\":15,\\"has_voted\\":false,\\"voted_option_id\\":null}}","channel":"chatrooms.5993644.v2"}',
  RewardRedeemedEvent:
    '{"event":"RewardRedeemedEvent","data":"{\\"reward_title\\":\\"Hydrate\\",\\"user_id\\":124892074,\\"channel_id\\":127229430,\\"username\\":\\"shaktisinhrajput\\",\\"user_input\\":\\"\\",\\"reward_background_color\\":\\"#00a3ff\\"}","channel":"chatroom_126939890"}',
  StopStreamBroadcast:
    '{"event":"App\\\\Events\\\\StopStreamBroadcast","data":"{\\"livestream\\":{\\"id\\":129387275,\\"channel\\":{\\"id\\":26869410,\\"is_banned\\":false}}}","channel":"channel.26869410"}',
  StreamHostEvent:
    '{"event":"App\\\\Events\\\\StreamHostEvent","data":"{\\"chatroom_id\\":668,\\"optional_message\\":null,\\"number_viewers\\":216,\\"host_username\\":\\"BortnykChess\\"}","channel":"chatrooms.668.v2"}',
  StreamHostedEvent:
    '{"event":"App\\\\Events\\\\StreamHostedEvent","data":"{\\"message\\":{\\"id\\":\\"af4673b8-a06f-4d47-84d2-9fb8c75117e2\\",\\"numberOfViewers\\":8,\\"optionalMessage\\":null,\\"createdAt\\":\\"2025-08-19T09:37:20.859247Z\\"},\\"user\\":{\\"id\\":2341810,\\"username\\":\\"ABC\\",\\"isSuperAdmin\\":false,\\"verified\\":false}}","channel":"chatrooms.12345"}',
  StreamerIsLive:
    '{"event":"App\\\\Events\\\\StreamerIsLive","data":"{\\"livestream\\":{\\"id\\":74331109,\\"channel_id\\":668,\\"session_title\\":\\"+18 #ad\ud83c\udf1fLIVE\ud83c\udf1fCLICK\ud83c\udf1fDRAMA\ud83c\udf1fNEWS\ud83c\udf1fVIDEOS\ud83c\udf1fGAMES\ud83c\udf1fVIDEOGAMES\ud83c\udf1fSTUFF\ud83c\udf1fWOW\ud83c\udf1fFUN\ud83c\udf1fLOCK IN\ud83c\udf1f\\",\\"source\\":null,\\"created_at\\":\\"2025-09-14T23:18:20.000000Z\\"}}","channel":"channel.668"}',
  SubscriptionEvent:
    '{"event":"App\\\\Events\\\\SubscriptionEvent","data":"{\\"chatroom_id\\":2393554,\\"username\\":\\"DemonTears\\",\\"months\\":2}","channel":"chatrooms.2393554.v2"}',
  'UserBannedEvent-permanent':
    '{"event":"App\\\\Events\\\\UserBannedEvent","data":"{\\"id\\":\\"fb890862-43f1-413b-bc7e-6ac3d37d0a33\\",\\"user\\":{\\"id\\":78515166,\\"username\\":\\"X9584560T\\",\\"slug\\":\\"x9584560t\\"},\\"banned_by\\":{\\"id\\":0,\\"username\\":\\"Soda19XX\\",\\"slug\\":\\"soda19xx\\"},\\"permanent\\":true}","channel":"chatrooms.2579856.v2"}',
  'UserBannedEvent-timeout':
    '{"event":"App\\\\Events\\\\UserBannedEvent","data":"{\\"id\\":\\"dbc57373-8ac0-4f9a-825f-a96e03b14ab1\\",\\"user\\":{\\"id\\":109550867,\\"username\\":\\"rittikj\\",\\"slug\\":\\"rittikj\\"},\\"banned_by\\":{\\"id\\":0,\\"username\\":\\"BotRix\\",\\"slug\\":\\"botrix\\"},\\"permanent\\":false,\\"duration\\":1,\\"expires_at\\":\\"2026-09-27T16:13:31+00:00\\"}","channel":"chatrooms.104926659.v2"}',
  UserUnbannedEvent:
    '{"event":"App\\\\Events\\\\UserUnbannedEvent","data":"{\\"id\\":\\"cc54fbf1-3483-4a41-a044-d3764709e26d\\",\\"user\\":{\\"id\\":71117137,\\"username\\":\\"Dfghyrerdd\\",\\"slug\\":\\"dfghyrerdd\\"},\\"unbanned_by\\":{\\"id\\":27901823,\\"username\\":\\"Santiii_53\\",\\"slug\\":\\"santiii-53\\"},\\"permanent\\":true}","channel":"chatrooms.26581095.v2"}',
} as const;

/** The name of a captured frame in {@link kickEventFrames}. */
export type KickFixtureName = keyof typeof kickEventFrames;

/** `pusher:connection_established` (REAL, 2023 capture). */
export const kickConnectionEstablishedFrame =
  '{"event":"pusher:connection_established","data":"{\\"socket_id\\":\\"1234.56788\\",\\"activity_timeout\\":120}"}';

/** `pusher_internal:subscription_succeeded` (REAL). */
export const kickSubscriptionSucceededFrame = '{"event":"pusher_internal:subscription_succeeded","data":"{}","channel":"chatrooms.668.v2"}';

/** `GET kick.com/api/v2/channels/xqc` (ASSEMBLED from the documented fields; ids 668/676 are real). */
export const kickChannelV2Response = {
  id: 668,
  user_id: 676,
  slug: 'xqc',
  is_banned: false,
  playback_url: 'https://fa723fc1b171.us-west-2.playback.live-video.net/api/video/v1/us-west-2.196233775518.channel.DsuAwCgUc9Bh.m3u8',
  vod_enabled: true,
  subscription_enabled: true,
  is_affiliate: false,
  followers_count: 1021350,
  subscriber_badges: [
    { id: 1, channel_id: 668, months: 1, badge_image: { srcset: '', src: 'https://files.kick.com/channel_subscriber_badges/1/original' } },
  ],
  banner_image: { url: 'https://files.kick.com/images/channel/668/banner_image/example' },
  livestream: {
    id: 74331109,
    slug: 'example-livestream-slug',
    channel_id: 668,
    created_at: '2025-09-14 23:18:20',
    session_title: 'example title',
    is_live: true,
    risk_level_id: null,
    start_time: '2025-09-14 23:18:19',
    source: null,
    twitch_channel: null,
    duration: 0,
    language: 'English',
    is_mature: true,
    viewer_count: 41235,
    thumbnail: { url: 'https://images.kick.com/video_thumbnails/example/720.webp' },
    categories: [
      {
        id: 15,
        category_id: 2,
        name: 'Just Chatting',
        slug: 'just-chatting',
        tags: ['IRL'],
        description: null,
        deleted_at: null,
        viewers: 41235,
        category: { id: 2, name: 'IRL', slug: 'irl', icon: '🎙️' },
      },
    ],
    tags: [],
  },
  role: null,
  muted: false,
  follower_badges: [],
  offline_banner_image: null,
  verified: true,
  recent_categories: [],
  can_host: true,
  user: {
    id: 676,
    username: 'xQc',
    agreed_to_terms: true,
    email_verified_at: '2022-10-22T06:59:51.000000Z',
    bio: '',
    country: null,
    state: null,
    city: null,
    instagram: '',
    twitter: '',
    youtube: '',
    discord: '',
    tiktok: '',
    facebook: '',
    profile_pic: 'https://files.kick.com/images/user/676/profile_image/conversion/example-fullsize.webp',
  },
  chatroom: {
    id: 668,
    chatable_type: 'App\\Models\\Channel',
    channel_id: 668,
    created_at: '2022-10-22T06:59:51.000000Z',
    updated_at: '2025-08-21T04:45:02.000000Z',
    chat_mode_old: 'public',
    chat_mode: 'public',
    slow_mode: true,
    chatable_id: 668,
    followers_mode: true,
    subscribers_mode: false,
    emotes_mode: false,
    message_interval: 5,
    following_min_duration: 10,
  },
  ascending_links: [],
} as const;

/** Kick's realtime negotiation answer (ASSEMBLED, shape uncertain: both known shapes are accepted by the connector). */
export const kickChatConnectionResponse = {
  data: {
    connections: [
      { provider: 'pusher', credentials: { app_key: '32cbd69e4b950bf97679', cluster: 'us2' } },
      { provider: 'centrifugo', credentials: { url: 'wss://realtime.us-east-1.platform.kick.com/connection/websocket' } },
    ],
    mode: 'websocket',
  },
} as const;

/** Cloudflare's challenge page, as served with HTTP 403 to server clients on kick.com/api. */
export const cloudflareChallengeHtml =
  '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta http-equiv="refresh" content="360"></head><body><div class="main-wrapper" role="main"><div class="main-content"><h1 class="zone-name-title h1">kick.com</h1><h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2></div></div></body></html>';
