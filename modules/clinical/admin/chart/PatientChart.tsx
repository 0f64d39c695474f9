/**
 * The patient chart: allergies, a vital-signs chart and the history (visits, encounters with
 * their diagnoses, vital signs), newest first, loading older pages on demand.
 */
import { Alert, Button, Card, CardContent, Chip, List, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { useNavigate, useParams } from 'react-router-dom';
import { Loading, Title, useTranslate } from 'react-admin';
import { useChart, type TimelineItem } from './useChart.js';
import { VitalSignsChart } from './VitalSignsChart.js';

function describe(item: TimelineItem): { primary: string; secondary?: string } {
  if (item.kind === 'encounter') {
    const dx = (item.diagnoses ?? []).map((d: any) => `${d.code} ${d.title}`).join('; ');
    return { primary: `${item.type === 'dental' ? 'Dental' : 'Consultation'}${item.clinicName ? ` · ${item.clinicName}` : ''}${item.physicianName ? ` · ${item.physicianName}` : ''}`, secondary: [item.chiefComplaint, dx].filter(Boolean).join(' — ') };
  }
  if (item.kind === 'visit') return { primary: `Visit ${item.token ?? ''}${item.clinicName ? ` · ${item.clinicName}` : ''}`, secondary: item.queueStatus };
  return { primary: 'Vital signs', secondary: ['systolic', 'diastolic', 'pulse', 'temperature', 'spo2'].filter((k) => item[k] != null).map((k) => `${k} ${item[k]}`).join(', ') };
}

export function PatientChart() {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const navigate = useNavigate();
  const { first, timeline, isPending, error, hasNextPage, fetchNextPage, isFetchingNextPage } = useChart(id);
  if (isPending) return <Loading />;
  if (error) return <Alert severity="error">{(error as any)?.body?.message ?? (error as Error).message}</Alert>;
  const p = first?.patient;
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={p ? `${p.mrn} · ${p.givenName} ${p.familyName}` : translate('clinical.chart')} />
      {first?.allergies && (
        <Card>
          <CardContent>
            <Typography variant="h6">{translate('clinical.allergies')}</Typography>
            {first.allergies.length ? (
              first.allergies.map((a) => <Chip key={a.id} color={a.severity === 'mild' ? 'warning' : 'error'} label={`${a.substance} (${a.severity})`} sx={{ mr: 1 }} />)
            ) : (
              <Typography>{translate('clinical.no_allergies')}</Typography>
            )}
          </CardContent>
        </Card>
      )}
      <Card>
        <CardContent>
          <Typography variant="h6">{translate('clinical.vital_signs')}</Typography>
          <VitalSignsChart items={timeline} />
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Typography variant="h6">{translate('clinical.history')}</Typography>
          <List dense>
            {timeline.map((item) => {
              const { primary, secondary } = describe(item);
              return (
                <ListItemButton key={`${item.kind}-${item.id}`} disabled={item.kind !== 'encounter'} onClick={() => navigate(`/encounters/${item.id}/show`)}>
                  <ListItemText primary={`${new Date(item.at).toLocaleString()} · ${primary}`} secondary={secondary} />
                </ListItemButton>
              );
            })}
          </List>
          {hasNextPage ? (
            <Button disabled={isFetchingNextPage} onClick={() => fetchNextPage()}>
              {translate('clinical.load_older')}
            </Button>
          ) : (
            <Typography variant="caption">{translate('clinical.end_of_history')}</Typography>
          )}
        </CardContent>
      </Card>
    </Stack>
  );
}
