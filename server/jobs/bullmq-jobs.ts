/**
 * Jobs on BullMQ: one queue under `<REDIS_PREFIX>bull`, processed by `npm run worker` and, when
 * JOBS_IN_WEB, by the web process too. Failed jobs retry with exponential backoff and then stay
 * in the failed list (superadmin sees and retries them); repeatable jobs are job schedulers,
 * upserted by every process so each cron pattern exists once.
 */
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, type EnqueueOptions, type FailedJob, type JobHandler, type JobService } from './jobs.js';

export const QUEUE_NAME = 'jobs';

export interface BullJobsOptions {
  redisUrl: string;
  redisPrefix: string;
  logger: Logger;
  /** Process jobs in this process (worker, or web with JOBS_IN_WEB). */
  process: boolean;
  concurrency?: number;
}

export class BullJobs implements JobService {
  readonly mode = 'bullmq' as const;
  private handlers = new Map<string, JobHandler>();
  private repeats = new Map<string, string>();
  private connection: Redis;
  private queue: Queue;
  private worker: Worker | null = null;
  private workerConnection: Redis | null = null;

  constructor(private opts: BullJobsOptions) {
    // BullMQ needs maxRetriesPerRequest null: its blocking commands wait indefinitely.
    this.connection = new Redis(opts.redisUrl, { maxRetriesPerRequest: null });
    this.connection.on('error', (err) => opts.logger.warn({ err: err.message }, 'job queue redis error'));
    this.queue = new Queue(QUEUE_NAME, {
      connection: this.connection,
      prefix: this.prefix,
      defaultJobOptions: {
        attempts: DEFAULT_ATTEMPTS,
        backoff: { type: 'exponential', delay: DEFAULT_BACKOFF_MS },
        removeOnComplete: { count: 1000 },
        removeOnFail: { count: 5000 },
      },
    });
  }

  get prefix() {
    return `${this.opts.redisPrefix}bull`;
  }

  register(name: string, handler: JobHandler, opts: { repeat?: string } = {}) {
    this.handlers.set(name, handler);
    if (opts.repeat) this.repeats.set(name, opts.repeat);
  }

  async enqueue(name: string, data?: unknown, opts: EnqueueOptions = {}) {
    if (!this.handlers.has(name)) throw new Error(`No job named "${name}" is registered`);
    await this.queue.add(name, data ?? {}, {
      delay: opts.delayMs,
      ...(opts.attempts ? { attempts: opts.attempts } : {}),
      ...(opts.backoffMs ? { backoff: { type: 'exponential', delay: opts.backoffMs } } : {}),
    });
  }

  async runNow(name: string, data?: unknown) {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No job named "${name}" is registered`);
    return handler(data);
  }

  async stats() {
    const c = await this.queue.getJobCounts('waiting', 'active', 'failed', 'delayed', 'prioritized');
    return { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, failed: c.failed ?? 0, delayed: c.delayed ?? 0 };
  }

  async failed(offset: number, limit: number) {
    const [jobs, total] = await Promise.all([this.queue.getFailed(offset, offset + limit - 1), this.queue.getFailedCount()]);
    return { rows: jobs.filter(Boolean).map(toFailed), total };
  }

  async retry(id: string) {
    const job = await this.queue.getJob(id);
    if (!job || !(await job.isFailed())) return false;
    await job.retry('failed');
    return true;
  }

  async start() {
    for (const [name, pattern] of this.repeats) {
      await this.queue.upsertJobScheduler(name, { pattern }, { name, data: {} });
    }
    if (!this.opts.process) return;
    this.workerConnection = new Redis(this.opts.redisUrl, { maxRetriesPerRequest: null });
    this.workerConnection.on('error', () => undefined);
    this.worker = new Worker(
      QUEUE_NAME,
      async (job: Job) => {
        const handler = this.handlers.get(job.name);
        if (!handler) throw new Error(`No job named "${job.name}" is registered in this process`);
        return handler(job.data);
      },
      { connection: this.workerConnection, prefix: this.prefix, concurrency: this.opts.concurrency ?? 4 },
    );
    this.worker.on('failed', (job, err) => this.opts.logger.warn({ job: job?.name, id: job?.id, attempt: job?.attemptsMade, err: err.message }, 'job failed'));
    this.worker.on('error', (err) => this.opts.logger.warn({ err: err.message }, 'job worker error'));
  }

  async close() {
    await this.worker?.close().catch(() => undefined);
    await this.queue.close().catch(() => undefined);
    await this.workerConnection?.quit().catch(() => undefined);
    await this.connection.quit().catch(() => undefined);
  }
}

function toFailed(job: Job): FailedJob {
  return {
    id: String(job.id),
    name: job.name,
    data: job.data,
    error: job.failedReason ?? '',
    attempts: job.attemptsMade,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    queuedAt: job.timestamp ? new Date(job.timestamp).toISOString() : null,
  };
}
