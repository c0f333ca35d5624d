/** Wall-clock time that tests can move forward (restore windows, token lifetimes) without waiting. */
export class Clock {
  private offsetMs = 0;
  now = (): number => Date.now() + this.offsetMs;
  iso = (): string => new Date(this.now()).toISOString();
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
