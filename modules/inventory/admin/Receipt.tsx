/**
 * Goods received: item, location, lot, expiry, quantity and unit cost; the API refuses expired
 * goods. With `locationId` the location is fixed (the pharmacy receives into its dispensary)
 * and `onReceived` replaces the jump to the batch.
 */
import { Card, CardContent, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRedirect, Form, ReferenceInput, AutocompleteInput, TextInput, DateInput, NumberInput, SaveButton, required, useDataProvider } from 'react-admin';
import type { HisDataProvider } from '../../../admin/kit.js';

interface Received { id: string; lotNumber: string; quantity: number }

export function Receipt({ locationId, onReceived }: { locationId?: string; onReceived?: (batch: Received) => void }) {
  const dataProvider = useDataProvider<HisDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  // A new key empties the form for the next delivery line.
  const [round, setRound] = useState(0);
  const submit = async (values: Record<string, any>) => {
    try {
      const { data } = await dataProvider.collectionAction<Received>('stock-batches', 'receive', { ...values, ...(locationId ? { locationId } : {}), unitCost: Math.round(Number(values.unitCost) * 100) });
      notify(`Received: lot ${data.lotNumber} now holds ${data.quantity}`, { type: 'success' });
      if (onReceived) {
        setRound((r) => r + 1);
        onReceived(data);
      } else {
        redirect('show', 'stock-batches', data.id);
      }
    } catch (e) {
      const err = e as { message: string; body?: { errors?: Record<string, string> } };
      notify(err.body?.errors ? Object.entries(err.body.errors).map(([k, v]) => `${k}: ${v}`).join('; ') : err.message, { type: 'error' });
    }
  };
  return (
    <Card sx={{ mt: 2, maxWidth: 640 }}>
      <CardContent>
        <Typography variant="h6">Goods received</Typography>
        <Form key={round} onSubmit={submit}>
          <ReferenceInput source="itemId" reference="stock-items"><AutocompleteInput validate={required()} fullWidth /></ReferenceInput>
          {!locationId && <ReferenceInput source="locationId" reference="stock-locations"><AutocompleteInput validate={required()} fullWidth /></ReferenceInput>}
          <TextInput source="lotNumber" validate={required()} />
          <DateInput source="expiryDate" />
          <NumberInput source="quantity" min={1} step={1} validate={required()} />
          <NumberInput source="unitCost" label="Unit cost" min={0} step={0.01} validate={required()} />
          <TextInput source="reason" label="Delivery note / supplier" fullWidth />
          <SaveButton label="Receive" />
        </Form>
      </CardContent>
    </Card>
  );
}
