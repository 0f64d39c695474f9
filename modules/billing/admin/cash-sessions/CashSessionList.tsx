import { useState } from 'react';
import { Button, Stack, TextField as MuiTextField } from '@mui/material';
import { Datagrid, DateField, FunctionField, List, TextField, TopToolbar, useCanAccess, useCreate, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useRecordAction } from '../../../../admin/kit.js';
import { Money } from '../money.js';

function OpenSession() {
  const [float, setFloat] = useState('50.00');
  const [create, { isPending }] = useCreate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'cash-sessions', action: 'create' });
  if (!canAccess) return null;
  return (
    <TopToolbar>
      <MuiTextField size="small" name="openingFloat" label="Opening float" value={float} onChange={(e) => setFloat(e.target.value)} />
      <Button disabled={isPending} onClick={() => create('cash-sessions', { data: { openingFloat: Math.round(Number(float) * 100) } }, { onSuccess: refresh, onError: (e: any) => notify(e.message, { type: 'error' }) })}>
        Open the till
      </Button>
    </TopToolbar>
  );
}

function SessionActions() {
  const session = useRecordContext();
  const [counted, setCounted] = useState('');
  const close = useRecordAction('cash-sessions', 'close', { successMessage: 'Till closed' });
  if (!session) return null;
  if (session.status === 'open') {
    return (
      <Stack direction="row" spacing={1} onClick={(e) => e.stopPropagation()}>
        <MuiTextField size="small" name="countedCash" label="Counted cash" value={counted} onChange={(e) => setCounted(e.target.value)} />
        <Button disabled={!counted || close.isPending} onClick={() => close.mutate({ id: session.id, body: { countedCash: Math.round(Number(counted) * 100) } })}>Close</Button>
      </Stack>
    );
  }
  // A difference above the threshold waits in the facility head's approvals inbox.
  return null;
}

export function CashSessionList() {
  return (
    <List actions={<OpenSession />} sort={{ field: 'openedAt', order: 'DESC' }}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <DateField source="openedAt" showTime />
        <TextField source="status" />
        <FunctionField label="Float" render={(r: any) => <Money value={r.openingFloat} />} />
        <FunctionField label="Expected" render={(r: any) => <Money value={r.expectedCash} />} />
        <FunctionField label="Counted" render={(r: any) => <Money value={r.countedCash} />} />
        <FunctionField label="Difference" render={(r: any) => <Money value={r.difference} />} />
        <SessionActions />
      </Datagrid>
    </List>
  );
}
