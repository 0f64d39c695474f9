import type { Redis } from 'ioredis';
import type { Access } from '../access/access-control.js';
import type { AuditService } from '../audit/audit.js';
import type { EventBus } from '../events/event-bus.js';
import type { JobService } from '../jobs/jobs.js';
import type { ResourceRegistry } from '../http/registry.js';
import type { RulesService } from '../workflows/rules.js';
import type { DocumentService } from '../documents/documents.js';

/**
 * Platform services every module receives in its context. Modules may add their own services
 * (`services.provide('inventory', ...)`) for the modules that depend on them.
 */
export interface Services {
  audit: AuditService;
  access: Access;
  events: EventBus;
  jobs: JobService;
  registry: ResourceRegistry;
  rules: RulesService;
  documents: DocumentService;
  redis: Redis | null;
  provided: Map<string, unknown>;
  provide<T>(name: string, service: T): void;
  get<T>(name: string): T;
}

export function createServices(init: Omit<Services, 'provided' | 'provide' | 'get' | 'access'>): Services {
  const provided = new Map<string, unknown>();
  return {
    ...init,
    access: undefined as unknown as Access,
    provided,
    provide(name, service) {
      if (provided.has(name)) throw new Error(`Service "${name}" is provided twice`);
      provided.set(name, service);
    },
    get<T>(name: string) {
      if (!provided.has(name)) throw new Error(`No module provides the service "${name}"; add the module that does to dependsOn`);
      return provided.get(name) as T;
    },
  };
}
