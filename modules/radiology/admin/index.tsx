/** Radiology screens: worklist, order with schedule/perform/images/report editor, ordering, catalogue. */
import MonitorHeartIcon from '@mui/icons-material/MonitorHeart';
import { BooleanField, Datagrid, List, SelectInput, TextField } from 'react-admin';
import { defineAdminModule } from '../../../admin/contract.js';
import { MODALITY_CHOICES } from './choices.js';
import { OrderCreate } from './OrderCreate.js';
import { OrderList } from './OrderList.js';
import { OrderShow } from './OrderShow.js';
import { ImagingOverdue } from './widgets.js';

function StudyList() {
  return (
    <List filters={[<SelectInput key="m" source="modality" choices={MODALITY_CHOICES} alwaysOn />]} sort={{ field: 'name', order: 'ASC' }}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="code" />
        <TextField source="name" />
        <TextField source="modality" />
        <TextField source="bodyPart" />
        <TextField source="priceCode" />
        <BooleanField source="active" />
      </Datagrid>
    </List>
  );
}

export default defineAdminModule({
  resources: [
    { name: 'imaging-orders', list: OrderList, show: OrderShow, create: OrderCreate, icon: MonitorHeartIcon, recordRepresentation: 'orderNumber' },
    { name: 'imaging-studies', list: StudyList, recordRepresentation: 'name' },
  ],
  widgets: [{ id: 'imaging-overdue', resource: 'imaging-orders', component: ImagingOverdue, width: 3 }],
  messages: {
    en: { resources: { 'imaging-orders': { name: 'Imaging order |||| Radiology worklist' }, 'imaging-studies': { name: 'Imaging study |||| Imaging studies' } } },
    fr: { resources: { 'imaging-orders': { name: 'Demande d\'imagerie |||| Radiologie' }, 'imaging-studies': { name: 'Examen |||| Examens d\'imagerie' } } },
  },
});
