/** Every resource against every role, with the actions granted in each cell. */
import { Box, Chip, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import { permissionMatrix, type RoleRow } from './matrix.js';

export function PermissionMatrix() {
  const { data, isPending } = useListContext<RoleRow & { description?: string }>();
  const translate = useTranslate();
  if (isPending || !data) return null;
  const matrix = permissionMatrix(data);
  return (
    <TableContainer sx={{ maxHeight: '75vh' }}>
      <Table size="small" stickyHeader data-testid="permission-matrix">
        <TableHead>
          <TableRow>
            <TableCell>{translate('his.roles.resource')}</TableCell>
            {matrix.roles.map((r) => (
              <TableCell key={r.id} sx={{ whiteSpace: 'nowrap' }}>
                <Tooltip title={data.find((d) => d.id === r.id)?.description ?? ''}>
                  <span>{translate(`his.roles.${r.id}`, { _: r.label })}</span>
                </Tooltip>
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {matrix.resources.map((res) => (
            <TableRow key={res} hover>
              <TableCell component="th" scope="row" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
                {res}
              </TableCell>
              {matrix.roles.map((r) => (
                <TableCell key={r.id}>
                  <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
                    {(matrix.cells[res][r.id] ?? []).map((a) => (
                      <Chip key={a} label={a} size="small" variant={a.endsWith('(own)') ? 'outlined' : 'filled'} />
                    ))}
                  </Box>
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
