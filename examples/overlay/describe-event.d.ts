/** Types of describe-event.js (the page loads the .js directly; tests import it through these). */

/** The event fields the overlay reads (a StreamEvent fits). */
export interface OverlayEvent {
  id: string;
  type: string;
  source: string;
  user: { id: string; username: string; nickname: string };
  data: object;
  meta?: { platform?: string };
}

/** The five alert kinds. */
export type AlertKind = 'gift' | 'follow' | 'sub' | 'tip' | 'raid';

/** What an alert shows. */
export interface Alert {
  kind: AlertKind;
  title: string;
  text: string;
  detail?: string;
  /** Display name of the platform (the relayed platform for aggregator events). */
  platform: string;
}

/** One chat box line. */
export interface ChatLine {
  platform: string;
  name: string;
  message: string;
  /** The user's colour, only when it is a hex colour. */
  color?: string;
}

/** Event types the overlay subscribes to. */
export declare const OVERLAY_EVENT_TYPES: string[];

/** The alert for an event, or `undefined` when it does not alert. */
export declare function describeAlert(event: OverlayEvent): Alert | undefined;

/** The chat line of a `chat` event, or `undefined`. */
export declare function describeChat(event: OverlayEvent): ChatLine | undefined;
