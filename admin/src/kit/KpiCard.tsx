/** The frame of a dashboard widget: a title, then a spinner, an error, or the content. */
import type { ReactNode } from 'react';
import { Alert, Card, CardContent, CircularProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

export function KpiCard({ title, isPending, error, children, testId }: { title: string; isPending?: boolean; error?: unknown; children?: ReactNode; testId?: string }) {
  const translate = useTranslate();
  return (
    <Card sx={{ height: '100%' }} data-testid={testId}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        {isPending ? (
          <CircularProgress size={24} aria-label={translate('ra.page.loading')} />
        ) : error ? (
          <Alert severity="warning">{translate('his.dashboard.widget_failed')}</Alert>
        ) : (
          children
        )}
      </CardContent>
    </Card>
  );
}
