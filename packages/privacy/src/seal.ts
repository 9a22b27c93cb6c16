/**
 * AES-256-GCM over one personal text field. The associated data binds the ciphertext to its
 * customer, its stream, its event and its place in the event, so a sealed value moved elsewhere —
 * another field, another event, another case — does not open.
 */
import type { SealedText } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SubjectKeyBytes } from './keyStore.js';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Where a sealed value belongs; all of it must match when it is opened. */
export interface SealContext {
  readonly subject: string;
  readonly streamName: string;
  readonly eventId: string;
  readonly path: string;
}

/** Version 2 binds the stream; version 1 (caseledger 0.1) did not, and is still read. */
const associatedData = (c: SealContext, version: SealedText['sealed']): Buffer =>
  Buffer.from(
    JSON.stringify(
      version === 'aes-256-gcm/1' ? ['caseledger.seal/1', c.subject, c.eventId, c.path] : ['caseledger.seal/2', c.subject, c.streamName, c.eventId, c.path],
    ),
    'utf8',
  );

export const sealText = (key: SubjectKeyBytes, context: SealContext, text: string): SealedText => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(context, 'aes-256-gcm/2'));
  const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return {
    sealed: 'aes-256-gcm/2',
    subject: context.subject,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
};

/** The text, or `does-not-open` when this key does not open this value here (wrong key, altered or moved bytes). */
export const openSealed = (key: SubjectKeyBytes, context: SealContext, sealed: SealedText): E.Either<'does-not-open', string> => {
  try {
    const iv = Buffer.from(sealed.iv, 'base64');
    const tag = Buffer.from(sealed.tag, 'base64');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return E.left('does-not-open');
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(context, sealed.sealed));
    decipher.setAuthTag(tag);
    return E.right(Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8'));
  } catch {
    return E.left('does-not-open');
  }
};
