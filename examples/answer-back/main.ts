import { runAnswerBack } from './answer-back.js';

// `npx tsx examples/answer-back/main.ts`: runs the example against the fakes and prints what the hub did.
const run = await runAnswerBack({ echo: (text) => process.stdout.write(text) });
console.log('\nreplies:', JSON.stringify(run.replies, null, 2));
console.log('OBS program scene:', run.programScene);
