import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdminContext, testDataProvider, type AuthProvider } from 'react-admin';
import { i18nProvider } from '../../../admin/src/i18n/i18nProvider.js';
import { AdjustDialog } from './AdjustDialog.js';

const batch = { id: 'b-1', lotNumber: 'L24514', quantity: 100, unitCost: 1_000 };
const authProvider: AuthProvider = {
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getPermissions: async () => undefined,
  canAccess: async () => true,
};

/** The API's adjust-check answer for the quantity asked (threshold 50,000 minor units, as shipped). */
function answerChecks() {
  vi.stubGlobal('fetch', async (url: string) => {
    const quantity = Number(new URL(url, 'http://x').searchParams.get('quantity'));
    const value = Math.abs(quantity) * batch.unitCost;
    const body = { value, onHand: 100, balanceAfter: 100 + quantity, approvalRequired: value > 50_000 ? { chain: ['facility_head'] } : null };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
}

function show(action = vi.fn()) {
  const dataProvider = { ...testDataProvider(), action };
  render(
    <AdminContext i18nProvider={i18nProvider} dataProvider={dataProvider} authProvider={authProvider}>
      <AdjustDialog batch={batch} />
    </AdminContext>,
  );
  return action;
}

async function type(quantity: string, reason?: string) {
  fireEvent.click(await screen.findByRole('button', { name: 'Adjust count' }));
  fireEvent.change(await screen.findByLabelText(/Change/), { target: { value: quantity } });
  if (reason) fireEvent.change(screen.getByLabelText(/Reason/), { target: { value: reason } });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the adjust dialog of a batch', () => {
  it('shows the value and says that a costly change goes to the facility head, then shows it waiting', async () => {
    answerChecks();
    const action = show(vi.fn(async () => ({
      data: { status: 'pending-approval', adjustmentId: 'a-1', value: 60_000, onHand: 100, balanceAfter: 40, approvalRequired: { chain: ['facility_head'] }, message: 'needs approval' },
    })));
    await type('-60', 'Carton water-damaged');
    expect(await screen.findByText(/goes to the facility head for approval/)).toBeTruthy();
    expect(screen.getByText((_t, el) => el?.tagName === 'P' && /60 x 10\.00 = 600\.00/.test(el.textContent ?? ''))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Waiting for approval by the facility head/)).toBeTruthy();
    expect(screen.getByText(/The lot still holds 100/)).toBeTruthy();
    expect(action).toHaveBeenCalledWith('stock-batches', 'b-1', 'adjust', { quantity: -60, reason: 'Carton water-damaged' });
  });

  it('says that a small change applies at once', async () => {
    answerChecks();
    show();
    await type('-5');
    expect(await screen.findByText('Applies at once: the lot goes from 100 to 95.')).toBeTruthy();
    expect(screen.queryByText(/for approval/)).toBeNull();
    await waitFor(() => expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true));
  });
});
