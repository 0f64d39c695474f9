import type { ModuleContext } from '../../server/host/types.js';
import type { DispenseInput } from './dispense.workflow.js';

export interface DispenseRunner {
  run(input: DispenseInput): Promise<{ charged: number }>;
}

const runners = new WeakMap<ModuleContext, DispenseRunner>();

/**
 * The dispense workflow for one host. The Medusa SDK is loaded on the first dispense, not at
 * boot (about a second), and the workflow module once per process.
 */
export function dispensingOf(ctx: ModuleContext): DispenseRunner {
  let runner = runners.get(ctx);
  if (!runner) {
    let container: unknown;
    runner = {
      async run(input) {
        const wf = await import('./dispense.workflow.js');
        container ??= wf.dispenseContainer(ctx);
        return wf.runDispense(container as ReturnType<typeof wf.dispenseContainer>, input) as Promise<{ charged: number }>;
      },
    };
    runners.set(ctx, runner);
  }
  return runner;
}
