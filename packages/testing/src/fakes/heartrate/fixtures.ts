/**
 * Heart rate payloads copied from /work/shared/fixtures/heartrate (their README marks each file
 * REAL, DOC or ASSEMBLED; noted per constant). Frames as they travel on the wire.
 *
 * @packageDocumentation
 */

/** DOC: docs.pulsoid.net "Read Heart Rate via WebSocket" message example. */
export const pulsoidMessage = '{"measured_at":1625310655000,"data":{"heart_rate":40}}';

/** DOC: same page, `response_mode=text_plain_only_heart_rate` example. */
export const pulsoidPlainMessage = '123';

/** DOC: docs.pulsoid.net "Error Code Format" example (`error_code` is a string there). */
export const pulsoidError7010 = { error_code: '7010', error_message: 'error_authorization_header_has_wrong_format' } as const;

/** ASSEMBLED: Pulsoid's error table, 7005 token_not_found (HTTP 403). */
export const pulsoidError7005 = { error_code: 7005, error_message: 'token_not_found' } as const;

/** DOC: HypeRate/DevDocs Readme.md, the client's join (the docs reuse ref 0 everywhere). */
export const hypeRateJoin = '{"topic":"hr:internal-testing","event":"phx_join","payload":{},"ref":0}';

/** DOC: HypeRate/DevDocs Readme.md, the client's heartbeat. */
export const hypeRateHeartbeat = '{"topic":"phoenix","event":"heartbeat","payload":{},"ref":0}';

/** DOC: HypeRate/DevDocs Readme.md, the client's leave. */
export const hypeRateLeave = '{"topic":"hr:internal-testing","event":"phx_leave","payload":{},"ref":0}';

/** DOC: HypeRate/DevDocs Readme.md, a reading. */
export const hypeRateHrUpdate = '{"event":"hr_update","payload":{"hr":79},"ref":null,"topic":"hr:internal-testing"}';

/** REAL: a reading logged in an Electron client's comment. */
export const hypeRateHrUpdateReal = '{"event":"hr_update","payload":{"hr":59},"ref":null,"topic":"hr:Rhl"}';

/** ASSEMBLED: `hr: 0` = inactive session (as an ipv4.army client handles it). */
export const hypeRateHrUpdateZero = '{"event":"hr_update","payload":{"hr":0},"ref":null,"topic":"hr:internal-testing"}';

/** REAL: the join reply logged in the same Electron client comment. */
export const hypeRateJoinReply = '{"event":"phx_reply","payload":{"response":{},"status":"ok"},"ref":0,"topic":"hr:Rhl"}';

/** REAL: a heartbeat reply on topic `phoenix` (Unity client comment). */
export const hypeRateHeartbeatReply = '{"event":"phx_reply","payload":{"response":{},"status":"ok"},"ref":0,"topic":"phoenix"}';

/** ASSEMBLED (reason text uncertain): Phoenix's standard error reply, here to a join of `hr:`. */
export const hypeRateJoinErrorReply =
  '{"event":"phx_reply","payload":{"response":{"reason":"unmatched topic"},"status":"error"},"ref":0,"topic":"hr:"}';

/** DOC: HypeRate/DevDocs Clips.md, a clip broadcast on `clips:<id>`. */
export const hypeRateClipCreated =
  '{"ref":null,"payload":{"twitch_slug":"FuriousExuberantTruffleCmonBruh-AmSuUmskamv8RPin"},"topic":"clips:internal-testing","event":"clip:created"}';

/** Every heart rate fixture above, by name. */
export const heartrateFixtures = {
  pulsoidMessage,
  pulsoidPlainMessage,
  pulsoidError7010,
  pulsoidError7005,
  hypeRateJoin,
  hypeRateHeartbeat,
  hypeRateLeave,
  hypeRateHrUpdate,
  hypeRateHrUpdateReal,
  hypeRateHrUpdateZero,
  hypeRateJoinReply,
  hypeRateHeartbeatReply,
  hypeRateJoinErrorReply,
  hypeRateClipCreated,
} as const;
