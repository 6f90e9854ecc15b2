/**
 * Twitch + StreamElements with cross-source duplicate suppression.
 *
 * With credentials it connects for real:
 *
 *   TWITCH_CLIENT_ID=... TWITCH_TOKEN=... TWITCH_CHANNEL=yourlogin SE_JWT=... \
 *     npx tsx examples/twitch-streamelements-dedupe/main.ts
 *
 * (TWITCH_TOKEN: a user token of the broadcaster with `moderator:read:followers` and `bits:read`;
 * SE_JWT: the JWT from StreamElements → Account → Channels.) Without them it runs against the local
 * fakes of @vmsc/testing and plays a cheer and a follow that both sources deliver.
 */
import { closeAllFakes, streamelementsActivityFixtures } from '@vmsc/testing';
import { startFakes } from './fakes.js';
import { start, type DedupeSetupOptions } from './setup.js';

const env = process.env;
const real = env.TWITCH_CLIENT_ID && env.TWITCH_TOKEN && env.TWITCH_CHANNEL && env.SE_JWT;

let options: DedupeSetupOptions;
let play: (() => void) | undefined;
if (real) {
  options = {
    twitch: {
      clientId: env.TWITCH_CLIENT_ID!,
      auth: env.TWITCH_TOKEN!,
      broadcaster: env.TWITCH_CHANNEL!,
      events: ['follow', 'cheer', 'subscribe', 'raid'],
    },
    streamelements: { token: env.SE_JWT!, method: 'jwt' },
  };
} else {
  console.log('No TWITCH_* / SE_JWT in the environment: running against the local fakes.');
  const fakes = await startFakes();
  const { twitchFake, seFake } = fakes;
  options = fakes.options;
  play = () => {
    // cool_user (Twitch user 1234) cheers 1000 bits and follows; StreamElements relays both, first.
    const cheer = streamelementsActivityFixtures['event-cheer'];
    const follower = streamelementsActivityFixtures['event-follower'];
    const user = { username: 'cool_user', displayName: 'Cool_User', providerId: '1234' };
    seFake.emitEvent({ ...cheer, _id: 'se-cheer-1', data: { ...cheer.data, ...user, amount: 1000 } });
    seFake.emitEvent({ ...follower, _id: 'se-follow-1', data: { ...follower.data, ...user } });
    twitchFake.notify('channel.cheer');
    twitchFake.notify('channel.follow');
  };
}

const setup = await start(options);
setup.bus.on('cheer', (e) => {
  const bits = 'bits' in e.data ? e.data.bits : 'amount' in e.data ? e.data.amount : '?'; // Twitch says bits, relays say amount
  console.log(`cheer: ${e.user.nickname} ${bits} bits via ${e.source}`);
});
setup.bus.on('follow', (e) => console.log(`follow: ${e.user.nickname} via ${e.source}`));
setup.bus.on('tip', (e) => console.log(`tip: ${e.user.nickname} ${e.data.amount} ${e.data.currency ?? ''} via ${e.source}`));
setup.bus.onNotice('deduped', (notice) => console.log(`  duplicate dropped: ${notice.detail}`));

if (play) {
  play();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await setup.stop();
  await closeAllFakes();
} else {
  console.log('Connected. Ctrl-C to stop.');
  process.once('SIGINT', () => void setup.stop().then(() => process.exit(0)));
}
