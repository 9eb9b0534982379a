/** The shape Korean texts must have: the same keys as the English, any strings. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
