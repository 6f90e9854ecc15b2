import { startStreamElementsFake, startTwitchFake, STREAMELEMENTS_FAKE_JWT } from '@vmsc/testing';
import type { DedupeSetupOptions } from './setup.js';

/**
 * Starts the local Twitch and StreamElements fakes of @vmsc/testing and returns the setup options
 * aimed at them (broadcaster `cool_user`, follows and cheers), for running the example without
 * credentials and for its test.
 */
export async function startFakes() {
  const twitchFake = await startTwitchFake();
  const seFake = await startStreamElementsFake();
  const options: DedupeSetupOptions = {
    twitch: {
      clientId: twitchFake.clientId,
      auth: 'test-token',
      broadcaster: 'cool_user',
      events: ['follow', 'cheer'],
      urls: { eventsub: twitchFake.eventsubUrl, helix: twitchFake.helixUrl, auth: twitchFake.authUrl },
    },
    streamelements: { token: STREAMELEMENTS_FAKE_JWT, method: 'jwt', url: seFake.url },
  };
  return { twitchFake, seFake, options };
}
