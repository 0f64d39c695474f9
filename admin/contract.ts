/**
 * What a module's `admin/index.tsx` exports (default export). The host writes the list of
 * modules with screens; the back-office build reads it and loads each module lazily.
 */
import type { ComponentType } from 'react';

export interface AdminResource {
  /** The resource name: same as the REST path and the grant (`lab-orders`). */
  name: string;
  list?: ComponentType;
  show?: ComponentType;
  edit?: ComponentType;
  create?: ComponentType;
  icon?: ComponentType;
  /** Menu group (department); default: the module's menu. */
  menu?: string;
  /** Field or function used to show a record in references. */
  recordRepresentation?: string | ((record: any) => string);
}

export interface AdminWidget {
  id: string;
  /** Read permission on this resource is needed to see the widget. */
  resource: string;
  component: ComponentType;
  /** Width in a 12-column grid (default 6). */
  width?: number;
}

export interface AdminRoute {
  /** Path under the app (e.g. `/queue-board`), rendered inside the layout. */
  path: string;
  component: ComponentType;
  /** Read permission on this resource is needed. */
  resource: string;
  /** Menu entry label (translation key or text); omit to keep it off the menu. */
  menuLabel?: string;
  menu?: string;
  icon?: ComponentType;
}

export interface AdminModule {
  resources?: AdminResource[];
  widgets?: AdminWidget[];
  routes?: AdminRoute[];
  /** ra-i18n-polyglot messages, merged into the app's: `{ en: {...}, fr: {...} }`. */
  messages?: Record<string, Record<string, unknown>>;
}

export function defineAdminModule(m: AdminModule): AdminModule {
  return m;
}
