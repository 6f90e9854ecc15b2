/**
 * The ceiling bench's rules: 1,000 generated rules shaped like a busy streamer's set, on a Kick
 * chat stream. Most filter on types or sources the stream does not send (as most of a real set
 * waits for gifts, raids or other platforms); a share matches every chat message or some of them.
 * No action leaves the machine: no `reply` (Kick's chat API) and no `http`; overlay alerts go to
 * the hub's own custom WS server. No rule holds a secret.
 *
 * The mix, out of 1,000 (see {@link RULE_MIX}): 20 rules on every Kick chat message (counters,
 * points, per-viewer counters, last chatter); 130 Kick chat filters with conditions (keywords,
 * links, caps, emotes, length: some match); 300 chat commands with cooldowns, permissions and
 * argument patterns (25 of them typed in the stream, see {@link CHAT_LINES}); 250 rules on event
 * types the stream does not send (gifts, follows, subs, raids, cheers, donations...); 260 chat
 * rules for other platforms (Twitch, YouTube, TikTok); 20 timers; 20 disabled rules.
 */

/** A rule as the rules file holds it (checked by the hub's own validation when it starts). */
export type RuleJson = Record<string, unknown>;

/** How many rules of each kind {@link generateRules} makes (1,000 in all). */
export const RULE_MIX = {
  everyChat: 20,
  chatFilters: 130,
  commands: 300,
  otherTypes: 250,
  otherPlatforms: 260,
  timers: 20,
  disabled: 20,
} as const;

/** The commands of the set that viewers type in the bench's chat (the others are never typed). */
export const TYPED_COMMANDS = [
  '!points',
  '!dice',
  '!lurk',
  '!so',
  '!discord',
  '!uptime',
  '!hug',
  '!socials',
  '!rank',
  '!followage',
  '!hype',
  '!gamble',
  '!quote',
  '!song',
  '!sens',
  '!pc',
  '!rules',
  '!giveaway',
  '!join',
  '!bet',
  '!top',
  '!clip',
  '!time',
  '!emotes',
  '!specs',
] as const;

/**
 * What viewers write (the feeder cycles through it; the bench appends its marker to each line).
 * About one line in eight is a command, some with arguments.
 */
export const CHAT_LINES: readonly string[] = [
  'hello chat',
  'LUL that was close',
  '[emote:37226:KEKW][emote:37226:KEKW]',
  'gg',
  'what game is this?',
  '!points',
  'POG POG POG',
  'first time here, love the stream',
  'lol',
  'can you play the next map?',
  'nice shot',
  '[emote:37232:PeepoClap]',
  'who is winning?',
  '!dice 20',
  'hahaha',
  'that was insane',
  'any tips for a new player?',
  'W',
  'L',
  'LETS GOOOO',
  'check out my channel https://example.com/me',
  '!so @friend',
  'brb',
  'back',
  'im so hyped right now',
  'how long have you been streaming today',
  '!hug streamer',
  'the music is great',
  'what keyboard is that',
  '!lurk',
  'GG WP',
  'my internet is lagging again',
  'respect',
  'sheeeesh',
  '!uptime',
  'monkaS',
  'no way',
  'thats crazy',
  'hi from brazil',
  'hi from germany',
  '!rank',
  'what rank are you',
  'clip that',
  '!clip',
  'is this ranked?',
  'who else is watching at 3am',
  '!gamble 100',
  'lmao',
  'rip',
];

