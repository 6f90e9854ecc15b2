/**
 * The scopes `vmsc auth twitch` asks for by default: every event the Twitch connector can read
 * (its scope table) and sending chat. `--scopes` replaces them.
 */
export const TWITCH_DEFAULT_SCOPES: readonly string[] = [
  'user:read:chat',
  'user:write:chat',
  'moderator:read:followers',
  'channel:read:subscriptions',
  'bits:read',
  'channel:read:redemptions',
  'channel:read:polls',
  'channel:read:predictions',
  'channel:read:hype_train',
  'channel:read:ads',
  'moderator:read:shoutouts',
  'channel:moderate',
  'channel:read:charity',
];
