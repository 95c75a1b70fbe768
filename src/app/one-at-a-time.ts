/**
 * Runs the tasks given under one key one after another, in the order they were given, and tasks under other keys
 * alongside: for a rule that reads what was recorded (a read model, once it has applied the whole log) and then
 * records something the next task's reading must see, such as the uniqueness of a decision's document number
 * within its agency. Within this process only: another replica's writes are not held back.
 */
export class OneAtATime {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const before = this.#tails.get(key) ?? Promise.resolve();
    const result = before.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    // the key is forgotten once its last task has ended, so that the map holds only keys with tasks under way
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }

  /** How many keys have tasks under way (for tests). */
  get busyKeys(): number {
    return this.#tails.size;
  }
}
