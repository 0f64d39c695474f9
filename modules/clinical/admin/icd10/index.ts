import MenuBookIcon from '@mui/icons-material/MenuBook';
import { Icd10Create, Icd10Edit, Icd10List } from './Icd10List.js';

export const icd10Codes = {
  name: 'icd10-codes',
  list: Icd10List,
  edit: Icd10Edit,
  create: Icd10Create,
  icon: MenuBookIcon,
  recordRepresentation: (c: { code: string; title: string }) => `${c.code} ${c.title}`,
};
