/** The listeners of Store.onCommit: told the query names of each committed write transaction. */
export class CommitListeners {
  private readonly listeners = new Set<(queryNames: readonly string[]) => void>();

  add(listener: (queryNames: readonly string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A listener's failure is its own: the commit has happened and the writer must not see an error. */
  notify(queryNames: readonly string[]): void {
    for (const listener of this.listeners) {
      try {
        listener(queryNames);
      } catch {}
    }
  }
}
