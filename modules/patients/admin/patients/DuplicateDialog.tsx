/**
 * Shown before registering when the patient may already be on file: the record with the same
 * national ID, or records with a similar name and the same birth date. The clerk opens one
 * of them, or registers a new patient anyway (not possible over a national ID already used).
 */
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItemButton, ListItemText } from '@mui/material';
import { useCreatePath, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { DuplicateCheck, PatientMatch } from './duplicates.js';

export interface DuplicateDialogProps {
  found: DuplicateCheck | null;
  formId: string;
  onCancel(): void;
  onContinue(): void;
}

export function DuplicateDialog({ found, formId, onCancel, onContinue }: DuplicateDialogProps) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const matches: PatientMatch[] = found ? [...(found.existing ? [found.existing] : []), ...found.possibleDuplicates.filter((p) => p.id !== found.existing?.id)] : [];
  return (
    <Dialog open={Boolean(found)} onClose={onCancel} aria-labelledby="duplicate-title" data-testid="duplicate-dialog">
      <DialogTitle id="duplicate-title">{translate('patients.duplicates.title')}</DialogTitle>
      <DialogContent>
        {found?.existing ? (
          <Alert severity="error" sx={{ mb: 1 }}>
            {translate('patients.duplicates.same_national_id', { mrn: found.existing.mrn })}
          </Alert>
        ) : (
          <Alert severity="warning" sx={{ mb: 1 }}>
            {translate('patients.duplicates.similar')}
          </Alert>
        )}
        <List dense>
          {matches.map((p) => (
            <ListItemButton key={p.id} component={Link} to={createPath({ resource: 'patients', id: p.id, type: 'show' })} data-mrn={p.mrn}>
              <ListItemText
                primary={`${p.mrn} · ${p.givenName} ${p.familyName}`}
                secondary={[p.birthDate, p.phone].filter(Boolean).join(' · ')}
                slotProps={{ primary: { sx: { fontFamily: 'monospace' } } }}
              />
            </ListItemButton>
          ))}
        </List>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
        {!found?.existing && (
          <Button type="submit" form={formId} variant="contained" onClick={onContinue} data-testid="register-anyway">
            {translate('patients.duplicates.continue')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
