/**
 * The back-office. Resources come from the modules (loaded after sign-in, one chunk each);
 * a resource the user may read that no module gives screens to still gets a plain list.
 */
import { Admin, CustomRoutes, ListGuesser, Resource, ShowGuesser } from 'react-admin';
import { Route } from 'react-router-dom';
import { Dashboard } from './dashboard/Dashboard.js';
import { i18nProvider } from './i18n/i18nProvider.js';
import { HisLayout } from './layout/HisLayout.js';
import { LoginPage } from './layout/LoginPage.js';
import { NotAllowed } from './layout/NotAllowed.js';
import { RequireRead } from './layout/RequireRead.js';
import { applyModuleMessages } from './modules/messages.js';
import { appModules } from './modules/registry.js';
import { authProvider, type Me } from './providers/authProvider.js';
import { dataProvider } from './providers/dataProvider.js';
import { theme } from './theme.js';

async function resourcesFor(me: Me | undefined) {
  const { modules } = await appModules();
  await applyModuleMessages(modules);
  const apiMenu = new Map((me?.resources ?? []).map((r) => [r.name, r.menu]));
  const apiLabel = new Map((me?.resources ?? []).map((r) => [r.name, r.label]));
  const withScreens = new Set<string>();
  const elements = modules.flatMap((m) =>
    (m.resources ?? []).map((r) => {
      withScreens.add(r.name);
      return (
        <Resource
          key={r.name}
          name={r.name}
          list={r.list}
          show={r.show}
          edit={r.edit}
          create={r.create}
          icon={r.icon}
          recordRepresentation={r.recordRepresentation}
          options={{ menu: r.menu ?? apiMenu.get(r.name) ?? 'Other', label: apiLabel.get(r.name), module: m.id }}
        />
      );
    }),
  );
  const plain = (me?.resources ?? [])
    .filter((r) => !withScreens.has(r.name))
    .map((r) => <Resource key={r.name} name={r.name} list={ListGuesser} show={ShowGuesser} options={{ menu: r.menu, label: r.label }} />);
  const routes = modules.flatMap((m) => m.routes ?? []);
  return (
    <>
      {elements}
      {plain}
      <CustomRoutes>
        {routes.map((r) => (
          <Route key={r.path} path={r.path} element={<RequireRead resource={r.resource}><r.component /></RequireRead>} />
        ))}
      </CustomRoutes>
    </>
  );
}

export function App() {
  return (
    <Admin
      disableTelemetry
      requireAuth
      title="HIS"
      theme={theme}
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      layout={HisLayout}
      dashboard={Dashboard}
      accessDenied={NotAllowed}
    >
      {resourcesFor}
    </Admin>
  );
}
