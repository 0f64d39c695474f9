import BuildIcon from '@mui/icons-material/Build';
import { DentalProcedureCreate, DentalProcedureList } from './DentalProcedures.js';

export const dentalProcedures = { name: 'dental-procedures', list: DentalProcedureList, create: DentalProcedureCreate, icon: BuildIcon };
