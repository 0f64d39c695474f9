/** The clinic a reception desk or a consulting room works in, remembered on this computer. */
import { TextField } from '@mui/material';
import { useState } from 'react';
import { useGetList } from 'react-admin';

export function useClinicChoice(key: string) {
  const [clinicId, setClinicId] = useState(() => localStorage.getItem(key) ?? '');
  return [clinicId, (id: string) => (localStorage.setItem(key, id), setClinicId(id))] as const;
}

/** A native select: quick with the keyboard at a busy desk. */
export function ClinicPicker({ value, onChange }: { value: string; onChange(id: string): void }) {
  const { data: clinics = [] } = useGetList('clinics', { filter: { active: true }, pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } });
  return (
    <TextField
      select
      name="clinicId"
      label="Clinic"
      value={clinics.some((c) => c.id === value) ? value : ''}
      onChange={(e) => onChange(e.target.value)}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      sx={{ minWidth: 280 }}
    >
      <option value="">Choose a clinic</option>
      {clinics.map((c) => (
        <option key={c.id} value={c.id}>
          {`${c.code} · ${c.name}`}
        </option>
      ))}
    </TextField>
  );
}
