/** A FIFO mutex: `run` waits for every earlier holder to finish, whatever their outcome. */
export function createLock() {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(work: () => Promise<T>): Promise<T> {
      const result = tail.then(() => work());
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
