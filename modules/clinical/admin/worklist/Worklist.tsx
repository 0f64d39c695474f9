/**
 * The physician's worklist: today's queue of the chosen clinic (triage priority, then arrival),
 * with call / start consultation, and the physician's own open encounters.
 */
import { Button, Card, CardContent, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Title, useCreate, useDataProvider, useGetIdentity, useGetList, useGetMany, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { HisDataProvider } from '../../../../admin/kit.js';

const CLINIC_KEY = 'his.clinical.worklistClinic';
const today = () => new Date().toLocaleDateString('en-CA');

interface Visit {
  id: string;
  patientId: string;
  clinicId: string;
  token: string;
  priority: string;
  queueStatus: string;
  arrivedAt: string;
}

export function Worklist() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<HisDataProvider>();
  const [create] = useCreate();
  const { identity } = useGetIdentity();
  const [clinicId, setClinicId] = useState(() => localStorage.getItem(CLINIC_KEY) ?? '');
  const { data: clinics = [] } = useGetList('clinics', { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } });
  const { data: queue = [] } = useGetList<Visit>(
    'visits',
    {
      filter: { clinicId, queueDate_gte: today(), queueDate_lte: today(), queueStatus: ['waiting', 'called', 'in-consultation'] },
      sort: { field: 'priorityRank', order: 'ASC' },
      pagination: { page: 1, perPage: 100 },
    },
    { enabled: !!clinicId, refetchInterval: 15_000 },
  );
  const { data: patients = [] } = useGetMany('patients', { ids: [...new Set(queue.map((v) => v.patientId))] }, { enabled: queue.length > 0 });
  const { data: mine = [] } = useGetList('encounters', { filter: { physicianId: identity?.id, status: 'open' }, sort: { field: 'startedAt', order: 'DESC' } }, { enabled: !!identity?.id });
  const name = (id: string) => {
    const p = patients.find((x) => x.id === id);
    return p ? `${p.givenName} ${p.familyName} (${p.mrn})` : '…';
  };
  const fail = (e: any) => notify(e?.body?.message ?? e.message, { type: 'error' });

  const call = (v: Visit) => dataProvider.action('visits', v.id, 'call').then(refresh, fail);
  /** Starts the visit's consultation and opens its encounter (dental in the dental clinic). */
  const start = async (v: Visit) => {
    try {
      if (v.queueStatus !== 'in-consultation') await dataProvider.action('visits', v.id, 'start');
      const { data: existing } = await dataProvider.getList('encounters', { filter: { visitId: v.id, status: 'open' }, pagination: { page: 1, perPage: 1 }, sort: { field: 'startedAt', order: 'DESC' } });
      if (existing[0]) return navigate(`/encounters/${existing[0].id}/show`);
      const clinic = clinics.find((c) => c.id === v.clinicId);
      create(
        'encounters',
        { data: { patientId: v.patientId, visitId: v.id, type: clinic?.department === 'dental' ? 'dental' : 'general' } },
        { onSuccess: (e) => navigate(`/encounters/${e.id}/show`), onError: fail },
      );
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={translate('clinical.worklist')} />
      <TextField
        select
        name="clinicId"
        label={translate('clinical.clinic')}
        value={clinicId}
        onChange={(e) => {
          setClinicId(e.target.value);
          localStorage.setItem(CLINIC_KEY, e.target.value);
        }}
        sx={{ maxWidth: 360 }}
      >
        {clinics.map((c) => (
          <MenuItem key={c.id} value={c.id}>
            {c.name}
          </MenuItem>
        ))}
      </TextField>
      <Card>
        <CardContent>
          {clinicId && !queue.length ? (
            <Typography>{translate('clinical.queue_empty')}</Typography>
          ) : (
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>Token</TableCell>
                  <TableCell>{translate('resources.encounters.fields.patientId')}</TableCell>
                  <TableCell>Priority</TableCell>
                  <TableCell>Status</TableCell>
                  <TableCell>Arrived</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {queue.map((v) => (
                  <TableRow key={v.id}>
                    <TableCell>{v.token}</TableCell>
                    <TableCell>{name(v.patientId)}</TableCell>
                    <TableCell>{v.priority}</TableCell>
                    <TableCell>{v.queueStatus}</TableCell>
                    <TableCell>{new Date(v.arrivedAt).toLocaleTimeString()}</TableCell>
                    <TableCell align="right">
                      {/* The token is called (and shown on the display) before the consultation starts. */}
                      {v.queueStatus === 'waiting' ? (
                        <Button onClick={() => call(v)}>Call</Button>
                      ) : (
                        <Button variant="contained" size="small" onClick={() => start(v)}>
                          {translate(v.queueStatus === 'in-consultation' ? 'clinical.open_encounter' : 'clinical.start_consultation')}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      {mine.length > 0 && (
        <Card>
          <CardContent>
            <Typography variant="h6">{translate('clinical.my_open_encounters')}</Typography>
            {mine.map((e) => (
              <Button key={e.id} onClick={() => navigate(`/encounters/${e.id}/show`)}>
                {new Date(e.startedAt).toLocaleTimeString()} · {e.chiefComplaint ?? e.type}
              </Button>
            ))}
          </CardContent>
        </Card>
      )}
    </Stack>
  );
}
