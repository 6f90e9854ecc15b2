import { createPublicKey, createVerify, type KeyObject } from 'node:crypto';
import { KickWebhookKeyError } from './errors.js';

/**
 * Kick's public key for webhook signatures, as published on docs.kick.com ("Webhook security")
 * and served at `GET https://api.kick.com/public/v1/public-key`.
 */
export const KICK_WEBHOOK_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAq/+l1WnlRrGSolDMA+A8
6rAhMbQGmQ2SapVcGM3zq8ANXjnhDWocMqfWcTd95btDydITa10kDvHzw9WQOqp2
MZI7ZyrfzJuz5nhTPCiJwTwnEtWft7nV14BYRDHvlfqPUaZ+1KR4OCaO/wWIk/rQ
L/TjY0M70gse8rlBkbo2a8rKhu69RQTRsoaf4DVhDPEeSeI5jVrRDGAMGL3cGuyY
6CLKGdjVEM78g3JfYOvDU/RvfqD7L89TZ3iN94jrmWdGz34JNlEI5hqK8dd7C5EF
BEbZ5jgB8s8ReQV8H+MkuffjdAj3ajDDX3DOJMIut1lBrUVD1AaSrGCKHooWoL2e
twIDAQAB
-----END PUBLIC KEY-----
`;

/** Parses a PEM public key; throws {@link KickWebhookKeyError} when it is not one. */
export function loadKickPublicKey(pem: string): KeyObject {
  try {
    return createPublicKey(pem);
  } catch (error) {
    throw new KickWebhookKeyError(`not a PEM public key: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Whether `signature` (base64) is Kick's RSA PKCS#1 v1.5 SHA-256 signature of
 * `${messageId}.${timestamp}.${rawBody}` under `key`.
 */
export function verifyKickSignature(key: KeyObject, messageId: string, timestamp: string, rawBody: Buffer, signature: string): boolean {
  const bytes = Buffer.from(signature, 'base64');
  if (bytes.length === 0) return false;
  const verify = createVerify('RSA-SHA256');
  verify.update(`${messageId}.${timestamp}.`);
  verify.update(rawBody);
  try {
    return verify.verify(key, bytes);
  } catch {
    return false;
  }
}

/**
 * Fetches Kick's public key from `GET {apiUrl}/public/v1/public-key` (answer
 * `{ data: { public_key: "<PEM>" } }`).
 */
export async function fetchKickPublicKey(apiUrl: string, timeoutMs = 10_000): Promise<KeyObject> {
  let response: Response;
  try {
    response = await fetch(new URL('/public/v1/public-key', apiUrl), { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new KickWebhookKeyError(`Kick's public key could not be fetched: ${(error as Error).message}`, { cause: error });
  }
  if (!response.ok) throw new KickWebhookKeyError(`Kick's public key endpoint answered HTTP ${response.status}`);
  const body = (await response.json().catch(() => undefined)) as { data?: { public_key?: unknown } } | undefined;
  const pem = body?.data?.public_key;
  if (typeof pem !== 'string') throw new KickWebhookKeyError("Kick's public key endpoint answered without data.public_key");
  return loadKickPublicKey(pem);
}
