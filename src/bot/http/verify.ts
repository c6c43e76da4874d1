/**
 * Discord's signature on an HTTP interaction: `X-Signature-Ed25519` (hex) is the Ed25519 signature of
 * `X-Signature-Timestamp` followed by the raw body, made with the application's key; the bot checks it
 * with the application's public key (Developer Portal > General Information > Public Key, 64 hex digits).
 *
 * node:crypto verifies Ed25519 itself (OpenSSL), so no package is needed: discord-interactions does the
 * same check over WebCrypto and would add a dependency for four lines.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** The DER header of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

const PUBLIC_KEY = /^[0-9a-f]{64}$/i;
const SIGNATURE = /^[0-9a-f]{128}$/i;
const TIMESTAMP = /^\d{1,12}$/;

/** Seconds a signed request stays acceptable: a request older (or newer) than this is refused. */
export const MAX_SIGNATURE_AGE_SECONDS = 300;

export function isPublicKey(hex: string): boolean {
  return PUBLIC_KEY.test(hex);
}

/** The key object of a 64-hex-digit Ed25519 public key; throws on anything else. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!isPublicKey(hex)) throw new Error('an Ed25519 public key is 64 hexadecimal digits');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

export type Verdict = 'ok' | 'missing' | 'malformed' | 'stale' | 'forged';

/**
 * Checks one request's signature. `nowSeconds` is the receiving clock: a timestamp further than
 * MAX_SIGNATURE_AGE_SECONDS from it is refused, so a captured request cannot be replayed later.
 */
export function checkSignature(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowSeconds: number = Date.now() / 1000,
): Verdict {
  if (!signature || !timestamp) return 'missing';
  if (!SIGNATURE.test(signature) || !TIMESTAMP.test(timestamp)) return 'malformed';
  const signed = verify(
    null,
    Buffer.concat([Buffer.from(timestamp, 'utf8'), body]),
    key,
    Buffer.from(signature, 'hex'),
  );
  if (!signed) return 'forged';
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_SIGNATURE_AGE_SECONDS) return 'stale';
  return 'ok';
}
