/**
 * The organisation's policy as the browser hands it over. Chromium answers `storage.managed`
 * only once its policy service has loaded the extension's policy, seconds after launch, and a
 * read made before the service is ready can stay unanswered until a later read wakes it. So
 * until the first answer arrives the area is read again on a schedule; after that, whenever the
 * browser says the managed area changed. Each answer is kept for the next start of the worker.
 */
import { browser } from 'wxt/browser';
import { settleWithin } from './settle-within';

export const POLICY_CACHE_KEY = 'managedPolicyCache';
/** How often the area is read again until it first answers: often at first, then seldom. */
export const REREAD_MS = 500;
export const SLOW_REREAD_MS = 5_000;
export const FAST_REREADS = 60;

export type PolicyAnswer = { value: unknown };

export class ManagedPolicy {
  private answer: PolicyAnswer | null = null;
  private asked = 0;
  private answeredRead = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private started = false;
  private answered: () => void = () => undefined;
  private readonly firstAnswer = new Promise<void>((resolve) => {
    this.answered = resolve;
  });

  /** `onAnswer` runs for every answer that differs from the one before it. */
  constructor(private readonly onAnswer: (value: unknown) => void) {}

  /** Reads now and keeps reading until the browser answers; safe to call more than once. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.read();
    this.scheduleReread(0);
  }

  /** Reads again now: the browser said the managed area changed. */
  refresh(): void {
    this.read();
  }

  /** The browser's latest answer, or null while it has not answered since the worker started. */
  latest(): PolicyAnswer | null {
    return this.answer;
  }

  /** Waits at most `ms` for the first answer. */
  async answerWithin(ms: number): Promise<PolicyAnswer | null> {
    await settleWithin(this.firstAnswer, ms, undefined);
    return this.answer;
  }

  private scheduleReread(done: number): void {
    this.timer = setTimeout(
      () => {
        if (this.answer !== null) return;
        this.read();
        this.scheduleReread(done + 1);
      },
      done < FAST_REREADS ? REREAD_MS : SLOW_REREAD_MS,
    );
  }

  private read(): void {
    const read = ++this.asked;
    browser.storage.managed.get().then(
      (value) => this.settle(read, value),
      // Firefox rejects when no policy is set; Chrome without a schema likewise.
      () => this.settle(read, undefined),
    );
  }

  /** An answer to an older read than the last one answered is out of date and dropped. */
  private settle(read: number, value: unknown): void {
    if (read < this.answeredRead) return;
    this.answeredRead = read;
    clearTimeout(this.timer);
    const before = this.answer;
    this.answer = { value };
    this.answered();
    void browser.storage.local.set({ [POLICY_CACHE_KEY]: value ?? null }).catch(() => undefined);
    if (before === null || !samePolicy(before.value, value)) this.onAnswer(value);
  }
}

function samePolicy(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
