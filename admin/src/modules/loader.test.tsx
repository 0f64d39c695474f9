import { describe, expect, it, vi } from 'vitest';
import { loadModules } from './loader.js';

describe('loading module screens', () => {
  it('keeps the modules that load and reports the ones that do not', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await loadModules([
      { id: 'patients', load: async () => ({ default: { resources: [{ name: 'patients' }] } }) },
      { id: 'broken', load: async () => Promise.reject(new Error('chunk failed to load')) },
      { id: 'no-export', load: async () => ({}) },
      { id: 'bad-shape', load: async () => ({ default: { resources: 'patients' } }) },
    ]);
    quiet.mockRestore();
    expect(result.modules.map((m) => m.id)).toEqual(['patients']);
    expect(result.failed.map((f) => f.id)).toEqual(['broken', 'no-export', 'bad-shape']);
    expect(result.failed[0].reason).toBe('chunk failed to load');
  });
});
