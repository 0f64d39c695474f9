/**
 * The bench client reads what a real node:http server sends: Content-Length and chunked
 * bodies, several requests on one kept-alive connection, a request body, and a server that
 * closes the connection after its answer.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BenchClient, parseResponse } from './client.js';

let server: http.Server;
let base: string;
const sockets = new Set<unknown>();
beforeAll(async () => {
  server = http.createServer((req, res) => {
    sockets.add(req.socket);
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.url === '/chunked') {
        res.setHeader('Content-Type', 'application/json');
        res.write('{"parts":');
        res.end('[1,2,3]}');
      } else if (req.url === '/close') {
        res.setHeader('Connection', 'close');
        res.end('bye');
      } else {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ method: req.method, url: req.url, auth: req.headers.authorization ?? null, body: body ? JSON.parse(body) : null }));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

describe('bench client', () => {
  it('keeps one connection for sequential and queued requests, with JSON bodies both ways', async () => {
    const client = new BenchClient(base, 'tok');
    const [a, b] = await Promise.all([client.get('/one'), client.request('POST', '/two', { x: 'ü' })]);
    expect(a).toMatchObject({ status: 200, body: { method: 'GET', url: '/one', auth: 'Bearer tok' } });
    expect(b.body).toEqual({ method: 'POST', url: '/two', auth: 'Bearer tok', body: { x: 'ü' } });
    expect((await client.get('/chunked')).body).toEqual({ parts: [1, 2, 3] });
    expect(sockets.size).toBe(1);
    client.close();
  });

  it('reconnects after the server closed the connection', async () => {
    const client = new BenchClient(base);
    expect((await client.get('/close')).text).toBe('bye');
    expect((await client.get('/after')).body.url).toBe('/after');
    client.close();
  });

  it('waits for the rest of a response that came in pieces', () => {
    const whole = Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello');
    expect(parseResponse(whole.subarray(0, 20))).toBeNull();
    expect(parseResponse(whole.subarray(0, whole.length - 1))).toBeNull();
    expect(parseResponse(whole)).toMatchObject({ length: whole.length, response: { status: 200 } });
    const chunked = Buffer.from('HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n');
    expect(parseResponse(chunked.subarray(0, chunked.length - 2))).toBeNull();
    expect(parseResponse(chunked)?.response.body.toString()).toBe('abc');
  });
});
