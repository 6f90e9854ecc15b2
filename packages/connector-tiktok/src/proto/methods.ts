import type { MappedMethod } from '../raw/messages.js';
import { KnownStrings } from './reader.js';

/**
 * The method names the connector maps, as {@link KnownStrings}: `BaseProtoMessage.method` and
 * `common.method` are read as these constants rather than decoded for every message of a batch.
 *
 * @packageDocumentation
 */

/** Every mapped method (the compiler checks that none is missing). */
const mapped: Record<MappedMethod, true> = {
  WebcastChatMessage: true,
  WebcastGiftMessage: true,
  WebcastLikeMessage: true,
  WebcastMemberMessage: true,
  WebcastSocialMessage: true,
  WebcastRoomUserSeqMessage: true,
  WebcastEnvelopeMessage: true,
  WebcastEmoteChatMessage: true,
  WebcastSubNotifyMessage: true,
  WebcastControlMessage: true,
};

/** The mapped method names, matched without decoding. */
export const METHOD_NAMES = new KnownStrings(Object.keys(mapped));
