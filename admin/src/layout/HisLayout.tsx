import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { HisMenu } from './HisMenu.js';

export function HisLayout({ children }: { children: ReactNode }) {
  return <Layout menu={HisMenu}>{children}</Layout>;
}
