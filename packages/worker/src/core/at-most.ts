/**
 * Runs `run` on every item of `items`, at most `limit` at a time; resolves when all are done,
 * rejects with the first failure `run` lets out. Items are taken from the front of the array as
 * runs end, so items added to it while it runs are taken too, while any run is still going.
 */
export async function atMost<T>(limit: number, items: T[], run: (item: T) => Promise<void>): Promise<void> {
  const next = async (): Promise<void> => {
    for (let item = items.shift(); item !== undefined; item = items.shift()) await run(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, next));
}
