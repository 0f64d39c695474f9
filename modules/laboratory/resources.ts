import type { ModuleContext } from '../../server/host/types.js';
import type { ResourceDefinition } from '../../server/http/resource.js';
import { orderLifecycle } from './order-lifecycle.js';
import { resultEntry } from './result-entry.js';
import { catalogueResources } from './resources/catalogue.js';
import { orderResource } from './resources/orders.js';
import { resultResource } from './resources/results.js';
import { specimenResource } from './resources/specimens.js';

export function laboratoryResources(ctx: ModuleContext): ResourceDefinition[] {
  const lifecycle = orderLifecycle(ctx);
  const results = resultEntry(ctx);
  return [...catalogueResources(ctx), orderResource(ctx, lifecycle, results), specimenResource(ctx, lifecycle), resultResource(ctx, results)];
}
