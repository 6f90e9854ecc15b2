import { createSign, generateKeyPairSync, randomBytes } from 'node:crypto';

/** An RSA key pair in PEM, for signing fake Kick webhooks. */
export interface KickWebhookKeys {
  publicKey: string;
  privateKey: string;
}

/** Generates a 2048-bit RSA key pair (PEM) to sign test webhooks with. */
export function generateKickWebhookKeys(): KickWebhookKeys {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKey, privateKey };
}

/** Kick's signature: base64 RSA PKCS#1 v1.5 SHA-256 of `${messageId}.${timestamp}.${rawBody}`. */
export function signKickWebhook(privateKeyPem: string, messageId: string, timestamp: string, rawBody: string): string {
  return createSign('RSA-SHA256').update(`${messageId}.${timestamp}.${rawBody}`).sign(privateKeyPem, 'base64');
}

const ULID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID-shaped id (26 Crockford base32 characters), like Kick's `Kick-Event-Message-Id`. */
export function fakeUlid(): string {
  const bytes = randomBytes(26);
  let id = Date.now().toString(32).toUpperCase().padStart(10, '0').slice(-10);
  for (let i = id.length; i < 26; i++) id += ULID_ALPHABET[bytes[i]! % 32];
  return id;
}

/** One webhook to send. */
export interface KickWebhookSendInit {
  /** `Kick-Event-Type`. */
  type: string;
  /** The payload (serialized as is), or the raw body text. */
  body: unknown;
  /** `Kick-Event-Version`. Default `1`. */
  version?: string;
  /** `Kick-Event-Message-Id`. Default: a fresh ULID. */
  messageId?: string;
  /** `Kick-Event-Message-Timestamp`. Default: now, RFC 3339. */
  timestamp?: string;
  /** Replace the signature (or `null` to send none). */
  signature?: string | null;
  /** Extra or overriding headers (`undefined` removes one). */
  headers?: Record<string, string | undefined>;
}

/** What the receiver answered. */
export interface KickWebhookSendResult {
  status: number;
  body: string;
  messageId: string;
}

/**
 * Sends signed Kick webhooks to a URL with Kick's real headers (`Kick-Event-Message-Id`,
 * `-Signature`, `-Message-Timestamp`, `-Type`, `-Version`), signed with `privateKey`.
 *
 * @example
 * ```ts
 * const keys = generateKickWebhookKeys();
 * const sender = new KickWebhookSender(receiver.url!, keys.privateKey);
 * await sender.send({ type: 'channel.followed', body: { broadcaster, follower } });
 * ```
 */
export class KickWebhookSender {
  readonly url: string;
  readonly #privateKey: string;

  constructor(url: string, privateKeyPem: string) {
    this.url = url;
    this.#privateKey = privateKeyPem;
  }

  /** Posts one webhook; resolves with the answer (never rejects on an HTTP error status). */
  async send(init: KickWebhookSendInit): Promise<KickWebhookSendResult> {
    const messageId = init.messageId ?? fakeUlid();
    const timestamp = init.timestamp ?? new Date().toISOString();
    const raw = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    const signature = init.signature === undefined ? signKickWebhook(this.#privateKey, messageId, timestamp, raw) : init.signature;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'Kick-Event-Message-Id': messageId,
      'Kick-Event-Message-Timestamp': timestamp,
      'Kick-Event-Type': init.type,
      'Kick-Event-Version': init.version ?? '1',
    };
    if (signature !== null) headers['Kick-Event-Signature'] = signature;
    for (const [name, value] of Object.entries(init.headers ?? {})) {
      if (value === undefined) delete headers[name];
      else headers[name] = value;
    }
    const response = await fetch(this.url, { method: 'POST', headers, body: raw });
    return { status: response.status, body: await response.text(), messageId };
  }
}
