import type { StreamUser } from '@vmsc/core';

/** A sample viewer. */
export const viewer = (id: string, username: string, nickname: string, extra: Partial<StreamUser> = {}): StreamUser => ({
  id,
  username,
  nickname,
  ...extra,
});