const uuid = (n: number) => `c0ffee00-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const otherTypes = [
  'gift',
  'follow',
  'subscribe',
  'subscription_gift',
  'cheer',
  'raid',
  'kicks_gift',
  'donation',
  'super_chat',
  'membership_gift',
  'like',
  'share',
  'channel_point_redeem',
  'host',
  'tip',
  'bits',
  'new_subscriber',
  'gifted_sub',
] as const;
const otherPlatforms = ['twitch', 'youtube', 'tiktok'] as const;
const keywords = ['gg', 'pog', 'hello', 'lol', 'hype', 'rip', 'clip', 'lag', 'song', 'giveaway', 'brazil', 'w', 'l'];

function everyChat(i: number): RuleJson {
  const actions = [
    [{ type: 'counter', name: `chat_total_${i}` }],
    [{ type: 'addPoints', amount: 1 }],
    [{ type: 'counter', name: `messages_${i}`, scope: 'user' }],
    [{ type: 'setVariable', name: `lastChatter_${i}`, value: '{{user.username}}' }],
  ][i % 4]!;
  return { name: `every chat ${i}`, trigger: { types: ['chat'], sources: ['kick'] }, actions };
}

function chatFilter(i: number): RuleJson {
  const word = keywords[i % keywords.length]!;
  const conditions = [
    { path: 'data.message', op: 'contains', value: word, ignoreCase: true },
    { path: 'data.message', op: 'matches', value: 'https?://\\S+' },
    {
      all: [
        { path: 'data.message.length', op: '>', value: 12 },
        { path: 'data.message', op: 'matches', value: '^[A-Z !]+ ' },
      ],
    },
    { path: 'data.message', op: 'startsWith', value: '[emote:' },
    {
      any: [
        { path: 'data.message', op: 'contains', value: `${word}${i}` },
        { path: 'user.vars.points', op: '>=', value: 1_000_000 },
      ],
    },
  ][i % 5]!;
  const actions = [
    [{ type: 'counter', name: `filter_${i}` }],
    [{ type: 'addPoints', amount: -1, floor: 0 }],
    [{ type: 'setVariable', name: `lastMatch_${i}`, value: '{{data.message}}' }],
  ][i % 3]!;
  return { name: `chat filter ${i}`, trigger: { types: ['chat'], sources: ['kick'] }, conditions, actions };
}

function command(i: number): RuleJson {
  const typed = i < TYPED_COMMANDS.length;
  const word = typed ? TYPED_COMMANDS[i]! : `!cmd${i}`;
  const trigger: Record<string, unknown> = { command: word, sources: i % 3 === 0 ? ['kick'] : ['kick', 'twitch', 'youtube'] };
  if (i % 7 === 3) trigger.permission = 'moderator';
  if (i % 11 === 5) trigger.permission = 'subscriber';
  if (i % 5 === 1) trigger.args = { pattern: '[target] [words...]', usage: `Usage: ${word} [target]` };
  if (word === '!dice') trigger.args = { pattern: '[sides:int] [words...]' };
  const rule: RuleJson = {
    name: `command ${word}`,
    trigger,
    cooldown: i % 2 === 0 ? { perUserMs: 30_000 } : { globalMs: 5_000 + (i % 10) * 1_000 },
    actions: [
      { type: 'counter', name: `uses_${word.slice(1)}` },
      ...(i % 4 === 0 ? [{ type: 'addPoints', amount: -5, floor: 0 }] : []),
      ...(i % 4 === 1 ? [{ type: 'setVariable', name: `lastUser_${word.slice(1)}`, value: '{{user.nickname}}' }] : []),
    ],
  };
  if (i % 5 === 1) rule.onUsage = [{ type: 'counter', name: `usage_${word.slice(1)}` }];
  return rule;
}

function otherType(i: number): RuleJson {
  const type = otherTypes[i % otherTypes.length]!;
  const rule: RuleJson = {
    name: `${type} ${i}`,
    trigger: { types: [type], ...(i % 3 === 0 ? { sources: [otherPlatforms[i % 3]!, 'kick'] } : {}) },
    actions:
      i % 4 === 0
        ? [{ type: 'overlay', title: `{{user.nickname}}: ${type}!`, message: 'Thank you', durationMs: 4_000 }]
        : [
            { type: 'counter', name: `${type}_${i}` },
            { type: 'addPoints', amount: 10 + (i % 50) },
          ],
  };
  if (i % 5 === 2) rule.conditions = { path: 'user.id', op: 'exists', value: true };
  if (i % 6 === 1) rule.cooldown = { group: { name: 'alerts', ms: 10_000 } };
  return rule;
}

function otherPlatform(i: number): RuleJson {
  const source = otherPlatforms[i % otherPlatforms.length]!;
  return {
    name: `${source} chat ${i}`,
    trigger: { types: ['chat'], sources: [source] },
    ...(i % 2 === 0
      ? { conditions: { path: 'data.message', op: 'contains', value: keywords[i % keywords.length]!, ignoreCase: true } }
      : {}),
    actions: [{ type: 'counter', name: `${source}_chat_${i}` }],
  };
}

function timer(i: number): RuleJson {
  return {
    name: `timer ${i}`,
    trigger: { timer: { everySeconds: 30 + (i % 10) * 30, ...(i % 2 === 0 ? { minChatMessages: 5 } : {}) } },
    actions:
      i % 2 === 0
        ? [{ type: 'addPoints', to: 'activeViewers', activeWithinMinutes: 10, amount: 5 }]
        : [{ type: 'counter', name: `timer_${i}` }],
  };
}

function disabled(i: number): RuleJson {
  return { name: `disabled ${i}`, enabled: false, trigger: { types: ['chat'] }, actions: [{ type: 'counter', name: `off_${i}` }] };
}

/** The 1,000 rules, in a fixed order (the same file every run). */
export function generateRules(): RuleJson[] {
  const kinds: Array<[number, (i: number) => RuleJson]> = [
    [RULE_MIX.everyChat, everyChat],
    [RULE_MIX.chatFilters, chatFilter],
    [RULE_MIX.commands, command],
    [RULE_MIX.otherTypes, otherType],
    [RULE_MIX.otherPlatforms, otherPlatform],
    [RULE_MIX.timers, timer],
    [RULE_MIX.disabled, disabled],
  ];
  const rules: RuleJson[] = [];
  for (const [count, make] of kinds) for (let i = 0; i < count; i++) rules.push({ id: uuid(rules.length + 1), ...make(i) });
  return rules;
}
