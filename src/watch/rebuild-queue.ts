/**
 * When to rebuild: saves that come close together (an editor writing a file
 * in several steps, "save all") make one build, started `debounceMs` after the
 * last one; a save during a build makes one more build after it, never two
 * at once, and never more than one waiting (the latest sources win).
 */
export class RebuildQueue {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private pending = false;
  private closed = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly run: () => Promise<void>,
    private readonly debounceMs: number,
  ) {}

  /** A source changed: build soon. */
  request(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.start();
    }, this.debounceMs);
  }

  /** Build now (the first build), or right after the running one. */
  now(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.start();
  }

  get busy(): boolean {
    return this.running !== undefined || this.timer !== undefined || this.pending;
  }

  /** Resolves once no build is running, waiting or scheduled. */
  idle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** No more builds; resolves when the running one has finished. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = false;
    await this.running;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private start(): void {
    if (this.running) {
      this.pending = true;
      return;
    }
    this.running = this.run()
      .catch(() => undefined)
      .finally(() => {
        this.running = undefined;
        if (this.pending && !this.closed) {
          this.pending = false;
          this.start();
        } else if (!this.busy) {
          for (const resolve of this.idleWaiters.splice(0)) resolve();
        }
      });
  }
}
