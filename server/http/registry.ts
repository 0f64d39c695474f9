import type { ResourceDefinition } from './resource.js';

/** Every resource the modules contribute, by name (one name everywhere). */
export class ResourceRegistry {
  readonly resources = new Map<string, { def: ResourceDefinition; module: string; menu?: string }>();

  add(def: ResourceDefinition, module: string, menu?: string) {
    const existing = this.resources.get(def.name);
    if (existing) throw new Error(`Resource "${def.name}" is declared by both ${existing.module} and ${module}`);
    this.resources.set(def.name, { def, module, menu });
  }
}
