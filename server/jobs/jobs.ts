/**
 * The job interface modules use. With REDIS_URL, jobs go through BullMQ (bullmq-jobs.ts) and
 * are processed by `npm run worker` and, when JOBS_IN_WEB, by the web process; without Redis
 * they run in-process (embedded start-up), with the same retries, schedules and failed list.
 */
import type { Logger } from 'pino';
import { parseCron } from './cron.js';

export type JobHandler = (data: any) => Promise<unknown>;

export interface EnqueueOptions {
  delayMs?: number;
  /** Tries in all, first included (default 3). */
  attempts?: number;
  /** First retry delay; doubles on each retry (default 2000 ms). */
  backoffMs?: number;
}

export interface FailedJob {
  id: string;
  name: string;
  data: unknown;
  error: string;
  attempts: number;
  failedAt: string | null;
  queuedAt: string | null;
}

export interface JobService {
  readonly mode: 'in-process' | 'bullmq';
  register(name: string, handler: JobHandler, opts?: { repeat?: string }): void;
  enqueue(name: string, data?: unknown, opts?: EnqueueOptions): Promise<void>;
  /** Runs a registered job now and returns its result (tests, manual triggers). */
  runNow(name: string, data?: unknown): Promise<unknown>;
  stats(): Promise<{ waiting: number; active: number; failed: number; delayed: number }>;
  /** Jobs that failed their last try, newest first. */
  failed(offset: number, limit: number): Promise<{ rows: FailedJob[]; total: number }>;
  /** Puts a failed job back in the queue; false when there is no such failed job. */
  retry(id: string): Promise<boolean>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 2000;
const KEEP_FAILED = 500;

export class InProcessJobs implements JobService {
  readonly mode = 'in-process' as const;
  private handlers = new Map<string, JobHandler>();
  private schedules: { name: string; matches: (d: Date) => boolean }[] = [];
  private waiting = 0;
  private active = 0;
  private delayed = 0;
  private failedJobs: (FailedJob & { opts: EnqueueOptions })[] = [];
  private timers = new Set<NodeJS.Timeout>();
  private ticker: NodeJS.Timeout | null = null;
  private seq = 0;

  constructor(private logger: Logger) {}

  register(name: string, handler: JobHandler, opts: { repeat?: string } = {}) {
    this.handlers.set(name, handler);
    if (opts.repeat) this.schedules.push({ name, matches: parseCron(opts.repeat) });
  }

  async enqueue(name: string, data?: unknown, opts: EnqueueOptions = {}) {
    if (!this.handlers.has(name)) throw new Error(`No job named "${name}" is registered`);
    this.schedule({ id: String(++this.seq), name, data, queuedAt: new Date().toISOString() }, opts, 1, opts.delayMs ?? 0);
  }

  private schedule(job: { id: string; name: string; data: unknown; queuedAt: string | null }, opts: EnqueueOptions, attempt: number, delay: number) {
    if (delay) this.delayed++;
    else this.waiting++;
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (delay) this.delayed--;
      else this.waiting--;
      this.active++;
      this.handlers
        .get(job.name)!(job.data)
        .catch((err: Error) => {
          const attempts = opts.attempts ?? DEFAULT_ATTEMPTS;
          if (attempt < attempts) {
            this.schedule(job, opts, attempt + 1, (opts.backoffMs ?? DEFAULT_BACKOFF_MS) * 2 ** (attempt - 1));
            return;
          }
          this.logger.error({ err, job: job.name, attempts: attempt }, 'job failed');
          this.failedJobs.unshift({ ...job, error: err?.message ?? String(err), attempts: attempt, failedAt: new Date().toISOString(), opts });
          this.failedJobs.length = Math.min(this.failedJobs.length, KEEP_FAILED);
        })
        .finally(() => this.active--);
    }, delay);
    t.unref();
    this.timers.add(t);
  }

  async runNow(name: string, data?: unknown) {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No job named "${name}" is registered`);
    return handler(data);
  }

  async stats() {
    return { waiting: this.waiting, active: this.active, failed: this.failedJobs.length, delayed: this.delayed };
  }

  async failed(offset: number, limit: number) {
    return { rows: this.failedJobs.slice(offset, offset + limit).map(({ opts: _o, ...j }) => j), total: this.failedJobs.length };
  }

  async retry(id: string) {
    const i = this.failedJobs.findIndex((j) => j.id === id);
    if (i < 0) return false;
    const [job] = this.failedJobs.splice(i, 1);
    this.schedule(job, job.opts, 1, 0);
    return true;
  }

  async start() {
    if (!this.schedules.length || this.ticker) return;
    // Checks the schedules at each minute boundary, like cron.
    const tick = () => {
      const now = new Date();
      for (const s of this.schedules) if (s.matches(now)) void this.enqueue(s.name, {}).catch(() => undefined);
      this.ticker = setTimeout(tick, 60_000 - (Date.now() % 60_000));
      this.ticker.unref();
    };
    this.ticker = setTimeout(tick, 60_000 - (Date.now() % 60_000));
    this.ticker.unref();
  }

  async close() {
    if (this.ticker) clearTimeout(this.ticker);
    this.ticker = null;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
