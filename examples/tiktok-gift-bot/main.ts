/**
 * Runs the gift bot on a live TikTok creator:
 *
 *   TIKTOK_USERNAME=some_creator EULER_API_KEY=... npx tsx examples/tiktok-gift-bot/main.ts
 *
 * EULER_API_KEY (Euler Stream's Sign API key) is optional on the free tier; SIGN_API_URL points at
 * another sign server. Edit `mappings` and `perform` to make gifts do something real.
 */
import { start, type GiftMapping } from './bot.js';

const uniqueId = process.env.TIKTOK_USERNAME;
if (!uniqueId) {
  console.error('Set TIKTOK_USERNAME to a creator who is live, e.g. TIKTOK_USERNAME=some_creator');
  process.exit(1);
}

const mappings: GiftMapping[] = [
  { gift: 'Rose', action: 'confetti' },
  { gift: 'TikTok', action: 'airhorn' },
  { gift: 'Galaxy', action: 'fireworks' },
];

const bot = await start({
  uniqueId,
  mappings,
  connector: { signApi: { apiKey: process.env.EULER_API_KEY, ...(process.env.SIGN_API_URL ? { url: process.env.SIGN_API_URL } : {}) } },
  perform: ({ action, nickname, count, gift, diamonds }) =>
    console.log(`${action}! ${nickname} sent ${count}× ${gift} (${diamonds} diamonds)`),
  onRun: (run) => run.error && console.error(`${run.rule.name}: ${run.outcome}: ${run.error.message}`),
});
bot.bus.on('gift', (e) => {
  if (!e.data.repeatEnd) console.log(`  … ${e.user.nickname}'s ${e.data.giftName} streak at ${e.data.repeatCount}`);
});
console.log(`Connected to @${uniqueId}'s LIVE. Ctrl-C to stop.`);
process.once('SIGINT', () => void bot.stop().then(() => process.exit(0)));
