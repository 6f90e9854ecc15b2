import { describe, expect, it } from 'vitest';
import * as entry from '../src/index.js';

describe('the public entry', () => {
  it('exports the connector, its errors, the quota defaults and the pure normalizers, not the internals', () => {
    expect(Object.keys(entry).sort()).toEqual(
      [
        'ChatPipeline',
        'DEFAULT_QUOTA_COSTS',
        'YOUTUBE_CHAT_LIMITS',
        'YouTubeApiError',
        'YouTubeAuthError',
        'YouTubeChatDisabledError',
        'YouTubeChatEndedError',
        'YouTubeChatNotFoundError',
        'YouTubeConnector',
        'YouTubeForbiddenError',
        'YouTubeNotLiveError',
        'YouTubeQuotaExceededError',
        'YouTubeRateLimitError',
        'YouTubeSendChatError',
        'normalizeMessage',
      ].sort(),
    );
  });
});
