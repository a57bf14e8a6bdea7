/**
 * A source read once in the background (the workspace lexicon), with a stand-in serving until
 * it is in. Whoever can wait awaits `whenRead()` and gets the real thing at once; whoever
 * cannot calls `served()` and takes the stand-in, and is then told when the read found
 * something (`onLateArrival`), since what it made with the stand-in is out of date. Free of
 * `vscode`, so that the order of these events can be tested on its own.
 */
export class FirstRead {
  private reading: Promise<void> | undefined;
  private done = false;
  private servedEarly = false;

  /**
   * @param read reads the source; true when there was one to read
   * @param onLateArrival called once, after a read that found the source, if the stand-in was served before it ended
   * @param onError called when the read throws (it counts as done: nothing waits forever)
   */
  constructor(
    private readonly read: () => Promise<boolean>,
    private readonly onLateArrival: () => void,
    private readonly onError: (e: unknown) => void = () => {},
    /** How long a waiter waits (ms): a read that hangs (a remote file system) must not keep every article unanalysed. */
    private readonly patienceMs = 10_000,
  ) {}

  /**
   * Starts the read if it has not started, and resolves when it is done, or when patience runs
   * out: then the waiter takes the stand-in, and is told when the read ends after all. Never rejects.
   */
  whenRead(): Promise<void> {
    const reading = this.start();
    if (this.done) return reading;
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.served();
        resolve();
      }, this.patienceMs);
      void reading.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private start(): Promise<void> {
    this.reading ??= this.read().then(
      (found) => {
        this.done = true;
        if (found && this.servedEarly) this.onLateArrival();
      },
      (e: unknown) => {
        this.done = true;
        this.onError(e);
      },
    );
    return this.reading;
  }

  /** The stand-in is used now: starts the read, and notes the use if the read is not done. */
  served(): void {
    void this.start();
    if (!this.done) this.servedEarly = true;
  }

  get isRead(): boolean {
    return this.done;
  }
}
