/** The encounter's coded diagnoses, and adding one from the ICD-10 search while it is open. */
import { Box, Chip, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useCanAccess, useCreate, useNotify, useRefresh, useTranslate } from 'react-admin';
import { Icd10Autocomplete } from './Icd10Autocomplete.js';

interface Diagnosis {
  id: string;
  code: string;
  title: string;
  rank: string;
  certainty: string;
}

export function DiagnosesPanel({ encounter }: { encounter: { id: string; status: string; diagnoses?: Diagnosis[] } }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [create, { isPending }] = useCreate();
  const { canAccess: mayAdd } = useCanAccess({ resource: 'encounter-diagnoses', action: 'create' });
  const diagnoses = encounter.diagnoses ?? [];
  return (
    <Box>
      <Typography variant="h6">{translate('clinical.diagnoses')}</Typography>
      <List dense>
        {diagnoses.map((d) => (
          <ListItem key={d.id}>
            <ListItemText primary={`${d.code} ${d.title}`} />
            <Chip size="small" label={d.rank} color={d.rank === 'primary' ? 'primary' : 'default'} sx={{ mr: 1 }} />
            <Chip size="small" variant="outlined" label={d.certainty} />
          </ListItem>
        ))}
      </List>
      {mayAdd && encounter.status === 'open' && (
        <Icd10Autocomplete
          disabled={isPending}
          onPick={(icd) =>
            create(
              'encounter-diagnoses',
              { data: { encounterId: encounter.id, code: icd.code } },
              { onSuccess: () => refresh(), onError: (e: any) => notify(e?.body?.message ?? e.message, { type: 'error' }) },
            )
          }
        />
      )}
    </Box>
  );
}
