import type { Collection, Doc } from './port.js';

/**
 * Many documents of a collection by id: one `findOne` for one id, else one `$in` read. What a
 * module's `byIds` does with its own collection.
 */
export function readByIds<T extends Doc>(collection: Collection<T>): (ids: readonly string[]) => Promise<T[]> {
  return async (ids) =>
    ids.length === 1
      ? [await collection.findOne({ _id: ids[0] })].filter((d): d is T => d !== null)
      : collection.find({ _id: { $in: [...ids] } });
}
