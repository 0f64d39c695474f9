/** Billing screens: the cashier's desk, invoices, the tariff, payments, tills and the dashboards. */
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import PriceChangeIcon from '@mui/icons-material/PriceChange';
import PaymentsIcon from '@mui/icons-material/Payments';
import PointOfSaleIcon from '@mui/icons-material/PointOfSale';
import { defineAdminModule } from '../../../admin/contract.js';
import { CashierScreen } from './cashier/CashierScreen.js';
import { CashSessionList } from './cash-sessions/CashSessionList.js';
import { InvoiceList } from './invoices/InvoiceList.js';
import { InvoiceShow } from './invoices/InvoiceShow.js';
import { PaymentList } from './payments/PaymentList.js';
import { PriceListCreate, PriceListEdit, PriceListList } from './price-lists/PriceListViews.js';
import { PaymentMethods, ReceivablesAging, RevenueByDepartment } from './widgets/BillingWidgets.js';

export default defineAdminModule({
  resources: [
    { name: 'invoices', list: InvoiceList, show: InvoiceShow, icon: ReceiptLongIcon, recordRepresentation: 'number' },
    { name: 'payments', list: PaymentList, icon: PaymentsIcon, recordRepresentation: 'receiptNumber' },
    { name: 'cash-sessions', list: CashSessionList, icon: PointOfSaleIcon },
    { name: 'price-lists', list: PriceListList, edit: PriceListEdit, create: PriceListCreate, icon: PriceChangeIcon, recordRepresentation: 'code' },
  ],
  routes: [{ path: '/cashier', component: CashierScreen, resource: 'payments', menuLabel: 'Cashier', icon: PointOfSaleIcon }],
  widgets: [
    { id: 'billing-revenue', resource: 'invoices', component: RevenueByDepartment, width: 6 },
    { id: 'billing-methods', resource: 'payments', component: PaymentMethods, width: 3 },
    { id: 'billing-aging', resource: 'invoices', component: ReceivablesAging, width: 3 },
  ],
});
