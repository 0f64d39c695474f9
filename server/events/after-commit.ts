/**
 * Runs a side effect only once the current transaction (joined through CLS) has committed:
 * a job enqueued or a cache invalidated before commit could act on data that then rolls back,
 * or that other processes cannot see yet. Outside a transaction it runs at once.
 */
import { Sequelize, type Transaction } from 'sequelize';

export function afterCommit(fn: () => unknown): void {
  const t = (Sequelize as unknown as { _cls?: { get(key: string): Transaction | undefined } })._cls?.get('transaction');
  const run = () => {
    void Promise.resolve()
      .then(fn)
      .catch(() => undefined);
  };
  if (t) t.afterCommit(run);
  else run();
}
