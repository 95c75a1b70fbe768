/**
 * Runs commands on the same stream one after another within this process, so that its writers never race each
 * other; conflicts then come only from other replicas, and the command handler's retry deals with those. Tasks
 * under other keys run alongside. A key may name more than a stream: a rule that reads what was recorded (a read
 * model, once it has applied the whole log) and then records something the next task's reading must see, such as
 * the uniqueness of a decision's document number within its agency, takes its key for the reading and the write
 * together. Within this process only: another replica's writes are not held back.
 */
export class StreamLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(stream: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(stream) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(stream, tail);
    void tail.then(() => {
      if (this.tails.get(stream) === tail) this.tails.delete(stream);
    });
    return result;
  }

  /** How many keys have tasks under way: a key is forgotten once its last task has ended. */
  get busyKeys(): number {
    return this.tails.size;
  }
}
