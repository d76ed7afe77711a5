/**
 * A minimal Chrome DevTools Protocol client over `--remote-debugging-pipe`.
 *
 * The browser benchmarks drive Chromium through this rather than Playwright:
 * Playwright auto-attaches to every new service worker with
 * `waitForDebuggerOnStart`, so each worker start is paused until the test
 * harness has set it up. That pause lands inside the very interval the cold
 * start and banner figures measure (it added 10-80 ms, unevenly, in trials).
 * Here nothing attaches to the extension's worker: only the pages a benchmark
 * opens are attached, and target discovery is passive.
 */
import type { Readable, Writable } from 'node:stream';

type Params = Record<string, unknown>;

export interface CdpEvent {
  method: string;
  params: Params;
  sessionId?: string;
}

interface Pending {
  resolve: (result: Params) => void;
  reject: (error: Error) => void;
  method: string;
}

export class CdpConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: CdpEvent) => void>();
  private buffered = '';
  private closed = false;

  constructor(
    private readonly output: Writable,
    input: Readable,
  ) {
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => this.receive(chunk));
    input.on('close', () => this.fail(new Error('the browser closed the DevTools pipe')));
  }

  send<T = Params>(method: string, params: Params = {}, sessionId?: string): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`${method}: the DevTools pipe is closed`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: Params) => void, reject, method });
      this.output.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /** Calls `listener` for every event; returns the unsubscribe function. */
  on(listener: (event: CdpEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The first event (from now on) that `match` accepts. */
  waitFor(match: (event: CdpEvent) => boolean, timeoutMs: number, what: string): Promise<CdpEvent> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const off = this.on((event) => {
        if (!match(event)) return;
        clearTimeout(timer);
        off();
        resolve(event);
      });
    });
  }

  private receive(chunk: string): void {
    this.buffered += chunk;
    let end = this.buffered.indexOf('\0');
    while (end !== -1) {
      const text = this.buffered.slice(0, end);
      this.buffered = this.buffered.slice(end + 1);
      this.dispatch(
        JSON.parse(text) as { id?: number; result?: Params; error?: { message: string } } & CdpEvent,
      );
      end = this.buffered.indexOf('\0');
    }
  }

  private dispatch(message: { id?: number; result?: Params; error?: { message: string } } & CdpEvent): void {
    if (message.id !== undefined) {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
      else waiting.resolve(message.result ?? {});
      return;
    }
    for (const listener of [...this.listeners]) listener(message);
  }

  private fail(error: Error): void {
    this.closed = true;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
