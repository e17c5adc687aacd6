import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface ReadinessCheck {
  name: string;
  ok(): boolean;
}

/**
 * /healthz: the process is alive. /readyz: every check passes (knowledge loaded, database open,
 * each enabled adapter connected), else 503 with the failing checks. /metrics: Prometheus text.
 */
export class HealthServer {
  private server?: Server;

  constructor(
    private readonly checks: () => ReadinessCheck[],
    private readonly registry: Registry,
  ) {}

  listen(port: number, host = '0.0.0.0'): Promise<number> {
    const server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      if (path === '/healthz') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      } else if (path === '/readyz') {
        const results = this.checks().map((c) => ({ name: c.name, ok: safe(c) }));
        const ready = results.every((r) => r.ok);
        res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ ready, checks: results }) + '\n');
      } else if (path === '/metrics') {
        this.registry.metrics().then(
          (text) => res.writeHead(200, { 'content-type': this.registry.contentType }).end(text),
          () => res.writeHead(500).end(),
        );
      } else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
    });
  }

  close(): Promise<void> {
    const server = this.server;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}

function safe(c: ReadinessCheck): boolean {
  try {
    return c.ok();
  } catch {
    return false;
  }
}
