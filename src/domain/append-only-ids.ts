/**
 * An immutable set of ids that grows one id at a time, such as the ids of a stream's events as its state is folded,
 * each with a tag given when it was added (the event's type). Adding to the newest set of a line shares its storage
 * with the sets before it (they see only their own ids), so folding a stream of n events costs O(n), not O(n²) as
 * copying a `Set` per event would; adding to an older set (a fork) copies its ids first.
 */
export class AppendOnlyIds {
  static empty(): AppendOnlyIds {
    return new AppendOnlyIds(new Map(), 0);
  }

  /** Each id with the count of ids before it and its tag: a set sees the ids whose count is below its own size. */
  private constructor(
    private readonly order: Map<string, { readonly at: number; readonly tag: string | undefined }>,
    readonly size: number,
  ) {}

  has(id: string): boolean {
    const entry = this.order.get(id);
    return entry !== undefined && entry.at < this.size;
  }

  /** The tag `id` was added with, when this set holds it. */
  tagOf(id: string): string | undefined {
    const entry = this.order.get(id);
    return entry !== undefined && entry.at < this.size ? entry.tag : undefined;
  }

  /** This set with `id`, tagged `tag` (this same set when it holds the id already). */
  with(id: string, tag?: string): AppendOnlyIds {
    if (this.has(id)) return this;
    const entry = this.order.get(id);
    // the same id added to this set before (a state folded again from the same point): the same successor
    if (entry !== undefined && entry.at === this.size && entry.tag === tag) {
      return new AppendOnlyIds(this.order, this.size + 1);
    }
    if (this.order.size === this.size) {
      // the newest set of its line: its successor shares the map, and this set still sees only its own ids
      this.order.set(id, { at: this.size, tag });
      return new AppendOnlyIds(this.order, this.size + 1);
    }
    const copy = new Map<string, { readonly at: number; readonly tag: string | undefined }>();
    for (const [known, e] of this.order) if (e.at < this.size) copy.set(known, e);
    copy.set(id, { at: this.size, tag });
    return new AppendOnlyIds(copy, this.size + 1);
  }
}
