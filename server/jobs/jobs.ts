/**
 * The job interface modules use. Without Redis, jobs run in-process (and the host says so at
 * start-up); the BullMQ implementation keeps the same interface.
 */
import type { Logger } from 'pino';

export type JobHandler = (data: any) => Promise<unknown>;

export interface JobService {
  readonly mode: 'in-process' | 'bullmq';
  register(name: string, handler: JobHandler, opts?: { repeat?: string }): void;
  enqueue(name: string, data?: unknown, opts?: { delayMs?: number }): Promise<void>;
  /** Runs a registered job now and returns its result (tests, manual triggers). */
  runNow(name: string, data?: unknown): Promise<unknown>;
  stats(): Promise<{ waiting: number; active: number; failed: number; delayed: number }>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export class InProcessJobs implements JobService {
  readonly mode = 'in-process' as const;
  private handlers = new Map<string, JobHandler>();
  private pending = 0;
  private failed = 0;
  private timers: NodeJS.Timeout[] = [];

  constructor(private logger: Logger) {}

  register(name: string, handler: JobHandler) {
    this.handlers.set(name, handler);
  }

  async enqueue(name: string, data?: unknown, opts: { delayMs?: number } = {}) {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No job named "${name}" is registered`);
    this.pending++;
    const t = setTimeout(() => {
      handler(data)
        .catch((err) => {
          this.failed++;
          this.logger.error({ err, job: name }, 'job failed');
        })
        .finally(() => this.pending--);
    }, opts.delayMs ?? 0);
    t.unref();
  }

  async runNow(name: string, data?: unknown) {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No job named "${name}" is registered`);
    return handler(data);
  }

  async stats() {
    return { waiting: this.pending, active: 0, failed: this.failed, delayed: 0 };
  }

  async start() {}

  async close() {
    for (const t of this.timers) clearInterval(t);
  }
}
