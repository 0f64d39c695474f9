/**
 * The home page: who is signed in, then the widgets of every module whose resource the user
 * may read, so each role sees its own dashboard without a dashboard per role to maintain.
 */
import { Suspense } from 'react';
import { Alert, Box, Card, CardContent, Chip, Skeleton, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { useAppModules } from '../modules/useAppModules.js';
import { allows, type Me } from '../providers/authProvider.js';
import { WidgetBoundary } from './WidgetBoundary.js';

export function Dashboard() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<Me>();
  const loaded = useAppModules();
  const widgets = (loaded?.modules ?? []).flatMap((m) => (m.widgets ?? []).map((w) => ({ ...w, module: m.id }))).filter((w) => allows(permissions?.permissions, w.resource, 'read'));

  return (
    <Box sx={{ mt: 2 }} data-testid="dashboard">
      <Title title={translate('his.dashboard.title')} />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h5" component="h1">
            {translate('his.dashboard.welcome', { name: identity?.fullName ?? '' })}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap' }} useFlexGap>
            {(permissions?.roles ?? []).map((r) => (
              <Chip key={r} label={translate(`his.roles.${r}`, { _: r })} size="small" />
            ))}
          </Stack>
        </CardContent>
      </Card>
      {loaded?.failed.length ? (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('his.modules.failed', { modules: loaded.failed.map((f) => f.id).join(', ') })}
        </Alert>
      ) : null}
      {loaded && !widgets.length ? <Typography color="text.secondary">{translate('his.dashboard.no_widgets')}</Typography> : null}
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(12, 1fr)', gap: 2 }}>
        {widgets.map((w) => (
          <Box key={`${w.module}:${w.id}`} sx={{ gridColumn: { xs: 'span 12', md: `span ${Math.min(12, Math.max(1, w.width ?? 6))}` } }} data-widget={w.id}>
            <WidgetBoundary>
              <Suspense fallback={<Skeleton variant="rounded" height={120} />}>
                <w.component />
              </Suspense>
            </WidgetBoundary>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
