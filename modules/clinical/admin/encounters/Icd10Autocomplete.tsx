/**
 * ICD-10 search as you type: the API ranks codes that start with the text first, then titles
 * holding every word, so the first suggestion is usually the one.
 */
import { Autocomplete, TextField } from '@mui/material';
import { useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';

export interface Icd10Option {
  id: string;
  code: string;
  title: string;
}

export function Icd10Autocomplete({ onPick, disabled }: { onPick(code: Icd10Option): void; disabled?: boolean }) {
  const translate = useTranslate();
  const [q, setQ] = useState('');
  const { data = [], isPending } = useGetList<Icd10Option>(
    'icd10-codes',
    { filter: { q: q.trim(), active: true }, pagination: { page: 1, perPage: 15 }, sort: { field: 'code', order: 'ASC' } },
    { enabled: q.trim().length >= 2 },
  );
  return (
    <Autocomplete<Icd10Option>
      options={q.trim().length >= 2 ? data : []}
      loading={q.trim().length >= 2 && isPending}
      disabled={disabled}
      filterOptions={(x) => x}
      getOptionLabel={(o) => `${o.code} ${o.title}`}
      onInputChange={(_e, value, reason) => reason === 'input' && setQ(value)}
      onChange={(_e, value) => {
        if (value) onPick(value);
        setQ('');
      }}
      value={null}
      sx={{ minWidth: 360, flex: 1 }}
      renderInput={(params) => <TextField {...params} name="icd10" label={translate('clinical.search_icd10')} size="small" />}
    />
  );
}
