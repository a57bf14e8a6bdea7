/** How long a build works before it lets the editor's thread go on (ms). */
const SLICE_MS = 10;

/**
 * Lets the editor's thread go on once a build has worked SLICE_MS, between articles and between
 * the steps of a long one: a long article analysed at once held hovers and lenses for as long as
 * its analysis (about a second per megabyte).
 */
export class Pacer {
  private since = performance.now();

  constructor(
    private readonly cancelled: () => boolean = () => false,
    private readonly onPause: () => void = () => {},
  ) {}

  /** Whether a pause is due; the caller awaits pause() then. */
  get due(): boolean {
    return performance.now() - this.since > SLICE_MS;
  }

  async pause(): Promise<void> {
    this.onPause();
    await new Promise((r) => setImmediate(r));
    this.since = performance.now();
  }

  get isCancelled(): boolean {
    return this.cancelled();
  }
}
