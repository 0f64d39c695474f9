/**
 * Shown instead of a screen the user may not see (a typed URL, an old bookmark). The API
 * refuses the data anyway; this page says so plainly instead of showing an empty screen.
 */
import BlockIcon from '@mui/icons-material/Block';
import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';

export function NotAllowed() {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', mt: 6 }}>
      <Card sx={{ maxWidth: 520 }} data-testid="not-allowed">
        <CardContent sx={{ textAlign: 'center' }}>
          <BlockIcon color="error" sx={{ fontSize: 56 }} />
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('his.not_allowed.title')}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {translate('his.not_allowed.message')}
          </Typography>
          <Button component={Link} to="/" variant="contained">
            {translate('his.not_allowed.home')}
          </Button>
        </CardContent>
      </Card>
    </Box>
  );
}
