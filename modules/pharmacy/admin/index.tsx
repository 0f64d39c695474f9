/** Pharmacy screens: the queue, the prescription form with live safety warnings, dispensing, the formulary, the dispensary's stock. */
import Inventory2Icon from '@mui/icons-material/Inventory2';
import LocalPharmacyIcon from '@mui/icons-material/LocalPharmacy';
import MedicationIcon from '@mui/icons-material/Medication';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { defineAdminModule } from '../../../admin/contract.js';
import { DrugCreate, DrugEdit, DrugList, InteractionList } from './drugs/DrugViews.js';
import { PrescriptionCreate } from './prescriptions/PrescriptionCreate.js';
import { PrescriptionList } from './prescriptions/PrescriptionList.js';
import { PrescriptionShow } from './prescriptions/PrescriptionShow.js';
import { DispensaryStock } from './stock/DispensaryStock.js';

export default defineAdminModule({
  resources: [
    { name: 'prescriptions', list: PrescriptionList, show: PrescriptionShow, create: PrescriptionCreate, icon: LocalPharmacyIcon, recordRepresentation: 'number' },
    { name: 'drugs', list: DrugList, edit: DrugEdit, create: DrugCreate, icon: MedicationIcon, recordRepresentation: (d: any) => `${d.genericName} ${d.strength}` },
    { name: 'drug-interactions', list: InteractionList, icon: WarningAmberIcon },
  ],
  routes: [{ path: '/dispensary-stock', component: DispensaryStock, resource: 'stock-batches', menu: 'Pharmacy', menuLabel: 'Dispensary stock', icon: Inventory2Icon }],
});
