import type { WebSocket } from 'ws';
import { decode as decodeMsgpack, encode as encodeMsgpack } from '@msgpack/msgpack';
import { startWsServer } from '../../loopback.js';
import {
  ObsCloseCode as Close,
  ObsEventSubscription,
  ObsOpCode as Op,
  ObsRequestStatus,
  OBS_RPC_VERSION,
  obsAuthenticationString,
  obsRandomSalt,
} from './protocol.js';
import { runObsRequest, type ObsFakeEvent, type ObsRequestResult } from './requests.js';
import { ObsFakeState, type ObsFakeInputInit, type ObsFakeSceneInit, type ObsJsonObject } from './state.js';

/** Options of {@link startObsFake}. */
export interface ObsFakeOptions {
  /** Require authentication with this password (Hello then carries `authentication`). Default: none. */
  password?: string;
  /** The scenes (default {@link OBS_FAKE_DEFAULT_SCENES}). */
  scenes?: readonly ObsFakeSceneInit[];
  /** The inputs (default {@link OBS_FAKE_DEFAULT_INPUTS}). */
  inputs?: readonly ObsFakeInputInit[];
  /** The program scene at start (default: the first scene). */
  programScene?: string;
  /** Hotkey names `TriggerHotkeyByName` accepts (default {@link OBS_FAKE_DEFAULT_HOTKEYS}). */
  hotkeys?: readonly string[];
}

/** A request the fake received (op 6, or one entry of an op 8 batch) and the code it answered. */
export interface ObsFakeRequest {
  requestType: string;
  requestId: string | undefined;
  requestData: unknown;
  /** The `requestStatus.code` answered (undefined while a silenced request waits forever). */
  code: number | undefined;
  /** Whether it came in a RequestBatch. */
  batch: boolean;
}

/** A close the fake initiated, with obs-websocket's close code. */
export interface ObsFakeClose {
  code: number;
  reason: string;
}

/** A scripted failure for the next request of one type: a `requestStatus`, or `'silence'` (never answered). */
export type ObsFakeFailure = { code: number; comment?: string } | 'silence';

/**
 * A local obs-websocket 5 server (JSON or MessagePack, by the `obswebsocket.json` /
 * `obswebsocket.msgpack` subprotocol): Hello (with the salted challenge when a password is set),
 * Identify / Identified, Reidentify, Request / RequestResponse, RequestBatch, and events to the
 * identified clients whose `eventSubscriptions` include the event's intent. Protocol violations close
 * the socket with obs-websocket's close codes (4007 NotIdentified, 4009 AuthenticationFailed...).
 */
export interface ObsFake {
  /** `ws://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** The password it requires, if any. */
  readonly password: string | undefined;
  /** The OBS state requests read and change (scenes, items, inputs, program scene, outputs, hotkeys). */
  readonly state: ObsFakeState;
  /** Every request received, in order. */
  readonly requests: readonly ObsFakeRequest[];
  /** Every decoded client message (`{ op, d }`), in order. */
  readonly received: readonly ObsJsonObject[];
  /** Every close the fake initiated (auth failures, protocol errors), in order. */
  readonly closes: readonly ObsFakeClose[];
  /** Open connections. */
  readonly connectionCount: number;
  /** Open, identified connections. */
  readonly identifiedCount: number;
  /** The `eventSubscriptions` of each identified connection. */
  subscriptions(): number[];
  /** Sends an event (op 5) to the identified clients subscribed to `eventIntent`. */
  emitEvent(eventType: string, eventIntent: number, eventData?: ObsJsonObject): void;
  /** Answers the next request of `requestType` with this failure instead of running it. */
  failNextRequest(requestType: string, failure: ObsFakeFailure): void;
  /** While true, every request answers 207 NotReady (OBS is loading or exiting). */
  setNotReady(notReady: boolean): void;
  /** Resolves with the next connection. */
  nextConnection(timeoutMs?: number): Promise<WebSocket>;
  /** Drops every connection abruptly (no close frame). */
  dropAll(): void;
  /** Closes every connection with this code (e.g. 4011 SessionInvalidated, the "Kick" button). */
  closeAll(code?: number, reason?: string): void;
  close(): Promise<void>;
}

