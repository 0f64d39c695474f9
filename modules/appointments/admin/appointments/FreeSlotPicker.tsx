/**
 * Free slots of the chosen clinic and date, per provider; a click fills the provider and the
 * start time of the booking form.
 */
import { Box, Chip, Stack, Typography } from '@mui/material';
import { useFormContext, useWatch } from 'react-hook-form';
import { useApiGet } from '../useApiGet.js';

interface FreeSlots {
  providers: { providerId: string; providerName: string; slots: { startAt: string }[] }[];
}

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export function FreeSlotPicker({ date }: { date: string }) {
  const { setValue } = useFormContext();
  const [clinicId, providerId, startAt] = useWatch({ name: ['clinicId', 'providerId', 'startAt'] });
  const { data, isLoading } = useApiGet<FreeSlots>(clinicId && date ? `clinics/${clinicId}/free-slots?date=${date}` : null);
  if (!clinicId) return <Typography color="text.secondary">Choose a clinic to see its free slots.</Typography>;
  if (isLoading) return <Typography>Loading free slots…</Typography>;
  if (!data?.providers.length) return <Typography>No free slot on {date}.</Typography>;
  return (
    <Stack spacing={2} sx={{ my: 1 }} data-testid="free-slots">
      {data.providers.map((p) => (
        <Box key={p.providerId}>
          <Typography variant="subtitle2">{p.providerName}</Typography>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 0.5 }}>
            {p.slots.map((s) => {
              const chosen = providerId === p.providerId && startAt === s.startAt;
              return (
                <Chip
                  key={s.startAt}
                  label={time(s.startAt)}
                  data-slot={s.startAt}
                  color={chosen ? 'primary' : 'default'}
                  onClick={() => {
                    setValue('providerId', p.providerId, { shouldDirty: true });
                    setValue('startAt', s.startAt, { shouldDirty: true });
                  }}
                />
              );
            })}
          </Box>
        </Box>
      ))}
    </Stack>
  );
}
