/** The findings of one tooth: remove one, or add a condition on the surfaces this tooth has. */
import { Button, Chip, MenuItem, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState } from 'react';
import { CONDITIONS, SURFACES, SURFACE_NAMES, WHOLE_TOOTH, surfaceProblem, type Condition } from '../../teeth.js';
import type { Finding } from './Odontogram.js';

export function ToothEditor({ tooth, findings, onChange }: { tooth: number; findings: Finding[]; onChange(next: Finding[]): void }) {
  const [condition, setCondition] = useState<Condition>('caries');
  const [surfaces, setSurfaces] = useState<string[]>([]);
  const mine = findings.filter((f) => f.tooth === tooth);
  const whole = WHOLE_TOOTH.includes(condition);
  const possible = SURFACES.filter((s) => !surfaceProblem(tooth, s));
  const add = () => {
    onChange([...findings, { tooth, condition, surfaces: whole ? [] : surfaces }]);
    setSurfaces([]);
  };
  return (
    <Stack spacing={2} sx={{ minWidth: 300 }}>
      <Typography variant="h6">Tooth {tooth}</Typography>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
        {mine.length === 0 && <Typography color="text.secondary">Sound</Typography>}
        {mine.map((f) => (
          <Chip
            key={`${f.condition}-${f.surfaces.join('')}`}
            label={`${f.condition}${f.surfaces.length ? ` ${f.surfaces.join('')}` : ''}`}
            onDelete={() => onChange(findings.filter((x) => x !== f))}
          />
        ))}
      </Stack>
      <TextField select name="condition" label="Condition" size="small" value={condition} onChange={(e) => setCondition(e.target.value as Condition)}>
        {CONDITIONS.map((c) => (
          <MenuItem key={c} value={c}>
            {c}
          </MenuItem>
        ))}
      </TextField>
      {!whole && (
        <ToggleButtonGroup size="small" value={surfaces} onChange={(_e, v: string[]) => setSurfaces(v)} aria-label="surfaces">
          {possible.map((s) => (
            <ToggleButton key={s} value={s} title={SURFACE_NAMES[s]}>
              {s}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      )}
      <Button variant="outlined" disabled={!whole && !surfaces.length} onClick={add}>
        Add finding
      </Button>
    </Stack>
  );
}
