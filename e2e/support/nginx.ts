import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

/** A free loopback port (nginx needs one in its config before it starts). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }; // a TCP listener
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/**
 * nginx from Debian as a caching reverse proxy in front of a backend on loopback. It caches
 * every 200 for a minute and ignores Cache-Control, as an aggressive CDN would, so the only
 * thing keeping the full page and its content-only variant apart is the backend's `Vary`.
 */
export class CachingProxy {
  private child?: ChildProcess;
  private readonly dir = mkdtempSync(join(tmpdir(), 'shellac-nginx-'));
  port = 0;

  static available() {
    return !!NGINX;
  }

  constructor(private readonly backendPort: number) {}

  get origin() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start() {
    if (!NGINX) throw new Error('nginx is not installed (apt-get install nginx-light); .ci/run installs it');
    this.port = await freePort();
    // Run as root, nginx's workers are `nobody`: they must be able to enter and write these.
    chmodSync(this.dir, 0o755);
    mkdirSync(join(this.dir, 'cache'), { mode: 0o777 });
    mkdirSync(join(this.dir, 'logs'), { mode: 0o777 });
    chmodSync(join(this.dir, 'cache'), 0o777);
    writeFileSync(
      join(this.dir, 'nginx.conf'),
      `daemon off;
worker_processes 1;
error_log ${this.dir}/logs/error.log warn;
pid ${this.dir}/nginx.pid;
events { worker_connections 64; }
http {
  access_log ${this.dir}/logs/access.log;
  client_body_temp_path ${this.dir}/body; proxy_temp_path ${this.dir}/proxy;
  fastcgi_temp_path ${this.dir}/fcgi; uwsgi_temp_path ${this.dir}/uwsgi; scgi_temp_path ${this.dir}/scgi;
  proxy_cache_path ${this.dir}/cache levels=1 keys_zone=pages:1m max_size=50m;
  server {
    listen 127.0.0.1:${this.port};
    location / {
      proxy_pass http://127.0.0.1:${this.backendPort};
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_cache pages;
      proxy_cache_valid 200 1m;
      proxy_ignore_headers Cache-Control Expires Set-Cookie;
      add_header X-Cache $upstream_cache_status always;
    }
  }
}
`,
    );
    const child = spawn(NGINX, ['-p', this.dir, '-c', join(this.dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr += d));
    // Ready when it answers.
    for (let i = 0; i < 100; i++) {
      if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
      const ok = await fetch(`${this.origin}/__nginx_probe`).then(() => true, () => false);
      if (ok) return this;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`nginx did not start: ${stderr}`);
  }

  async stop() {
    if (this.child && this.child.exitCode === null) {
      const exited = new Promise((r) => this.child!.once('exit', r));
      this.child.kill('SIGQUIT');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
