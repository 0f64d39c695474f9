import type { ModuleContext } from '../../server/host/types.js';
import type { ResourceDefinition } from '../../server/http/resource.js';
import { encounterDiagnosesResource } from './resources/encounter-diagnoses.resource.js';
import { encountersResource } from './resources/encounters.resource.js';
import { icd10CodesResource } from './resources/icd10-codes.resource.js';
import { soapNotesResource } from './resources/soap-notes.resource.js';

export function clinicalResources(ctx: ModuleContext): ResourceDefinition[] {
  return [icd10CodesResource(ctx), encountersResource(ctx), soapNotesResource(ctx), encounterDiagnosesResource(ctx)];
}
