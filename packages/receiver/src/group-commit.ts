// Group commit: every receipt that arrives while a commit is running waits for the next one,
// and the next one stores them all in one transaction. One fsync then acknowledges many
// receipts, which is how `synchronous=FULL` (SQLite) or a durable COMMIT (PostgreSQL) still
// reaches thousands of receipts per second, and each 201 is sent only after its commit.

/** One item waiting for a commit. */
interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Batches `add(item)` calls: `commit(items)` runs for everything queued since the previous
 * commit started, one commit at a time, and must return one result per item, in order.
 */
export const groupCommit = <T, R>(commit: (items: T[]) => Promise<R[]> | R[]) => {
  let waiting: Waiting<T, R>[] = [];
  let running: Promise<void> | null = null;

  const run = async (): Promise<void> => {
    while (waiting.length) {
      const batch = waiting;
      waiting = [];
      try {
        const results = await commit(batch.map((w) => w.item));
        batch.forEach((w, i) => w.resolve(results[i]!));
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    running = null;
  };

  return {
    /** Queue `item`; resolves with its result once its batch has committed. */
    add(item: T): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        // setImmediate: let the requests already read in this turn of the event loop join.
        running ??= new Promise<void>((done) => setImmediate(done)).then(run);
      });
    },
    /** Resolves when nothing is waiting or committing. */
    async drain(): Promise<void> {
      while (running) await running;
    },
  };
};
