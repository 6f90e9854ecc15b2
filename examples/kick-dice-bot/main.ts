/**
 * Runs the dice bot on a real Kick channel:
 *
 *   KICK_CHANNEL=xqc npx tsx examples/kick-dice-bot/main.ts
 *
 * Reading needs no credentials. To answer in chat too, also set KICK_BOT_TOKEN (an OAuth user token
 * with the `chat:write` scope) and KICK_BROADCASTER_USER_ID (the channel owner's numeric user id);
 * without them the answers are printed.
 */
import { start } from './bot.js';

const channel = process.env.KICK_CHANNEL;
if (!channel) {
  console.error('Set KICK_CHANNEL to a Kick channel slug, e.g. KICK_CHANNEL=xqc');
  process.exit(1);
}
const token = process.env.KICK_BOT_TOKEN;
const broadcasterUserId = Number(process.env.KICK_BROADCASTER_USER_ID);
const canSend = token !== undefined && Number.isInteger(broadcasterUserId);

const bot = await start({
  channel,
  ...(canSend ? { connector: { chatToken: token, broadcasterUserId } } : { reply: (text: string) => console.log(`[reply] ${text}`) }),
  onRun: (run) => run.error && console.error(`dice rule ${run.outcome}: ${run.error.message}`),
});
bot.bus.onNotice('status', (notice) => console.log(`kick: ${notice.status}${notice.error ? ` (${notice.error.message})` : ''}`));
console.log(`Listening to kick.com/${channel}; type !dice in its chat. Ctrl-C to stop.`);
process.once('SIGINT', () => void bot.stop().then(() => process.exit(0)));
