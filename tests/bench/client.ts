/**
 * The benchmarks' HTTP client, in the manner of wrk or autocannon: one kept-alive TCP
 * connection that writes each HTTP/1.1 request as one string and reads the status line,
 * the headers and a Content-Length or chunked body, one request at a time. What is measured
 * is then the server: node:http's client cost some 0.1 ms a round trip here in its own request
 * and parser objects, a fifth of a phone-number search in PostgreSQL (and fetch 0.7 ms).
 */
import net from 'node:net';
import { jsonOf, listPath, type ListParams } from '../support/harness.js';

export interface BenchResponse {
  status: number;
  headers: Record<string, string>;
  body: any;
  text: string;
}

const HEAD_END = Buffer.from('\r\n\r\n');

interface Parsed {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** One complete response at the start of `buf`, and how many bytes it took; null while incomplete. */
export function parseResponse(buf: Buffer): { response: Parsed; length: number } | null {
  const headEnd = buf.indexOf(HEAD_END);
  if (headEnd < 0) return null;
  const [statusLine, ...lines] = buf.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = Number(statusLine.split(' ')[1]);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let at = headEnd + HEAD_END.length;
  if (headers['transfer-encoding']?.includes('chunked')) {
    const chunks: Buffer[] = [];
    for (;;) {
      const lineEnd = buf.indexOf('\r\n', at);
      if (lineEnd < 0) return null;
      const size = parseInt(buf.subarray(at, lineEnd).toString('latin1'), 16);
      const start = lineEnd + 2;
      if (buf.length < start + size + 2) return null;
      at = start + size + 2;
      if (size === 0) return { response: { status, headers, body: Buffer.concat(chunks) }, length: at };
      chunks.push(buf.subarray(start, start + size));
    }
  }
  const length = Number(headers['content-length'] ?? 0);
  if (buf.length < at + length) return null;
  return { response: { status, headers, body: buf.subarray(at, at + length) }, length: at + length };
}

export class BenchClient {
  private socket: net.Socket | null = null;
  private pending: Buffer = Buffer.alloc(0);
  private waiting: { resolve(r: BenchResponse): void; reject(e: Error): void } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private url: URL;

  constructor(
    base: string,
    private token?: string,
  ) {
    this.url = new URL(base);
  }

  private connect(): net.Socket {
    if (this.socket && !this.socket.destroyed) return this.socket;
    const socket = net.connect({ host: this.url.hostname, port: Number(this.url.port), noDelay: true });
    this.pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
      const done = parseResponse(this.pending);
      if (!done || !this.waiting) return;
      this.pending = this.pending.subarray(done.length);
      const { status, headers, body } = done.response;
      const text = body.toString('utf8');
      const w = this.waiting;
      this.waiting = null;
      if (headers.connection === 'close') {
        socket.destroy();
        this.socket = null;
      }
      w.resolve({ status, headers, body: jsonOf(text), text });
    });
    const fail = (e: Error) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.waiting?.reject(e);
      this.waiting = null;
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('the server closed the connection')));
    return (this.socket = socket);
  }

  request(method: string, path: string, body?: unknown): Promise<BenchResponse> {
    const run = () =>
      new Promise<BenchResponse>((resolve, reject) => {
        const payload = body === undefined ? '' : JSON.stringify(body);
        const head = [
          `${method} ${path} HTTP/1.1`,
          `Host: ${this.url.host}`,
          ...(this.token ? [`Authorization: Bearer ${this.token}`] : []),
          ...(body !== undefined ? ['Content-Type: application/json', `Content-Length: ${Buffer.byteLength(payload)}`] : []),
        ];
        this.waiting = { resolve, reject };
        this.connect().write(`${head.join('\r\n')}\r\n\r\n${payload}`);
      });
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  get = (path: string) => this.request('GET', path);

  /** GET a list with the ra-data-simple-rest query parameters. */
  list(resource: string, q: ListParams = {}) {
    return this.get(listPath(resource, q));
  }

  /** Signs in and returns a client that carries the access token. */
  async signIn(email: string, password: string): Promise<BenchClient> {
    const res = await this.request('POST', '/api/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${res.text}`);
    return new BenchClient(this.url.origin, res.body.token);
  }

  close() {
    this.socket?.destroy();
    this.socket = null;
  }
}
