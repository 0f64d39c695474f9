import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AdminContext } from 'react-admin';
import { i18nProvider } from '../i18n/i18nProvider.js';
import { AuditDiff } from './AuditDiff.js';

describe('the before/after of an audit row', () => {
  it('lists only the fields that changed, with both values', () => {
    render(
      <AdminContext i18nProvider={i18nProvider}>
        <AuditDiff before={{ phone: '0700', city: 'Nairobi', version: 1 }} after={{ phone: '0711', city: 'Nairobi', version: 2, email: 'a@b.org' }} />
      </AdminContext>,
    );
    const rows = screen.getAllByRole('row').map((r) => r.textContent);
    expect(rows).toEqual(['FieldBeforeAfter', 'email—a@b.org', 'phone07000711', 'version12']);
    expect(screen.queryByText('Nairobi')).toBeNull();
  });
});
