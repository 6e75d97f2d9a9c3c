import {
  getIndexableStringMonad,
  getPrimaryFieldOfPrimaryKey,
  getSchemaByObjectPath,
  type RxDocumentData,
  type RxJsonSchema,
} from 'rxdb';

export interface IndexColumn<RxDocType> {
  /** RxDB's normalized index, e.g. `['_deleted', 'name', 'id']`. */
  readonly fields: readonly string[];
  /** `fields.join(',')`, the lookup key used when matching a query plan's index. */
  readonly key: string;
  readonly column: string;
  readonly sqlIndexName: string;
  readonly toIndexString: (doc: RxDocumentData<RxDocType>) => string;
}

/**
 * RxDB compares its index strings with JavaScript's `<`, i.e. by UTF-16 code unit. UTF-16BE
 * bytes compared with memcmp (SQLite's BLOB order) give exactly that order, including for
 * surrogate pairs, which UTF-8 would sort above U+E000..U+FFFF.
 */
export function toUtf16BeBlob(value: string): Buffer {
  const buf = Buffer.from(value, 'utf16le');
  return buf.swap16();
}

export function indexKey(fields: readonly string[]): string {
  return fields.join(',');
}

/**
 * Every index RxDB put into the (already normalized) schema gets a column. The
 * `['_meta.lwt', primary]` index is always present after RxDB's `fillWithDefaultSettings`,
 * but we add it when missing because `getChangedDocumentsSince` relies on it.
 */
export function getIndexColumns<RxDocType>(
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
  tableName: string,
): IndexColumn<RxDocType>[] {
  const primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey) as string;
  const all: string[][] = (schema.indexes ?? []).map((index) => (Array.isArray(index) ? [...index] : [index as string]));
  all.push(['_meta.lwt', primaryPath]);
  const seen = new Set<string>();
  const result: IndexColumn<RxDocType>[] = [];
  for (const fields of all) {
    const key = indexKey(fields);
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    const n = result.length;
    result.push({
      fields,
      key,
      column: `i${n}`,
      sqlIndexName: `${tableName}__i${n}`,
      toIndexString: getIndexableStringMonad(schema, fields),
    });
  }
  return result;
}

/**
 * Everything that changes the bytes of an index string. Stored with the table so a schema that
 * changed without a version bump is detected instead of silently returning wrong ranges.
 */
export function indexLayout<RxDocType>(schema: RxJsonSchema<RxDocumentData<RxDocType>>, columns: IndexColumn<RxDocType>[]): string {
  return JSON.stringify(
    columns.map((c) =>
      c.fields.map((field) => {
        const part = getSchemaByObjectPath(schema, field);
        return [field, part.type, part.maxLength, part.minimum, part.maximum, part.multipleOf];
      }),
    ),
  );
}

const INDEX_MIN_SENTINEL = Number.MIN_SAFE_INTEGER;
const INDEX_MAX_SENTINEL = String.fromCharCode(65535);

/**
 * True when RxDB's index string for a query bound would not represent the bound exactly, so the
 * index range RxDB's planner computed can be wrong in either direction. RxDB 17 clamps
 * out-of-range numbers to the schema bounds, floors/rounds numbers that are not a multiple of
 * `multipleOf`, and maps values of the wrong type (null, a number on a string field) to the
 * whole range, yet still reports `selectorSatisfiedByIndex`. For example `age: { $lt: 3.5 }`
 * on an integer index excludes age 3 and `age: { $gte: 500 }` with maximum 120 returns age 120,
 * in RxDB's memory storage too. Such queries take the matcher path over the whole table.
 */
export function hasInexactBounds<RxDocType>(
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
  index: readonly string[],
  startKeys: readonly unknown[],
  endKeys: readonly unknown[],
): boolean {
  for (let i = 0; i < index.length; i++) {
    const part = getSchemaByObjectPath(schema, index[i]);
    if (!part) {
      return true;
    }
    for (let side = 0; side < 2; side++) {
      const bound = side === 0 ? startKeys[i] : endKeys[i];
      if (bound === INDEX_MIN_SENTINEL || bound === INDEX_MAX_SENTINEL) {
        continue;
      }
      switch (part.type) {
        case 'string':
          if (typeof bound !== 'string' || (typeof part.maxLength === 'number' && bound.length > part.maxLength)) {
            return true;
          }
          break;
        case 'boolean':
          if (typeof bound !== 'boolean') {
            return true;
          }
          break;
        case 'number':
        case 'integer': {
          if (typeof bound !== 'number' || !Number.isFinite(bound)) {
            return true;
          }
          const belowMin = typeof part.minimum === 'number' && bound < part.minimum;
          const aboveMax = typeof part.maximum === 'number' && bound > part.maximum;
          // A lower bound below the minimum (or an upper bound above the maximum) clamps to a
          // range that still holds exactly the matching documents; the opposite sides do not.
          if ((side === 0 && aboveMax) || (side === 1 && belowMin)) {
            return true;
          }
          if (belowMin || aboveMax) {
            continue;
          }
          const decimals = String(part.multipleOf ?? 1).split('.')[1]?.length ?? 0;
          const scaled = bound * 10 ** decimals;
          if (Math.abs(scaled - Math.round(scaled)) > 1e-6) {
            return true;
          }
          break;
        }
        default:
          return true;
      }
    }
  }
  return false;
}
