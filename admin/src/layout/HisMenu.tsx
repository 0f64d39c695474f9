/**
 * The side menu: the dashboard, then one section per department listing only what the user
 * may read (the resource's menu, else the menu the API gives for it).
 */
import { Box, Typography } from '@mui/material';
import { Menu, useResourceDefinitions, usePermissions, useSidebarState, useTranslate } from 'react-admin';
import type { Me } from '../providers/authProvider.js';
import { useModuleRoutes } from '../modules/useAppModules.js';
import { groupMenu, type MenuEntry } from './menuGroups.js';

export function HisMenu() {
  const { permissions } = usePermissions<Me>();
  const definitions = useResourceDefinitions();
  const routes = useModuleRoutes();
  const translate = useTranslate();
  const [open] = useSidebarState();

  const entries: MenuEntry[] = [
    ...Object.values(definitions)
      .filter((d) => d.hasList)
      .map((d) => ({ key: d.name, kind: 'resource' as const, menu: String(d.options?.menu ?? 'Other') })),
    ...routes.filter((r) => r.menuLabel).map((r) => ({ key: r.path, kind: 'route' as const, menu: r.menu ?? permissions?.resources.find((x) => x.name === r.resource)?.menu ?? 'Other', label: r.menuLabel })),
  ];
  const resourceOf = (e: MenuEntry) => (e.kind === 'resource' ? e.key : (routes.find((r) => r.path === e.key)?.resource ?? e.key));
  const groups = groupMenu(entries, permissions, resourceOf);

  return (
    <Menu>
      <Menu.DashboardItem />
      {groups.map((g) => (
        <Box key={g.menu} component="section" aria-label={translate(`his.menu.${g.menu}`, { _: g.menu })} data-menu-group={g.menu}>
          {open && (
            <Typography variant="overline" component="h2" sx={{ px: 2, pt: 1.5, display: 'block', color: 'text.secondary', lineHeight: 2 }}>
              {translate(`his.menu.${g.menu}`, { _: g.menu })}
            </Typography>
          )}
          {g.entries.map((e) => {
            if (e.kind === 'resource') return <Menu.ResourceItem key={e.key} name={e.key} />;
            const route = routes.find((r) => r.path === e.key)!;
            const Icon = route.icon;
            return <Menu.Item key={e.key} to={e.key} primaryText={translate(e.label!, { _: e.label })} leftIcon={Icon ? <Icon /> : undefined} />;
          })}
        </Box>
      ))}
    </Menu>
  );
}
