/** A value shown large with a copy button (MRNs, invoice numbers: read aloud, typed elsewhere). */
import { useState } from 'react';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Box, IconButton, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

export function CopyableText({ value, label, variant = 'h5', testId }: { value?: string | null; label?: string; variant?: 'h4' | 'h5' | 'h6' | 'body1'; testId?: string }) {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  if (!value) return null;
  const copy = async () => {
    await navigator.clipboard?.writeText(value).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <Box sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
      {label && (
        <Typography variant="overline" color="text.secondary" sx={{ mr: 1 }}>
          {label}
        </Typography>
      )}
      <Typography variant={variant} component="span" sx={{ fontFamily: 'monospace', fontWeight: 600, letterSpacing: 1 }} data-testid={testId}>
        {value}
      </Typography>
      <Tooltip title={translate(copied ? 'his.copied' : 'his.copy')}>
        <IconButton size="small" onClick={copy} aria-label={translate('his.copy')}>
          <ContentCopyIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    </Box>
  );
}
