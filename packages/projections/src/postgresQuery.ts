/** Read-model queries in PostgreSQL: run, shape the rows, and turn any failure into a `ReadModelStoreError`. */
import { describeFieldErrors, fieldErrors } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type * as t from 'io-ts';
import type { Pool } from 'pg';
import { messageOf, storeError } from './postgresReadModelStore.js';
import type { ReadModelStoreError } from './readModelStore.js';

/** A stored value that does not decode, raised inside `shape` and reported by `queryRows`. */
class StoredRowError extends Error {}

/** A stored value decoded, or the query fails saying which value and why. */
export const storedRow = <A>(codec: t.Decoder<unknown, A>, value: unknown, what: string): A => {
  const result = codec.decode(value);
  if (E.isLeft(result)) throw new StoredRowError(`${what} cannot be read: ${describeFieldErrors(fieldErrors(result.left))}`);
  return result.right;
};

/** Run a query and shape its rows; a failure of the database or of a stored row is a `ReadModelStoreError`. */
export const queryRows =
  <Row, A>(pool: Pool, sql: string, params: ReadonlyArray<unknown>, shape: (rows: ReadonlyArray<Row>) => A): TE.TaskEither<ReadModelStoreError, A> =>
  async () => {
    try {
      const result = await pool.query(sql, [...params]);
      return E.right(shape(result.rows));
    } catch (error) {
      return E.left(storeError(error instanceof StoredRowError ? error.message : messageOf(error)));
    }
  };
