/**
 * Reception: today's booked appointments of a clinic with a one-click check-in, and a walk-in
 * check-in. Each check-in answers with the token to hand to the patient.
 */
import { Alert, Autocomplete, Button, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useCreate, useGetList, useGetMany, useNotify } from 'react-admin';
import { ClinicPicker, useClinicChoice } from './ClinicPicker.js';

interface Patient {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
}
const patientText = (p?: Patient) => (p ? `${p.mrn} · ${p.givenName} ${p.familyName}` : '…');
const dayBounds = () => {
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  return { startAt_gte: start.toISOString(), startAt_lte: new Date(start.getTime() + 86_400_000 - 1).toISOString() };
};

function WalkIn({ clinicId, onToken }: { clinicId: string; onToken(t: string): void }) {
  const [search, setSearch] = useState('');
  const [patient, setPatient] = useState<Patient | null>(null);
  const [create, { isPending }] = useCreate();
  const notify = useNotify();
  const { data: found = [] } = useGetList<Patient>('patients', { filter: { q: search }, pagination: { page: 1, perPage: 10 } }, { enabled: search.length >= 2 });
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
      <Autocomplete
        sx={{ minWidth: 360 }}
        options={found}
        getOptionLabel={patientText}
        filterOptions={(x) => x}
        value={patient}
        onChange={(_e, p) => setPatient(p)}
        onInputChange={(_e, v) => setSearch(v)}
        renderInput={(params) => <TextField {...params} name="walkInPatient" label="Walk-in patient (MRN, name or phone)" />}
      />
      <Button
        variant="contained"
        disabled={!patient || !clinicId || isPending}
        onClick={() =>
          create('visits', { data: { patientId: patient!.id, clinicId } }, { onSuccess: (v) => (onToken(v.token), setPatient(null)), onError: (e: any) => notify(e?.body?.message ?? e.message, { type: 'error' }) })
        }
      >
        Check in walk-in
      </Button>
    </Stack>
  );
}

export function Reception() {
  const [clinicId, setClinicId] = useClinicChoice('his.visits.receptionClinic');
  const [token, setToken] = useState<string | null>(null);
  const [create] = useCreate();
  const notify = useNotify();
  const { data: booked = [], refetch } = useGetList(
    'appointments',
    { filter: { clinicId, status: 'booked', ...dayBounds() }, sort: { field: 'startAt', order: 'ASC' }, pagination: { page: 1, perPage: 200 } },
    { enabled: !!clinicId },
  );
  const { data: patients = [] } = useGetMany<Patient>('patients', { ids: booked.map((a) => a.patientId) }, { enabled: booked.length > 0 });
  const checkIn = (a: { id: string; patientId: string }) =>
    create('visits', { data: { patientId: a.patientId, appointmentId: a.id } }, { onSuccess: (v) => (setToken(v.token), refetch()), onError: (e: any) => notify(e?.body?.message ?? e.message, { type: 'error' }) });
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title="Reception" />
      <ClinicPicker value={clinicId} onChange={setClinicId} />
      {token && (
        <Alert severity="success" onClose={() => setToken(null)} data-testid="issued-token">
          Checked in: token <strong style={{ fontSize: '1.4rem' }}>{token}</strong>
        </Alert>
      )}
      <Card>
        <CardContent>
          <Typography variant="h6">Walk-in</Typography>
          <WalkIn clinicId={clinicId} onToken={setToken} />
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Typography variant="h6">Today's appointments</Typography>
          {!booked.length && <Typography color="text.secondary">No booked appointment left today.</Typography>}
          {booked.length > 0 && (
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>Time</TableCell>
                  <TableCell>Patient</TableCell>
                  <TableCell>Reason</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {booked.map((a) => (
                  <TableRow key={a.id}>
                    <TableCell>{new Date(a.startAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</TableCell>
                    <TableCell>{patientText(patients.find((p) => p.id === a.patientId))}</TableCell>
                    <TableCell>{a.reason}</TableCell>
                    <TableCell align="right">
                      <Button variant="contained" size="small" aria-label={`check in ${a.id}`} onClick={() => checkIn(a)}>
                        Check in
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </Stack>
  );
}
