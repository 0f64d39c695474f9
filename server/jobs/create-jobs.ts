/**
 * Picks the job runner for a process: BullMQ when REDIS_URL is set, in-process otherwise, and
 * says which at start-up so an operator knows where jobs run.
 */
import type { Logger } from 'pino';
import type { Config } from '../../config/index.js';
import { BullJobs } from './bullmq-jobs.js';
import { InProcessJobs, type JobService } from './jobs.js';

export function createJobs(config: Readonly<Config>, logger: Logger, role: 'web' | 'worker' = 'web'): JobService {
  if (!config.redisUrl) {
    logger.info('jobs: REDIS_URL is not set, background jobs run in-process in this process');
    return new InProcessJobs(logger);
  }
  const process = role === 'worker' || config.jobsInWeb;
  logger.info({ prefix: `${config.redisPrefix}bull`, processedHere: process }, `jobs: BullMQ queue${process ? ', processed in this process' : ', processed by npm run worker'}`);
  return new BullJobs({ redisUrl: config.redisUrl, redisPrefix: config.redisPrefix, logger, process });
}
