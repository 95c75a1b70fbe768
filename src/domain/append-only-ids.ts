/**
 * An immutable set of ids that grows one id at a time, such as the ids of a stream's events as its state is folded.
 * Adding to the newest set of a line shares its storage with the sets before it (they see only their own ids), so
 * folding a stream of n events costs O(n), not O(n²) as copying a `Set` per event would; adding to an older set
 * (a fork) copies its ids first.
 */
export class AppendOnlyIds {
  static empty(): AppendOnlyIds {
    return new AppendOnlyIds(new Map(), 0);
  }

  /** Each id with the count of ids before it: a set sees the ids whose count is below its own size. */
  private constructor(
    private readonly order: Map<string, number>,
    readonly size: number,
  ) {}

  has(id: string): boolean {
    const at = this.order.get(id);
    return at !== undefined && at < this.size;
  }

  /** This set with `id` (this same set when it holds the id already). */
  with(id: string): AppendOnlyIds {
    if (this.has(id)) return this;
    // the same id added to this set before (a state folded again from the same point): the same successor
    if (this.order.get(id) === this.size) return new AppendOnlyIds(this.order, this.size + 1);
    if (this.order.size === this.size) {
      // the newest set of its line: its successor shares the map, and this set still sees only its own ids
      this.order.set(id, this.size);
      return new AppendOnlyIds(this.order, this.size + 1);
    }
    const copy = new Map<string, number>();
    for (const [known, at] of this.order) if (at < this.size) copy.set(known, at);
    copy.set(id, this.size);
    return new AppendOnlyIds(copy, this.size + 1);
  }
}
