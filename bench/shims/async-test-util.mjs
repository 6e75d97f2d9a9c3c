// Stand-in for the two helpers rxdb/plugins/test-utils imports from `async-test-util`, an RxDB
// dev dependency that is not installed here. Same behaviour as the originals for these uses.
export function wait(ms = 0) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function randomString(length = 12, charset = 'abcdefghijklmnopqrstuvwxyz') {
  let text = '';
  for (let i = 0; i < length; i++) {
    text += charset.charAt(Math.floor(Math.random() * charset.length));
  }
  return text;
}
