/** A value's shape with brands removed, so tests can write expected events as plain literals. */
export type Plain<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends ReadonlyArray<infer U>
        ? ReadonlyArray<Plain<U>>
        : T extends object
          ? { readonly [K in keyof T]: Plain<T[K]> }
          : T;
