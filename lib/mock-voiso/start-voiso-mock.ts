// Public entry point: starts one local HTTP server per emulated Voiso cluster over shared in-memory state.
import { createVoisoDirectory } from './create-voiso-directory';
import { type DemoKeys, demoKeys } from './demo-keys';
import type { MockClock } from './handle-voiso-request';
import { serveVoisoCluster } from './serve-voiso-cluster';
import { type ClusterId, clusterIds } from './voiso-clusters';

export type { DemoKeys } from './demo-keys';
export { demoKeys } from './demo-keys';
export type { ClusterId } from './voiso-clusters';

export interface VoisoMockOptions {
  /** Interface to listen on; default '127.0.0.1'. */
  hostname?: string;
  /** Per-key token bucket; default { capacity: 20, refillPerSecond: 10 }. */
  rateLimit?: { capacity: number; refillPerSecond: number };
  /** 0..1 share of authenticated /api/v4 requests answered 500/502/503 at random; default 0. */
  serverErrorRate?: number;
  /** Default Math.random; tests pass a seeded one. */
  random?: () => number;
  /** Millisecond clock for the token buckets and timestamps; default Date.now. */
  now?: () => number;
}

export interface VoisoMock {
  /** url like 'http://127.0.0.1:41234' (no trailing slash); the API base is `${url}/api/v4`. */
  clusters: Record<ClusterId, { url: string }>;
  keys: DemoKeys;
  /** Key rotation: from now on this key gets 401 on every cluster. */
  revokeKey(key: string): void;
  close(): Promise<void>;
}

function checkOptions(options: VoisoMockOptions): void {
  const { rateLimit, serverErrorRate } = options;
  if (rateLimit && !(rateLimit.capacity >= 1 && Number.isFinite(rateLimit.capacity))) {
    throw new RangeError('rateLimit.capacity must be a finite number >= 1');
  }
  if (rateLimit && !(rateLimit.refillPerSecond > 0 && Number.isFinite(rateLimit.refillPerSecond))) {
    throw new RangeError('rateLimit.refillPerSecond must be a finite number > 0');
  }
  if (serverErrorRate !== undefined && !(serverErrorRate >= 0 && serverErrorRate <= 1)) {
    throw new RangeError('serverErrorRate must be between 0 and 1');
  }
}

export async function startVoisoMock(options: VoisoMockOptions = {}): Promise<VoisoMock> {
  checkOptions(options);
  const directory = createVoisoDirectory({
    rateLimit: options.rateLimit ?? { capacity: 20, refillPerSecond: 10 },
    serverErrorRate: options.serverErrorRate ?? 0,
  });
  const clock: MockClock = { now: options.now ?? Date.now, random: options.random ?? Math.random };
  const hostname = options.hostname ?? '127.0.0.1';

  const started = await Promise.allSettled(clusterIds.map((id) => serveVoisoCluster(id, directory, clock, hostname)));
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = started.find((result) => result.status === 'rejected');
  const closeAll = async (): Promise<void> => {
    await Promise.all(servers.map((server) => server.close()));
  };
  if (failure) {
    await closeAll();
    throw failure.reason;
  }

  // Every start succeeded, so servers[i] is the server of clusterIds[i].
  const clusters = Object.fromEntries(clusterIds.map((id, i) => [id, { url: servers[i]!.url }])) as Record<
    ClusterId,
    { url: string }
  >;
  return {
    clusters,
    keys: { ...demoKeys },
    revokeKey: (key) => {
      directory.revokedKeys.add(key);
    },
    close: closeAll,
  };
}
