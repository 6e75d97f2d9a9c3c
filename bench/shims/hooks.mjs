// Module resolve hook: only when `async-test-util` or `clone` cannot be resolved normally,
// point them at the local stand-ins, so RxDB's own runPerformanceTests runs unmodified.
const SHIMS = {
  'async-test-util': new URL('./async-test-util.mjs', import.meta.url).href,
  clone: new URL('./clone.mjs', import.meta.url).href,
};

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (err) {
    if (Object.prototype.hasOwnProperty.call(SHIMS, specifier)) {
      return { url: SHIMS[specifier], shortCircuit: true };
    }
    throw err;
  }
}
