/**
 * Envelope encryption (T-10): a customer's key is stored only wrapped by a key-encryption key (KEK)
 * that the application holds outside the database. A copy of the key table — a backup, a WAL
 * archive, a replica — holds no key it can use without the KEK; destroy an old KEK after a rotation
 * (`rotateKeyEncryptionKey`) and every copy taken before it is dead, forgotten customers' keys with it.
 *
 * `localKek` is the port from a 32-byte secret (an environment variable or a file); a KMS implements
 * the same port.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface KekError {
  readonly _tag: 'KekError';
  readonly code: 'KEK_INVALID' | 'KEK_UNAVAILABLE' | 'KEK_DOES_NOT_UNWRAP' | 'KEK_UNKNOWN' | 'KEK_RING_REPEATS_KEY';
  readonly message: string;
}

export const kekError = (code: KekError['code'], message: string): KekError => ({ _tag: 'KekError', code, message });

/** The port: wraps and unwraps customers' keys. Its id is stored beside every key it wrapped. */
export interface KeyEncryptionKey {
  /** Stable, not secret: e.g. `kek-3f9a…` from the secret's fingerprint, or a KMS key's id. */
  readonly id: string;
  readonly wrap: (subjectKey: Uint8Array, subject: string) => TE.TaskEither<KekError, Uint8Array>;
  readonly unwrap: (wrapped: Uint8Array, subject: string) => TE.TaskEither<KekError, Uint8Array>;
}

/** The KEK new keys are wrapped with, and older ones still accepted while a rotation runs. */
export interface KekRing {
  readonly current: KeyEncryptionKey;
  readonly previous?: ReadonlyArray<KeyEncryptionKey>;
}

/**
 * A ring whose KEKs are all different. A previous KEK that is the current one would let a rotation
 * "finish" with nothing moved and report the previous KEK safe to destroy: destroying it would
 * destroy every customer's key.
 */
export const kekRing = (current: KeyEncryptionKey, previous: ReadonlyArray<KeyEncryptionKey> = []): E.Either<KekError, KekRing> => {
  const ids = [current.id, ...previous.map((k) => k.id)];
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  return repeated === undefined
    ? E.right({ current, previous })
    : E.left(
        kekError(
          'KEK_RING_REPEATS_KEY',
          `The key-encryption key ${repeated} is given twice (${repeated === current.id ? 'as the current KEK and as a previous one' : 'as two previous KEKs'}); a rotation needs a new KEK different from every old one.`,
        ),
      );
};

/** The KEK of a ring with this id, if the ring holds it. */
export const kekOf = (ring: KekRing, id: string): KeyEncryptionKey | undefined => [ring.current, ...(ring.previous ?? [])].find((k) => k.id === id);

const SECRET_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What a wrapped key is bound to: it unwraps only for its own customer under its own KEK. */
const wrapAad = (kekId: string, subject: string): Buffer => Buffer.from(JSON.stringify(['caseledger.kek/1', kekId, subject]), 'utf8');

/** The id of a local KEK: a fingerprint of its secret, so two processes with the same secret agree. */
const fingerprint = (secret: Uint8Array): string => `kek-${createHash('sha256').update('caseledger.kek.id/1').update(secret).digest('hex').slice(0, 16)}`;

/** A KEK from a 32-byte secret held by the application (AES-256-GCM key wrap). */
export const localKek = (secret: Uint8Array): E.Either<KekError, KeyEncryptionKey> => {
  if (secret.length !== SECRET_BYTES) return E.left(kekError('KEK_INVALID', `A key-encryption key is ${SECRET_BYTES} bytes; this one has ${secret.length}.`));
  const kek = Buffer.from(secret);
  const id = fingerprint(kek);
  return E.right({
    id,
    wrap: (subjectKey, subject) =>
      TE.fromIOEither(() => {
        const iv = randomBytes(IV_BYTES);
        const cipher = createCipheriv('aes-256-gcm', kek, iv, { authTagLength: TAG_BYTES });
        cipher.setAAD(wrapAad(id, subject));
        const body = Buffer.concat([cipher.update(subjectKey), cipher.final()]);
        return E.right(new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), body])));
      }),
    unwrap: (wrapped, subject) =>
      TE.fromIOEither(() => {
        const bytes = Buffer.from(wrapped);
        if (bytes.length <= IV_BYTES + TAG_BYTES) return E.left(kekError('KEK_DOES_NOT_UNWRAP', `A wrapped key of ${subject} is too short.`));
        try {
          const decipher = createDecipheriv('aes-256-gcm', kek, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
          decipher.setAAD(wrapAad(id, subject));
          decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
          return E.right(new Uint8Array(Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()])));
        } catch {
          return E.left(kekError('KEK_DOES_NOT_UNWRAP', `The key of ${subject} does not unwrap with ${id} (another KEK, or altered bytes).`));
        }
      }),
  });
};

/** A 32-byte secret written as 64 hex digits or as base64 (whitespace around it ignored). */
export const parseKekSecret = (text: string): E.Either<KekError, Uint8Array> => {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return E.right(new Uint8Array(Buffer.from(t, 'hex')));
  if (/^[A-Za-z0-9+/]{43}=?$/.test(t)) {
    const bytes = Buffer.from(t, 'base64');
    if (bytes.length === SECRET_BYTES) return E.right(new Uint8Array(bytes));
  }
  return E.left(
    kekError('KEK_INVALID', `A key-encryption key is ${SECRET_BYTES} bytes written as 64 hex digits or base64 (e.g. from \`openssl rand -hex 32\`).`),
  );
};

/** The KEK in an environment variable (default `CASELEDGER_KEK`). The secret never appears in an error. */
export const kekFromEnvironment = (
  name = 'CASELEDGER_KEK',
  env: Readonly<Record<string, string | undefined>> = process.env,
): E.Either<KekError, KeyEncryptionKey> => {
  const value = env[name];
  if (value === undefined || value.trim() === '') return E.left(kekError('KEK_UNAVAILABLE', `The environment variable ${name} holds no key-encryption key.`));
  return E.chain(localKek)(E.mapLeft((e: KekError) => kekError(e.code, `${name}: ${e.message}`))(parseKekSecret(value)));
};

/** The KEK in a file (64 hex digits or base64). The secret never appears in an error. */
export const kekFromFile = (path: string): E.Either<KekError, KeyEncryptionKey> => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return E.left(
      kekError(
        'KEK_UNAVAILABLE',
        `The key-encryption key file ${path} cannot be read (${error instanceof Error && 'code' in error ? String(error.code) : 'unreadable'}).`,
      ),
    );
  }
  return E.chain(localKek)(E.mapLeft((e: KekError) => kekError(e.code, `${path}: ${e.message}`))(parseKekSecret(text)));
};
