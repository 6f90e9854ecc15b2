/** ANSI colours, applied only when the output is a terminal. */
export interface Colours {
  paint(code: number, text: string): string;
}

/** Colours for a terminal, or pass-through for pipes and files. */
export function colours(enabled: boolean): Colours {
  return { paint: enabled ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_code, text) => text };
}

/** The colour of each connector status (the five states). */
export const statusColour: Readonly<Record<string, number>> = {
  disconnected: 90,
  connecting: 36,
  connected: 32,
  reconnecting: 33,
  error: 31,
};

/** The colour of each platform's tag. */
export const sourceColour: Readonly<Record<string, number>> = {
  tiktok: 35,
  twitch: 95,
  youtube: 31,
  kick: 32,
  streamlabs: 36,
  streamelements: 34,
  heartrate: 91,
};
