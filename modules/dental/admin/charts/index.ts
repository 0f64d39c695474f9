import GridViewIcon from '@mui/icons-material/GridView';
import { DentalChartEdit } from './DentalChartEdit.js';
import { DentalChartCreate, DentalChartList } from './DentalChartList.js';

export const dentalCharts = { name: 'dental-charts', list: DentalChartList, edit: DentalChartEdit, create: DentalChartCreate, icon: GridViewIcon };
