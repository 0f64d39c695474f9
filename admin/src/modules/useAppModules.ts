/** The loaded modules, for components that render outside the resource routes (menu, dashboard). */
import { useEffect, useState } from 'react';
import type { AdminRoute } from '../../contract.js';
import type { LoadedModules } from './loader.js';
import { appModules } from './registry.js';

export function useAppModules(): LoadedModules | undefined {
  const [loaded, setLoaded] = useState<LoadedModules>();
  useEffect(() => {
    let live = true;
    void appModules().then((m) => live && setLoaded(m));
    return () => {
      live = false;
    };
  }, []);
  return loaded;
}

export function useModuleRoutes(): (AdminRoute & { module: string })[] {
  const loaded = useAppModules();
  return loaded?.modules.flatMap((m) => (m.routes ?? []).map((r) => ({ ...r, module: m.id }))) ?? [];
}
