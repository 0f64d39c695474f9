declare module 'vitest' {
  export interface ProvidedContext {
    DATABASE_URL: string;
    REDIS_URL: string;
    REDIS_PREFIX: string;
    NODE_ENV: string;
    LOG_LEVEL: string;
    LOGIN_RATE_LIMIT_PER_MINUTE: string;
    RATE_LIMIT_PER_MINUTE: string;
    DEMO_SEED: string;
    MODULES_DIR: string;
  }
}
export {};
