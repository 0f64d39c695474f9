import { Box, Button, Typography } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import { useNotify } from 'react-admin';
import { openPdf } from '../../../../admin/kit.js';

/** What one dispense took off the shelf, batch by batch (first expiry first), and its label. */
export function BatchesPicked({ dispense }: { dispense: any }) {
  const notify = useNotify();
  return (
    <Box data-testid={`dispense-${dispense.number}`}>
      <Typography variant="subtitle2">
        {dispense.number} · {new Date(dispense.dispensedAt).toLocaleString()}
        <Button size="small" startIcon={<PrintIcon />} onClick={() => openPdf(`/api/dispenses/${dispense.id}/pdf`).catch((e: Error) => notify(e.message, { type: 'error' }))}>Label</Button>
      </Typography>
      {(dispense.items ?? []).map((item: any) => (
        <Typography key={item.id} variant="body2">
          {item.quantity} units: {item.batches.map((b: any) => `lot ${b.lotNumber}${b.expiryDate ? ` (exp. ${b.expiryDate})` : ''} × ${b.quantity}`).join(', ')}
        </Typography>
      ))}
    </Box>
  );
}
