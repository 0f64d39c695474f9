import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AdminContext } from 'react-admin';
import { i18nProvider } from '../../../../admin/src/i18n/i18nProvider.js';
import { addModuleMessages, refreshLocale } from '../../../../admin/src/i18n/i18nProvider.js';
import { en, fr } from '../messages.js';
import { DuplicateDialog } from './DuplicateDialog.js';
import type { DuplicateCheck } from './duplicates.js';

addModuleMessages({ en, fr });
await refreshLocale();

const amina = { id: '0193-a', mrn: 'PHC00000017', givenName: 'Amina', familyName: 'Otieno', birthDate: '1990-04-12', phone: '0700 123456' };

const show = (found: DuplicateCheck) =>
  render(
    <AdminContext i18nProvider={i18nProvider}>
      <DuplicateDialog found={found} formId="f" onCancel={() => undefined} onContinue={() => undefined} />
    </AdminContext>,
  );

describe('the duplicate warning at registration', () => {
  it('lists similar patients with their MRN and lets the clerk register anyway', () => {
    show({ existing: null, possibleDuplicates: [amina] });
    expect(screen.getByText('This patient may already be registered')).toBeTruthy();
    expect(screen.getByText('PHC00000017 · Amina Otieno')).toBeTruthy();
    expect(screen.getByRole('link', { name: /PHC00000017/ }).getAttribute('href')).toContain('/patients/0193-a/show');
    expect(screen.getByRole('button', { name: 'Register a new patient anyway' })).toBeTruthy();
  });

  it('offers only to open the record when the national ID is already registered', () => {
    show({ existing: amina, possibleDuplicates: [amina] });
    expect(screen.getByText('This national ID is already registered to PHC00000017. Open that record instead.')).toBeTruthy();
    expect(screen.getAllByRole('link')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Register a new patient anyway' })).toBeNull();
  });
});
