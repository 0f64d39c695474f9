/**
 * The module contract: a module contributes only through the manifest it exports from
 * `modules/<id>/module.ts` with `defineModule({...})`.
 */
import type { Router } from 'express';
import type { ModelStatic, Model, Sequelize } from 'sequelize';
import type { Logger } from 'pino';
import type { Config } from '../../config/index.js';
import type { ResourceDefinition } from '../http/resource.js';
import type { GrantRow } from '../access/grants.js';
import type { Services } from './services.js';

export interface ModuleContext {
  config: Readonly<Config>;
  sequelize: Sequelize;
  logger: Logger;
  /** Models registered so far (by model name); a module may use those of its dependencies. */
  models: Record<string, ModelStatic<Model>>;
  /** Shared platform services (audit, events, jobs, documents, ...). */
  services: Services;
  /** The module's own folder. */
  dir: string;
}

export interface RoleDefinition {
  name: string;
  label: string;
  description?: string;
}

export interface KpiDefinition {
  /** Served at GET /api/kpis/<id>. */
  id: string;
  label: string;
  /** Resource whose `read` grant is needed to see this KPI. */
  resource: string;
  compute(ctx: ModuleContext, query: Record<string, string>): Promise<unknown>;
}

export interface JobDefinition {
  name: string;
  /** Cron pattern for repeatable jobs. */
  repeat?: string;
  handler(ctx: ModuleContext, data: any): Promise<unknown>;
}

export interface SeedDefinition {
  /** Idempotent, keyed upserts: runs on every boot. */
  base?(ctx: ModuleContext): Promise<void>;
  /** Demo data: first boot only (embedded) or `npm run seed`. */
  demo?(ctx: ModuleContext, progress: (done: number, total: number) => void): Promise<void>;
}

export interface ModuleManifest {
  id: string;
  version: string;
  label: string;
  /** Menu group for the back-office. */
  menu?: string;
  dependsOn?: string[];
  models?(ctx: ModuleContext): Record<string, ModelStatic<Model>>;
  associations?(ctx: ModuleContext): void;
  /** Folder of migrations, relative to the module folder (default `migrations`). */
  migrations?: string;
  roles?: RoleDefinition[];
  grants?: GrantRow[];
  resources?(ctx: ModuleContext): ResourceDefinition[];
  /** Extra routes outside the resource protocol; `api` is mounted at /api, `root` at /. */
  routes?(ctx: ModuleContext, routers: { api: Router; root: Router }): void;
  /** Folder of default rule sets (json-rules-engine JSON), relative (default `rules`). */
  rules?: string;
  /** Folder of handlebars templates, relative (default `templates`). */
  templates?: string;
  jobs?: JobDefinition[];
  seeds?: SeedDefinition;
  kpis?: KpiDefinition[];
  /** Last phase: anything that needs every module registered. */
  bootstrap?(ctx: ModuleContext): Promise<void>;
}

export interface LoadedModule extends ModuleManifest {
  dir: string;
  dependsOn: string[];
  source: string;
}

export function defineModule(manifest: ModuleManifest): ModuleManifest {
  return manifest;
}