interface Session {
  readonly encoding: 'json' | 'msgpack';
  readonly challenge: string;
  identified: boolean;
  subscriptions: number;
}

const PROTOCOLS = ['obswebsocket.json', 'obswebsocket.msgpack'];
const isObject = (value: unknown): value is ObsJsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const isUnsigned = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** Starts an {@link ObsFake} on 127.0.0.1 (port 0); closed by `closeAllFakes()`. */
export async function startObsFake(options: ObsFakeOptions = {}): Promise<ObsFake> {
  const state = new ObsFakeState(options);
  const salt = obsRandomSalt();
  const sessions = new Map<WebSocket, Session>();
  const requests: ObsFakeRequest[] = [];
  const received: ObsJsonObject[] = [];
  const closes: ObsFakeClose[] = [];
  const failures = new Map<string, ObsFakeFailure[]>();
  let notReady = false;

  const send = (socket: WebSocket, message: ObsJsonObject) => {
    const session = sessions.get(socket);
    if (!session || socket.readyState !== socket.OPEN) return;
    socket.send(session.encoding === 'msgpack' ? encodeMsgpack(message) : JSON.stringify(message));
  };
  const closeWith = (socket: WebSocket, code: number, reason: string) => {
    closes.push({ code, reason });
    socket.close(code, reason);
  };
  const broadcast = (events: readonly ObsFakeEvent[]) => {
    for (const event of events) {
      for (const [socket, session] of sessions) {
        if (session.identified && (session.subscriptions & event.eventIntent) !== 0) send(socket, { op: Op.Event, d: { ...event } });
      }
    }
  };

  /** Runs one request (or answers its scripted failure); undefined when it is silenced. */
  const answer = (
    requestType: string,
    requestId: string | undefined,
    requestData: unknown,
    batch: boolean,
  ): ObsRequestResult | undefined => {
    const record: ObsFakeRequest = { requestType, requestId, requestData, code: undefined, batch };
    requests.push(record);
    const failure = failures.get(requestType)?.shift();
    if (failure === 'silence') return undefined;
    const result = failure
      ? failure
      : notReady
        ? { code: ObsRequestStatus.NotReady, comment: 'OBS is not ready to perform the request.' }
        : runObsRequest(state, requestType, requestData, Date.now());
    record.code = result.code;
    return result;
  };
  const responseOf = (requestType: string, requestId: string | undefined, result: ObsRequestResult): ObsJsonObject => ({
    requestType,
    ...(requestId === undefined ? {} : { requestId }),
    requestStatus: {
      result: result.code === ObsRequestStatus.Success,
      code: result.code,
      ...(result.comment ? { comment: result.comment } : {}),
    },
    ...(result.responseData ? { responseData: result.responseData } : {}),
  });

  const identify = (socket: WebSocket, session: Session, d: ObsJsonObject) => {
    if (session.identified) return closeWith(socket, Close.AlreadyIdentified, 'You are already Identified with the obs-websocket server.');
    if (options.password !== undefined) {
      if (!('authentication' in d)) {
        return closeWith(
          socket,
          Close.AuthenticationFailed,
          "Your payload's data is missing an `authentication` string, however authentication is required.",
        );
      }
      if (typeof d.authentication !== 'string')
        return closeWith(socket, Close.AuthenticationFailed, 'Your `authentication` field is not a string.');
      if (d.authentication !== obsAuthenticationString(options.password, salt, session.challenge)) {
        return closeWith(socket, Close.AuthenticationFailed, 'Authentication failed.');
      }
    }
    if (!('rpcVersion' in d)) return closeWith(socket, Close.MissingDataField, "Your payload's data is missing an `rpcVersion`.");
    if (!isUnsigned(d.rpcVersion)) return closeWith(socket, Close.InvalidDataFieldType, 'Your `rpcVersion` is not an unsigned number.');
    if (d.rpcVersion !== OBS_RPC_VERSION)
      return closeWith(socket, Close.UnsupportedRpcVersion, 'Your requested RPC version is not supported by this server.');
    if (!setParameters(socket, session, d)) return;
    session.identified = true;
    send(socket, { op: Op.Identified, d: { negotiatedRpcVersion: OBS_RPC_VERSION } });
  };
  const setParameters = (socket: WebSocket, session: Session, d: ObsJsonObject): boolean => {
    if (!('eventSubscriptions' in d)) return true;
    if (!isUnsigned(d.eventSubscriptions)) {
      closeWith(socket, Close.InvalidDataFieldType, 'Your `eventSubscriptions` is not an unsigned number.');
      return false;
    }
    session.subscriptions = d.eventSubscriptions;
    return true;
  };

  const request = (socket: WebSocket, d: ObsJsonObject) => {
    if (!('requestId' in d)) return closeWith(socket, Close.MissingDataField, 'Your payload data is missing a `requestId`.');
    if (!('requestType' in d)) return closeWith(socket, Close.MissingDataField, "Your payload's data is missing an `requestType`.");
    if (typeof d.requestType !== 'string') return closeWith(socket, Close.InvalidDataFieldType, 'Your `requestType` is not a string.');
    const requestId = String(d.requestId);
    const result = answer(d.requestType, requestId, d.requestData, false);
    if (!result) return;
    send(socket, { op: Op.RequestResponse, d: responseOf(d.requestType, requestId, result) });
    broadcast(result.events ?? []);
  };
  const requestBatch = (socket: WebSocket, d: ObsJsonObject) => {
    if (!('requestId' in d)) return closeWith(socket, Close.MissingDataField, 'Your payload data is missing a `requestId`.');
    if ('haltOnFailure' in d && d.haltOnFailure !== null && typeof d.haltOnFailure !== 'boolean') {
      return closeWith(socket, Close.InvalidDataFieldType, 'Your `haltOnFailure` is not a boolean.');
    }
    if (!('requests' in d)) return closeWith(socket, Close.MissingDataField, 'Your payload data is missing a `requests`.');
    if (!Array.isArray(d.requests)) return closeWith(socket, Close.InvalidDataFieldType, 'Your `requests` is not an array.');
    const results: ObsJsonObject[] = [];
    const events: ObsFakeEvent[] = [];
    for (const entry of d.requests as unknown[]) {
      const item = isObject(entry) ? entry : {};
      const requestType = typeof item.requestType === 'string' ? item.requestType : '';
      const requestId = item.requestId === undefined || item.requestId === null ? undefined : String(item.requestId);
      const result = answer(requestType, requestId, item.requestData, true) ?? {
        code: ObsRequestStatus.RequestProcessingFailed,
        comment: 'silenced',
      };
      results.push(responseOf(requestType, requestId, result));
      events.push(...(result.events ?? []));
      if (d.haltOnFailure === true && result.code !== ObsRequestStatus.Success) break;
    }
    send(socket, { op: Op.RequestBatchResponse, d: { requestId: String(d.requestId), results } });
    broadcast(events);
  };

  const onMessage = (socket: WebSocket, data: Buffer, isBinary: boolean) => {
    const session = sessions.get(socket);
    if (!session) return;
    let message: unknown;
    if (session.encoding === 'json') {
      if (isBinary)
        return closeWith(socket, Close.MessageDecodeError, 'Your session encoding is set to Json, but a binary message was received.');
      try {
        message = JSON.parse(data.toString());
      } catch (error) {
        return closeWith(socket, Close.MessageDecodeError, `Unable to decode Json: ${(error as Error).message}`.slice(0, 120));
      }
    } else {
      if (!isBinary)
        return closeWith(socket, Close.MessageDecodeError, 'Your session encoding is set to MsgPack, but a text message was received.');
      try {
        message = decodeMsgpack(data);
      } catch (error) {
        return closeWith(socket, Close.MessageDecodeError, `Unable to decode MsgPack: ${(error as Error).message}`.slice(0, 120));
      }
    }
    if (!isObject(message)) return closeWith(socket, Close.MessageDecodeError, 'You sent a non-object payload.');
    received.push(message);
    if (!session.identified && 'request-type' in message) {
      return closeWith(socket, Close.UnsupportedRpcVersion, 'You appear to be attempting to connect with the pre-5.0.0 plugin protocol.');
    }
    if (!('op' in message)) return closeWith(socket, Close.UnknownOpCode, 'Your request is missing an `op`.');
    if (typeof message.op !== 'number') return closeWith(socket, Close.UnknownOpCode, 'Your `op` is not a number.');
    const d = message.d;
    if (!isObject(d)) {
      return d === undefined || d === null
        ? closeWith(socket, Close.MissingDataField, 'Your payload is missing data (`d`).')
        : closeWith(socket, Close.InvalidDataFieldType, "Your payload's data (`d`) is not an object.");
    }
    if (!session.identified && message.op !== Op.Identify) {
      return closeWith(socket, Close.NotIdentified, 'You attempted to send a non-Identify message while not identified.');
    }
    switch (message.op) {
      case Op.Identify:
        return identify(socket, session, d);
      case Op.Reidentify:
        if (setParameters(socket, session, d)) send(socket, { op: Op.Identified, d: { negotiatedRpcVersion: OBS_RPC_VERSION } });
        return;
      case Op.Request:
        return request(socket, d);
      case Op.RequestBatch:
        return requestBatch(socket, d);
      default:
        return closeWith(socket, Close.UnknownOpCode, `Unknown OpCode: ${message.op}`);
    }
  };

  const server = await startWsServer({
    handleProtocols: (offered) => PROTOCOLS.find((protocol) => offered.has(protocol)) ?? false,
    onConnection(socket) {
      const session: Session = {
        encoding: socket.protocol === 'obswebsocket.msgpack' ? 'msgpack' : 'json',
        challenge: obsRandomSalt(),
        identified: false,
        subscriptions: ObsEventSubscription.All,
      };
      sessions.set(socket, session);
      socket.on('message', (data, isBinary) => onMessage(socket, data as Buffer, isBinary));
      socket.on('close', () => sessions.delete(socket));
      send(socket, {
        op: Op.Hello,
        d: {
          obsStudioVersion: '30.2.2',
          obsWebSocketVersion: '5.5.2',
          rpcVersion: OBS_RPC_VERSION,
          ...(options.password !== undefined ? { authentication: { challenge: session.challenge, salt } } : {}),
        },
      });
    },
  });

  const identifiedSessions = () => [...sessions.values()].filter((session) => session.identified);
  return {
    url: server.url,
    port: server.port,
    password: options.password,
    state,
    requests,
    received,
    closes,
    get connectionCount() {
      return sessions.size;
    },
    get identifiedCount() {
      return identifiedSessions().length;
    },
    subscriptions: () => identifiedSessions().map((session) => session.subscriptions),
    emitEvent(eventType, eventIntent, eventData) {
      broadcast([{ eventType, eventIntent, ...(eventData ? { eventData } : {}) }]);
    },
    failNextRequest(requestType, failure) {
      const queue = failures.get(requestType) ?? [];
      queue.push(failure);
      failures.set(requestType, queue);
    },
    setNotReady(value) {
      notReady = value;
    },
    nextConnection: (timeoutMs) => server.nextConnection(timeoutMs === undefined ? {} : { timeoutMs }),
    dropAll: server.dropAll,
    closeAll: server.closeAll,
    close: server.close,
  };
}
