import type { ModuleContext } from '../../server/host/types.js';
import type { ResourceDefinition } from '../../server/http/resource.js';
import { dentalChartsResource } from './resources/dental-charts.resource.js';
import { dentalProceduresResource } from './resources/dental-procedures.resource.js';

export function dentalResources(ctx: ModuleContext): ResourceDefinition[] {
  return [dentalChartsResource(ctx), dentalProceduresResource(ctx)];
}
