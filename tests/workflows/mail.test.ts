import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationApi } from '../../server/workflows/notifications.js';
import { startServer, type TestServer } from '../support/harness.js';

/** Just enough of an SMTP server to receive one message at a time (no TLS, no auth). */
function fakeSmtp(received: string[]) {
  return net.createServer((socket) => {
    let data = false;
    let buffer = '';
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (data) {
          if (line === '.') {
            data = false;
            socket.write('250 queued\r\n');
          } else received[received.length - 1] += `${line}\n`;
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'DATA') {
          data = true;
          received.push('');
          socket.write('354 go on\r\n');
        } else if (cmd === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
}

describe('notifications by e-mail', () => {
  const received: string[] = [];
  const smtp = fakeSmtp(received);
  let server: TestServer;
  let down: TestServer;
  beforeAll(async () => {
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    const port = String((smtp.address() as net.AddressInfo).port);
    server = await startServer({ only: [], env: { MAIL_HOST: '127.0.0.1', MAIL_PORT: port, MAIL_FROM: 'HIS <his@example.org>' } });
    // A mail server that does not answer: port 1 on loopback refuses connections.
    down = await startServer({ only: [], env: { MAIL_HOST: '127.0.0.1', MAIL_PORT: '1', REDIS_URL: '' } });
  });
  afterAll(async () => {
    await server?.close();
    await down?.close();
    smtp.close();
  });

  const send = (s: TestServer, email: string) =>
    s.host.db.sequelize.transaction(() => s.host.services.get<NotificationApi>('notifications').send({ email, subject: 'Your appointment', body: 'See you <tomorrow>' }));
  const row = (s: TestServer, id: string) => s.host.db.sequelize.query(`SELECT status, error, sent_at FROM notifications WHERE id = :id`, { replacements: { id }, type: 'SELECT', plain: true }) as Promise<any>;

  it('with MAIL_HOST set, a notification is queued in the outbox and e-mailed by a job once the transaction commits', async () => {
    const [n] = await send(server, 'patient@example.org');
    await expect.poll(async () => (await row(server, n.id)).status, { timeout: 10_000, interval: 100 }).toBe('sent');
    const message = received.find((m) => m.includes('patient@example.org'));
    expect(message).toMatch(/Subject: Your appointment/);
    expect(message).toContain('See you &lt;tomorrow&gt;');
  });

  it('nothing is sent when the transaction that wrote the notification rolls back', async () => {
    const before = received.length;
    await expect(
      server.host.db.sequelize.transaction(async () => {
        await server.host.services.get<NotificationApi>('notifications').send({ email: 'never@example.org', subject: 'No', body: 'rolled back' });
        throw new Error('the caller changed its mind');
      }),
    ).rejects.toThrow('changed its mind');
    await new Promise((r) => setTimeout(r, 1000));
    expect(received.length).toBe(before);
  });

  it('an unreachable mail server marks the notification failed and the job is retried', async () => {
    const [n] = await send(down, 'someone@example.org');
    await expect.poll(async () => (await row(down, n.id)).status, { timeout: 10_000, interval: 100 }).toBe('failed');
    expect((await row(down, n.id)).error).toMatch(/ECONNREFUSED|connect/i);
  });
});
