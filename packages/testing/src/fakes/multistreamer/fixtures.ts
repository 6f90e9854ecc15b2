/**
 * Messages of the multistreamer WebSocket API, exactly as its wiki documents them (spec 004,
 * "WebSocket API - altodd/multistreamer GitHub Wiki"). DOC: copied from the documentation, not
 * captured from a live server.
 *
 * @packageDocumentation
 */

/** One account in a multistreamer `status` message. */
export interface MultistreamerAccount {
  live: boolean;
  writable: boolean;
  ready: boolean;
  name: string;
  network: { name: string; displayName: string };
  http_url?: string;
}

/** `status` (server → client). */
export interface MultistreamerStatusMessage {
  type: 'status';
  status: { data_pulling: boolean; data_pushing: boolean; data_incoming: boolean };
  accounts: Record<string, MultistreamerAccount>;
}

/** A received `text` or `emote` chat message (server → client). */
export interface MultistreamerChatMessage {
  type: 'text' | 'emote';
  account_id: number;
  stream_id?: number;
  network: string;
  from: { id: number | string; name: string };
  to?: { id: number | string; name: string };
  text: string;
  markdown?: string;
}

/** `viewcountresult` (server → client). */
export interface MultistreamerViewCountResult {
  type: 'viewcountresult';
  viewer_count: number;
  stream_id: number;
  account_id: number;
}

/** `writerresult` (server → client): a chat writer was created. */
export interface MultistreamerWriterResult {
  type: 'writerresult';
  account_id: number;
  cur_stream_account_id: number;
}

/** Any message a multistreamer client sends (`status`, `viewcount`, `writer`, `text`, `emote`). */
export type MultistreamerClientMessage =
  | { type: 'status' }
  | { type: 'viewcount' }
  | { type: 'writer'; account_id: number; cur_stream_account_id: number }
  | { type: 'text' | 'emote'; account_id: number; cur_stream_account_id: number; text: string };

/** "Stream goes live". */
export const streamGoesLive: MultistreamerStatusMessage = {
  type: 'status',
  status: { data_pulling: false, data_pushing: true, data_incoming: true },
  accounts: {
    '14': {
      live: true,
      writable: true,
      name: 'jprjrdev',
      network: { displayName: 'Twitch', name: 'twitch' },
      ready: true,
      http_url: 'https://twitch.tv/jprjrdev',
    },
    '17': { network: { displayName: 'Twitch', name: 'twitch' }, writable: true, name: 'gamethattunedev', ready: false, live: false },
    '0': { name: 'john', ready: true, network: { displayName: 'IRC', name: 'irc' }, live: false, writable: true },
  },
};

/** "Stream ends". */
export const streamEnds: MultistreamerStatusMessage = {
  type: 'status',
  status: { data_incoming: false, data_pulling: false, data_pushing: false },
  accounts: {
    '0': { writable: true, name: 'john', live: false, ready: true, network: { name: 'irc', displayName: 'IRC' } },
  },
};

/** "receiving an internal IRC message". */
export const ircText: MultistreamerChatMessage = {
  type: 'text',
  account_id: 0,
  network: 'irc',
  from: { id: 2, name: 'test' },
  text: 'yay',
  markdown: 'yay',
};

/** "receiving an internal IRC private message" (note the `to` key). */
export const ircPrivateText: MultistreamerChatMessage = {
  type: 'text',
  account_id: 0,
  network: 'irc',
  from: { id: 2, name: 'test' },
  to: { name: 'john', id: 1 },
  text: 'hey ban this guy',
  markdown: 'hey ban this guy',
};

/** "receiving a twitch message". */
export const twitchText: MultistreamerChatMessage = {
  type: 'text',
  stream_id: 21,
  account_id: 14,
  network: 'twitch',
  text: "here's a message from twitch Kappa",
  markdown: "here's a message from twitch ",
  from: { id: '146521877', name: 'gamethattunedev' },
};

/** "receiving a twitch emote". */
export const twitchEmote: MultistreamerChatMessage = {
  type: 'emote',
  stream_id: 21,
  account_id: 14,
  network: 'twitch',
  text: 'is loving this',
  markdown: 'is loving this',
  from: { name: 'gamethattunedev', id: '146521877' },
};

/** The `viewcountresult` example. */
export const viewCountResult: MultistreamerViewCountResult = { type: 'viewcountresult', viewer_count: 0, stream_id: 21, account_id: 14 };

/** The `writerresult` example. */
export const writerResult: MultistreamerWriterResult = { type: 'writerresult', account_id: 17, cur_stream_account_id: 14 };

/** Every documented server → client example, by name. */
export const multistreamerFixtures = {
  streamGoesLive,
  streamEnds,
  ircText,
  ircPrivateText,
  twitchText,
  twitchEmote,
  viewCountResult,
  writerResult,
} as const;
