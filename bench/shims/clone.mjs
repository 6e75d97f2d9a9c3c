// Stand-in for the `clone` package (deep clone of plain data), used by rxdb test-utils.
export default function clone(value) {
  return structuredClone(value);
}
