/**
 * A bound on a browser call that has none of its own (`page.evaluate`, `keyboard.press`,
 * `page.close` wait as long as the browser does). A call that outlives its bound rejects with
 * `Hung`, naming the step, so a test reports where it stuck instead of running out its whole time.
 */
export class Hung extends Error {
  constructor(
    readonly step: string,
    ms: number,
  ) {
    super(`${step} did not answer within ${ms} ms`);
    this.name = 'Hung';
  }
}

export async function within<T>(step: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Hung(step, ms)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Like `within`, but a call that fails in time (a page between documents) gives `fallback`. */
export function withinOr<T, F>(step: string, ms: number, work: Promise<T>, fallback: F): Promise<T | F> {
  return within(step, ms, work).catch((error: unknown) => {
    if (error instanceof Hung) throw error;
    return fallback;
  });
}

/**
 * Records that a step hung and is being run again: as an annotation of the test, and on the
 * run's output, so a pass after a retry is still seen.
 */
export function noteRetry(
  info: { annotations: { type: string; description?: string }[] },
  what: string,
): void {
  info.annotations.push({ type: 'retried', description: what });
  console.warn(`retried after a hang: ${what}`);
}
