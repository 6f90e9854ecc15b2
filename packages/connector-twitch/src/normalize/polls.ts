import type { EventData } from '@vmsc/core';
import type { RawPollChoice, RawPollEvent, RawPredictionEvent, RawPredictionOutcome } from '../raw/events.js';

type PollChoice = EventData<'twitch', 'poll_begin'>['choices'][number];
type Outcome = EventData<'twitch', 'prediction_begin'>['outcomes'][number];

function choiceOf(choice: RawPollChoice): PollChoice {
  const out: PollChoice = { id: choice.id, title: choice.title };
  if (typeof choice.votes === 'number') out.votes = choice.votes;
  if (typeof choice.bits_votes === 'number') out.bitsVotes = choice.bits_votes;
  if (typeof choice.channel_points_votes === 'number') out.channelPointsVotes = choice.channel_points_votes;
  return out;
}

/** `channel.poll.begin` / `.progress` → data. */
export function pollData(event: RawPollEvent): EventData<'twitch', 'poll_begin'> {
  return { pollId: event.id, title: event.title, choices: event.choices.map(choiceOf) };
}

/**
 * `channel.poll.end` → data. `winningChoice` is the choice with the most votes (the first on a tie);
 * `null` when the poll was archived or nobody voted.
 */
export function pollEndData(event: RawPollEvent): EventData<'twitch', 'poll_end'> {
  const choices = event.choices.map(choiceOf);
  let winner: PollChoice | null = null;
  if (event.status !== 'archived') {
    for (const choice of choices) if ((choice.votes ?? 0) > (winner?.votes ?? 0)) winner = choice;
  }
  const data: EventData<'twitch', 'poll_end'> = { pollId: event.id, title: event.title, choices, winningChoice: winner };
  if (event.status) data.status = event.status;
  return data;
}

function outcomeOf(outcome: RawPredictionOutcome): Outcome {
  const out: Outcome = { id: outcome.id, title: outcome.title, color: outcome.color };
  if (typeof outcome.users === 'number') out.users = outcome.users;
  if (typeof outcome.channel_points === 'number') out.points = outcome.channel_points;
  if (outcome.top_predictors) {
    out.topPredictors = outcome.top_predictors.map((p) => ({
      id: p.user_id,
      username: p.user_login,
      nickname: p.user_name,
      pointsUsed: p.channel_points_used,
      pointsWon: p.channel_points_won,
    }));
  }
  return out;
}

/** `channel.prediction.begin` / `.progress` / `.lock` → data. */
export function predictionData(event: RawPredictionEvent): EventData<'twitch', 'prediction_begin'> {
  return { predictionId: event.id, title: event.title, outcomes: event.outcomes.map(outcomeOf) };
}

/** `channel.prediction.end` → data; `winningOutcome` is `null` unless resolved. */
export function predictionEndData(event: RawPredictionEvent): EventData<'twitch', 'prediction_end'> {
  const outcomes = event.outcomes.map(outcomeOf);
  const winner = event.winning_outcome_id ? (outcomes.find((o) => o.id === event.winning_outcome_id) ?? null) : null;
  const data: EventData<'twitch', 'prediction_end'> = { predictionId: event.id, title: event.title, outcomes, winningOutcome: winner };
  if (event.status) data.status = event.status;
  return data;
}
