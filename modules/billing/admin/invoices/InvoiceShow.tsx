import { Show, useRecordContext } from 'react-admin';
import { InvoicePanel } from './InvoicePanel.js';

function Body() {
  const invoice = useRecordContext();
  return invoice ? <InvoicePanel invoice={invoice} /> : null;
}

export function InvoiceShow() {
  return (
    <Show>
      <Body />
    </Show>
  );
}
