/**
 * Groups menu entries by department. Pure, so it is unit-tested without rendering.
 */
import { allows, type Me } from '../providers/authProvider.js';

export interface MenuEntry {
  /** Resource name, or the path of a module route. */
  key: string;
  kind: 'resource' | 'route';
  menu: string;
  label?: string;
}

export interface MenuGroup {
  menu: string;
  entries: MenuEntry[];
}

/** Administration last, the rest in alphabetical order, so every role sees a stable menu. */
const rank = (menu: string) => (menu === 'Administration' ? 2 : menu === 'Other' ? 1 : 0);

export function groupMenu(entries: MenuEntry[], me: Pick<Me, 'permissions'> | undefined, readResourceOf: (e: MenuEntry) => string): MenuGroup[] {
  const groups = new Map<string, MenuEntry[]>();
  for (const e of entries) {
    if (!allows(me?.permissions, readResourceOf(e), 'read')) continue;
    const list = groups.get(e.menu) ?? [];
    if (!list.some((x) => x.key === e.key)) list.push(e);
    groups.set(e.menu, list);
  }
  return [...groups.entries()]
    .map(([menu, list]) => ({ menu, entries: list }))
    .sort((a, b) => rank(a.menu) - rank(b.menu) || a.menu.localeCompare(b.menu));
}
