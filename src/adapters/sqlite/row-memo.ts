/** A stored value of an indexed member: what `json_extract` would give for it. */
export type Column = string | number | null;

/** What an UPDATE of a stored row needs to know of it: its id, the digest of its searched text, its columns. */
export interface RowState {
  readonly id: number;
  readonly sum: string | null;
  /** The indexed members' values, in the collection's column order. */
  readonly values: readonly Column[];
}

/** Rows remembered, per generation: about 100 bytes each beside the key. */
export const REMEMBERED_ROWS = 4096;

/**
 * The state of rows the store's one writing connection has updated, so that the next update of the same row (a
 * case's row, its searched text, the Merkle tree's range and partial tiles: rewritten batch after batch) is one
 * UPDATE by id instead of an INSERT that finds the key taken, a SELECT of the row, then the UPDATE. Two
 * generations of at most {@link REMEMBERED_ROWS} rows. What a transaction notes is kept apart until it commits
 * ({@link committed}) and dropped when it does not ({@link discard}), so the memo only ever holds what the file
 * holds; anything that writes without it must {@link clear} it.
 */
export class RowMemo {
  #young = new Map<string, RowState | undefined>();
  #old = new Map<string, RowState | undefined>();
  readonly #pending = new Map<string, RowState | undefined>();

  /** The row as stored (or as this transaction left it), undefined when not remembered or deleted. */
  get(id: string): RowState | undefined {
    if (this.#pending.has(id)) return this.#pending.get(id);
    return this.#young.get(id) ?? this.#old.get(id);
  }

  /** This transaction wrote the row so (`undefined`: deleted it, or left it in a state not known). */
  note(id: string, row: RowState | undefined): void {
    this.#pending.set(id, row);
  }

  /** The transaction committed: what it noted is what the file now holds. */
  committed(): void {
    for (const [id, row] of this.#pending) {
      this.#old.delete(id);
      if (row === undefined) {
        this.#young.delete(id);
        continue;
      }
      if (this.#young.size >= REMEMBERED_ROWS && !this.#young.has(id)) {
        this.#old = this.#young;
        this.#young = new Map();
      }
      this.#young.set(id, row);
    }
    this.#pending.clear();
  }

  /** The transaction was rolled back: forget what it noted. */
  discard(): void {
    this.#pending.clear();
  }

  clear(): void {
    this.#young = new Map();
    this.#old = new Map();
    this.#pending.clear();
  }
}
