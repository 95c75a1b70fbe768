/**
 * Stores (or anything with `close`) a test file opens in its set-up functions, closed after each test, each once:
 * `const closing = closeAfterEach();` at the top of the file, then `closing(new SqliteEventStore(...))`.
 */
export function closeAfterEach(): <T extends { close(): unknown }>(opened: T) => T {
  const open = new Set<{ close(): unknown }>();
  afterEach(async () => {
    const all = [...open];
    open.clear();
    for (const o of all) await o.close();
  });
  return (opened) => {
    open.add(opened);
    return opened;
  };
}
