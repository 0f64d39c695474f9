/**
 * The benchmarks' HTTP client: one kept-alive connection through node:http, so what is
 * measured is the server. (Node's fetch costs about 0.7 ms a round trip here in its own
 * stream machinery, as much as a whole phone-number search in PostgreSQL.)
 */
import http from 'node:http';
import { listPath, type ListParams } from '../support/harness.js';

export interface BenchResponse {
  status: number;
  body: any;
  text: string;
}

export class BenchClient {
  private agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private url: URL;

  constructor(
    base: string,
    private token?: string,
  ) {
    this.url = new URL(base);
  }

  request(method: string, path: string, body?: unknown): Promise<BenchResponse> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent: this.agent,
          host: this.url.hostname,
          port: this.url.port,
          method,
          path,
          headers: {
            ...(payload !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
            ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: unknown;
            try {
              json = text ? JSON.parse(text) : undefined;
            } catch {
              json = undefined;
            }
            resolve({ status: res.statusCode ?? 0, body: json, text });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
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
    this.agent.destroy();
  }
}
