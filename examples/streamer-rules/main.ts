import { runStreamerRules } from './streamer-rules.js';

// `npx tsx examples/streamer-rules/main.ts`: plays a short stream against the Twitch fake and prints
// what the hub said after each step (VMSC_ECHO=1 also prints the hub's own output).
const run = await runStreamerRules(process.env.VMSC_ECHO ? { echo: (text) => process.stdout.write(text) } : {});
for (const { step, sent } of run.steps) {
  console.log(`${step}:${sent.length === 0 ? ' (nothing)' : ''}`);
  for (const text of sent) console.log(`  ${text}`);
}
