import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { validateRules } from '@vmsc/core';
import { runStreamerRules } from './streamer-rules.js';

describe('examples/streamer-rules: points, commands, a timer and shared alerts from one rules file', () => {
  it('plays a stream: every step says what a streamer expects, and nothing more', async () => {
    const run = await runStreamerRules();
    const said = Object.fromEntries(run.steps.map(({ step, sent }) => [step, sent]));
    expect(said['the stream goes live']).toEqual([]);
    expect(said['viewers chat']).toEqual([]);
    // A point per chat message, the command's own message included.
    expect(said['viewer_a types !points']).toEqual(['@viewer_a you have 4 points']);
    // !dice: moderators only, once per 30 s per moderator.
    expect(said['viewer_a (not a moderator) types !dice']).toEqual([]);
    expect(said['mod_m types !dice']).toEqual([expect.stringMatching(/^@mod_m rolled a [1-6] 🎲$/)]);
    expect(said['mod_m types !dice again at once']).toEqual([]);
    expect(said['30 seconds later, mod_m types !dice']).toEqual([expect.stringMatching(/^@mod_m rolled a [1-6] 🎲$/)]);
    // The timer posts once after ten minutes of chat; watch points accrued 5 × 5 for each active viewer.
    expect(said['ten minutes pass']).toEqual(['Enjoying the stream? Type !points to see your points, !top for the leaderboard.']);
    expect(said['viewer_b types !top']).toEqual(['Top viewers: 1. viewer_a (30), 2. mod_m (28), 2. viewer_b (28)']);
    // One chat message (!top) in the next ten minutes: fewer than five, no post.
    expect(said['ten more quiet minutes pass']).toEqual([]);
    // Three alert rules share the queue "alerts": one at a time, the cheer (high priority) before the sub.
    expect(said['a follow, a sub and a cheer arrive together']).toEqual(['Thanks for the follow, new_follower!']);
    expect(said['the follow alert ends (8 s)']).toEqual(['cheerer cheered 100 bits!']);
    expect(said['the cheer alert ends (8 s)']).toEqual(['Welcome to the club, subber!']);
    expect(said['cheerer types !points']).toEqual(['@cheerer you have 101 points']);
    expect(run.output).toMatch(/Dice for twitch chat → forbidden/);
    expect(run.output).toMatch(/Dice for twitch chat → cooldown/);
  }, 60_000);

  it('the rules file is valid on its own and holds no secrets', async () => {
    const text = await readFile(new URL('./rules.json', import.meta.url), 'utf8');
    expect(text).not.toMatch(/token|password|secret/i);
    const result = validateRules(JSON.parse(text));
    // `reply` is registered by the hub (it has the connectors): without them it is the only issue.
    expect(!result.ok && [...new Set(result.issues.map((issue) => issue.message))]).toEqual([expect.stringContaining('reply')]);
  });
});
