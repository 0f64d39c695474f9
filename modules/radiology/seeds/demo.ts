import { hashPassword, DEMO_PASSWORD } from '../../../server/auth/passwords.js';
import type { ModuleContext } from '../../../server/host/types.js';

/** A demo account for the role this module adds (the platform seeds one per platform role). */
export async function seedRadiographer({ models }: ModuleContext, progress: (d: number, t: number) => void) {
  const { User } = models;
  const email = 'radiographer@healthcare.com';
  if (!(await User.findOne({ where: { email } }))) {
    await User.create({ email, name: 'Demo Radiographer', roles: ['radiographer'], passwordHash: await hashPassword(DEMO_PASSWORD) });
  }
  progress(1, 1);
}
