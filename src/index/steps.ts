/**
 * Work done a step at a time, so that a serving thread can answer between steps: a generator yields
 * between its steps, and runs either straight through (finish) or in slices of a few milliseconds with
 * a turn of the event loop between them (inSlices).
 */

/** Resolves on the event loop's next turn, after the I/O and timers waiting for it. */
export const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs the steps to their end, with no pause between them; their value. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the steps to their end, letting the event loop turn whenever a slice has run `sliceMs`. */
export async function inSlices<T>(steps: Generator<void, T>, sliceMs: number): Promise<T> {
  let since = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - since >= sliceMs) {
      await turn();
      since = performance.now();
    }
  }
}
