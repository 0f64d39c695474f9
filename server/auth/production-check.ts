import type { Host } from '../host/host.js';
import { checkPassword, DEMO_PASSWORD } from './passwords.js';

/** Production refuses to start while any active account still signs in with the demo password. */
export async function refuseDemoPasswordsInProduction(host: Pick<Host, 'models' | 'close'>) {
  const users = await host.models.User.findAll({ where: { active: true }, attributes: ['email', 'passwordHash'] });
  const weak: string[] = [];
  for (const u of users) if (await checkPassword(DEMO_PASSWORD, u.get('passwordHash') as string)) weak.push(u.get('email') as string);
  if (weak.length) {
    await host.close();
    throw new DemoPasswordError(
      `NODE_ENV=production refuses to start: ${weak.length} account(s) still use the demo password (${weak.slice(0, 5).join(', ')}${weak.length > 5 ? ', ...' : ''}). Reset their passwords or deactivate them first.`,
    );
  }
}

export class DemoPasswordError extends Error {}
