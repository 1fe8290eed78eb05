// Finds a PostgreSQL server the test suite may use, or starts a throwaway one.
// Order: FAULTLINE_TEST_PG_URL; a server on 127.0.0.1:5432; a temporary cluster from the
// installed server binaries (/usr/lib/postgresql/*/bin). Returns null when none is possible.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

async function answers(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The newest installed PostgreSQL server's bin directory, or null. */
export function postgresServerBinDir() {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin') : null;
}

/** @returns {Promise<{ url: string, stop: () => Promise<void>, description: string } | null>} */
export async function ensurePostgres() {
  const candidates = [process.env.FAULTLINE_TEST_PG_URL, 'postgresql://postgres@127.0.0.1:5432/postgres'].filter(Boolean);
  for (const url of candidates) {
    if (await answers(url)) return { url, stop: async () => {}, description: `PostgreSQL at ${new URL(url).host}` };
  }
  const bin = postgresServerBinDir();
  if (!bin) return null;
  return startThrowawayCluster(bin);
}

/** A private cluster even where a server already answers (to check the fallback, or to stop and restart it). */
export function startThrowawayPostgres() {
  const bin = postgresServerBinDir();
  if (!bin) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql');
  return startThrowawayCluster(bin);
}

async function startThrowawayCluster(bin) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-pg-'));
  const port = await freePort();
  // PostgreSQL refuses to run as root; as root, run it as the postgres system user.
  const asRoot = process.getuid?.() === 0;
  const wrap = (cmd, args) => (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  const data = path.join(dir, 'data');
  const [initCmd, initArgs] = wrap(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync']);
  execFileSync(initCmd, initArgs, { stdio: 'ignore' });
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  let child = await startServer(bin, wrap, data, dir, port, url);

  /** Stops the server with pg_ctl (runuser does not pass signals on to postgres) in the given mode. */
  const stopServer = async (mode) => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((r) => (running.exitCode !== null ? r() : running.once('exit', r)));
    const [stopCmd, stopArgs] = wrap(path.join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', mode, '-w']);
    try {
      execFileSync(stopCmd, stopArgs, { stdio: 'ignore', timeout: 30_000 });
    } catch {
      running.kill('SIGKILL');
    }
    await exited;
  };

  return {
    url,
    description: `temporary PostgreSQL cluster on port ${port}`,
    /** Stops the server at once, as a crash would (clients see their connections cut), keeping its data. */
    pause: () => stopServer('immediate'),
    /** Starts the paused server again on the same port and data; resolves once it answers. */
    resume: async () => {
      if (child && child.exitCode === null) return;
      child = await startServer(bin, wrap, data, dir, port, url);
    },
    stop: async () => {
      await stopServer('fast');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function startServer(bin, wrap, data, dir, port, url) {
  const [cmd, args] = wrap(path.join(bin, 'postgres'), [
    '-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off',
  ]);
  const child = spawn(cmd, args, { stdio: 'ignore', detached: false });
  const deadline = Date.now() + 30_000;
  while (!(await answers(url))) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`could not start a temporary PostgreSQL from ${bin}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return child;
}

async function admin(adminUrl, sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates a uniquely named database and returns its URL. */
export async function createDatabase(adminUrl, prefix) {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl, databaseUrl) {
  const name = new URL(databaseUrl).pathname.slice(1);
  await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
}
