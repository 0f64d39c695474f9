/** The clinic a reception desk or a consulting room works in, remembered on this computer. */
import { MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useGetList } from 'react-admin';

export function useClinicChoice(key: string) {
  const [clinicId, setClinicId] = useState(() => localStorage.getItem(key) ?? '');
  return [clinicId, (id: string) => (localStorage.setItem(key, id), setClinicId(id))] as const;
}

export function ClinicPicker({ value, onChange }: { value: string; onChange(id: string): void }) {
  const { data: clinics = [] } = useGetList('clinics', { filter: { active: true }, pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } });
  return (
    <TextField select name="clinicId" label="Clinic" value={clinics.length ? value : ''} onChange={(e) => onChange(e.target.value)} sx={{ minWidth: 280 }}>
      {clinics.map((c) => (
        <MenuItem key={c.id} value={c.id}>
          {c.code} · {c.name}
        </MenuItem>
      ))}
    </TextField>
  );
}
