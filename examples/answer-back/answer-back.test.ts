import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { validateRules } from '@vmsc/core';
import { runAnswerBack } from './answer-back.js';

describe('examples/answer-back: a rules file run by vmsc start answers back', () => {
  it('answers !dice on the platform that asked and switches OBS to BRB on !brb', async () => {
    const run = await runAnswerBack();
    expect(run.replies.twitch).toEqual(
      expect.arrayContaining([expect.stringMatching(/^@twitch_viewer rolled a [1-6] 🎲$/), 'Be right back!']),
    );
    expect(run.replies.youtube).toEqual([expect.stringMatching(/rolled a [1-6] 🎲$/)]);
    expect(run.replies.kick).toEqual([expect.stringMatching(/^@kick_viewer rolled a [1-6] 🎲$/), 'Thanks for the follow, kick_follower!']);
    expect(run.programScene).toBe('BRB');
    expect(run.webhookCalls).toEqual([
      { url: '/hooks/vmsc/follow', json: { platform: 'twitch', user: 'new_follower' } },
      { url: '/hooks/vmsc/follow', json: { platform: 'kick', user: 'kick_follower' } },
    ]);
    expect(run.replies.twitch).toContain('Thanks for the follow, new_follower!');
    expect(run.overlayAlerts).toEqual([
      expect.objectContaining({ title: 'new_follower followed!', message: 'Welcome to the stream on twitch', durationMs: 4000 }),
      expect.objectContaining({ title: 'kick_follower followed!', message: 'Welcome to the stream on kick' }),
    ]);
    expect(run.output).toMatch(/Dice for twitch chat → completed/);
    expect(run.output).toMatch(/BRB scene for twitch chat → forbidden/);
    expect(run.output).toMatch(/BRB scene for twitch chat → completed/);
    // Credentials come from the environment and never reach the output.
    expect(run.output).not.toMatch(/kick-example-chat-token|obs-example-password|hooks\/vmsc/);
  }, 30_000);

  it('the rules file holds no secrets and is valid on its own', async () => {
    const text = await readFile(new URL('./rules.json', import.meta.url), 'utf8');
    expect(text).not.toMatch(/token|password|secret/i);
    expect(validateRules(JSON.parse(text)).ok).toBe(false); // obs is not a built-in: the hub registers it
  });
});
