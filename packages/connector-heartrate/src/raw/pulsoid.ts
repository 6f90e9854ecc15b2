/**
 * Pulsoid's real-time WebSocket wire types (docs.pulsoid.net, "Read Heart Rate via WebSocket" and
 * "Error Code Format").
 *
 * @packageDocumentation
 */

/** One reading in the default JSON response mode. */
export interface PulsoidHeartRateMessage {
  /** When the sensor measured it, Unix epoch milliseconds. */
  measured_at: number;
  data: {
    heart_rate: number;
  };
}

/**
 * Pulsoid's error body, `{error_code, error_message}`, sent with the HTTP status of a refused
 * upgrade. `error_code` is a string in Pulsoid's own example (`"7010"`) and a number elsewhere.
 */
export interface PulsoidErrorBody {
  error_code: number | string;
  error_message?: string;
}

/** The `response_mode` query values: JSON (default) or the bare number (`123`). */
export type PulsoidResponseMode = 'json' | 'text_plain_only_heart_rate';

/** Pulsoid's documented error codes, with their names and HTTP statuses. */
export const PULSOID_ERROR_CODES: Readonly<Record<number, { name: string; httpStatus: number }>> = {
  7001: { name: 'error_while_validating_token', httpStatus: 500 },
  7002: { name: 'error_while_validating_token', httpStatus: 500 },
  7003: { name: 'error_while_validating_token', httpStatus: 500 },
  7004: { name: 'error_while_validating_token', httpStatus: 500 },
  7005: { name: 'token_not_found', httpStatus: 403 },
  7006: { name: 'token_expired', httpStatus: 403 },
  7007: { name: 'premium_required', httpStatus: 402 },
  7009: { name: 'error_authorization_header_is_not_present', httpStatus: 403 },
  7010: { name: 'error_authorization_header_has_wrong_format', httpStatus: 403 },
  7011: { name: 'error_invalid_scope', httpStatus: 400 },
};
