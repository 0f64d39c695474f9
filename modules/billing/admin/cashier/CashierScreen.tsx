/**
 * The cashier's desk: find the visit's invoice by number, MRN or name, see what is owed, take
 * the payment and print the receipt, without leaving the page.
 */
import { useState } from 'react';
import { Box, Card, CardContent, List, ListItemButton, ListItemText, TextField, Typography } from '@mui/material';
import { Title, useGetList, useGetOne } from 'react-admin';
import { formatMoney } from '../money.js';
import { InvoicePanel } from '../invoices/InvoicePanel.js';

export function CashierScreen() {
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const { data: found = [] } = useGetList('invoices', { filter: q.trim() ? { q: q.trim() } : { status: 'issued' }, pagination: { page: 1, perPage: 15 }, sort: { field: 'createdAt', order: 'DESC' } });
  const { data: invoice } = useGetOne('invoices', { id: selected ?? '' }, { enabled: !!selected });
  return (
    // minmax(0, 1fr): the invoice column takes what is left of the window and no more, so its
    // tables scroll inside it rather than widening the page.
    <Box sx={{ display: 'grid', gridTemplateColumns: '300px minmax(0, 1fr)', alignItems: 'start', gap: 2, mt: 2 }}>
      <Title title="Cashier" />
      <Card>
        <CardContent>
          <TextField name="cashier-search" label="Invoice, MRN or patient name" value={q} onChange={(e) => setQ(e.target.value)} fullWidth autoFocus />
          <List dense>
            {found.map((i: any) => (
              <ListItemButton key={i.id} selected={i.id === selected} onClick={() => setSelected(String(i.id))} aria-label={`open ${i.number}`}>
                <ListItemText primary={`${i.number} · ${i.patientName}`} secondary={`${i.status} · owes ${formatMoney(i.balance)}`} />
              </ListItemButton>
            ))}
          </List>
        </CardContent>
      </Card>
      <Card>
        <CardContent>{invoice ? <InvoicePanel invoice={invoice} /> : <Typography color="text.secondary">Find a visit's invoice on the left.</Typography>}</CardContent>
      </Card>
    </Box>
  );
}
