import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../tests/support/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ only: ['visits'] });
});
afterAll(() => server?.close());

describe('visits', () => {
  it('boots with its tables', async () => {
    const [rows] = await server.host.db.sequelize.query(`SELECT count(*)::int AS n FROM visits`);
    expect(rows).toHaveLength(1);
  });
});
