// A TCP proxy on loopback between simulated devices and the server. It counts the bytes that
// cross it both ways (benchmarks), can shape a link (bandwidth shared by every connection,
// latency: a hamlet's mobile link, an office's Wi-Fi) and can misbehave on purpose (fault runs):
// refuse connections, delay traffic, cut a response half-way, or take the whole link down.
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface Faults {
  /** Chance that a new connection is closed at once. */
  dropRate: number;
  /** Chance that a connection's traffic is delayed, and by how much per chunk (ms). */
  delayRate: number;
  delayMs: [number, number];
  /** Chance that a connection is cut after a few bytes of its response. */
  cutRate: number;
}

export const NO_FAULTS: Faults = { dropRate: 0, delayRate: 0, delayMs: [0, 0], cutRate: 0 };

/** A shaped link: each direction's bandwidth shared by all connections, plus a round trip. */
export interface LinkShape {
  bitsPerSecond: number;
  roundTripMs: number;
}

export interface ProxyStats {
  connections: number;
  dropped: number;
  delayed: number;
  cut: number;
  refusedWhileDown: number;
}

const between = (lo: number, hi: number) => lo + Math.random() * (hi - lo);

export class TcpProxy {
  bytesUp = 0;
  bytesDown = 0;
  faults: Faults = NO_FAULTS;
  /** null: loopback speed. */
  link: LinkShape | null = null;
  /** When each direction's link is next free (ms, performance.now()). */
  private readonly linkFreeAt = { up: 0, down: 0 };
  readonly stats: ProxyStats = {
    connections: 0,
    dropped: 0,
    delayed: 0,
    cut: 0,
    refusedWhileDown: 0,
  };
  private linkUp = true;
  private readonly sockets = new Set<net.Socket>();
  private server: net.Server | null = null;

  constructor(
    public targetPort: number,
    private readonly targetHost = '127.0.0.1',
  ) {}

  async start(): Promise<string> {
    this.server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  resetCounters(): void {
    this.bytesUp = this.bytesDown = 0;
  }

  /** Link down: every open connection is cut and new ones are refused until it is up again. */
  setLink(up: boolean): void {
    this.linkUp = up;
    if (!up) this.cutAll();
  }

  cutAll(): void {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  async close(): Promise<void> {
    this.cutAll();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private accept(client: net.Socket) {
    client.on('error', () => undefined);
    this.stats.connections += 1;
    if (!this.linkUp) {
      this.stats.refusedWhileDown += 1;
      return client.destroy();
    }
    if (Math.random() < this.faults.dropRate) {
      this.stats.dropped += 1;
      return client.destroy();
    }
    const upstream = net.connect(this.targetPort, this.targetHost);
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    this.sockets.add(client).add(upstream);
    client.on('close', () => this.sockets.delete(client));
    upstream.on('close', () => this.sockets.delete(upstream));

    const delay = Math.random() < this.faults.delayRate ? between(...this.faults.delayMs) : 0;
    if (delay) this.stats.delayed += 1;
    // Cut after a small, random part of the response has gone through.
    const cutAfter = Math.random() < this.faults.cutRate ? Math.floor(between(1, 4000)) : Infinity;

    this.pipe(client, upstream, delay, 'up', (n) => (this.bytesUp += n));
    this.pipe(upstream, client, delay, 'down', (n) => {
      this.bytesDown += n;
      if (this.bytesDownOf(upstream, n) > cutAfter) {
        this.stats.cut += 1;
        client.destroy();
        upstream.destroy();
      }
    });
  }

  private readonly downCounts = new WeakMap<net.Socket, number>();
  private bytesDownOf(upstream: net.Socket, n: number): number {
    const total = (this.downCounts.get(upstream) ?? 0) + n;
    this.downCounts.set(upstream, total);
    return total;
  }

  private pipe(
    from: net.Socket,
    to: net.Socket,
    delayMs: number,
    direction: 'up' | 'down',
    count: (n: number) => void,
  ) {
    from.on('data', (chunk: Uint8Array) => {
      count(chunk.length);
      const write = () => {
        if (to.destroyed) return;
        if (!to.write(chunk)) {
          from.pause();
          to.once('drain', () => from.resume());
        }
      };
      if (this.link) return this.sendOverLink(from, to, chunk, direction, delayMs);
      if (!delayMs) return write();
      from.pause();
      setTimeout(() => {
        write();
        if (!to.writableNeedDrain) from.resume();
      }, delayMs);
    });
    from.on('end', () => {
      // On a shaped link the end arrives after the last byte does.
      if (!this.link) return void to.end();
      const at = Math.max(performance.now(), this.linkFreeAt[direction]);
      setTimeout(() => to.end(), at - performance.now() + this.link.roundTripMs / 2);
    });
  }

  /**
   * A chunk on the shaped link: it waits for the link to be free (one queue per direction, so
   * connections share the bandwidth), takes its bytes' time on the wire, then half a round trip.
   * The sender is paused while its data waits, as a real send buffer would hold it.
   */
  private sendOverLink(
    from: net.Socket,
    to: net.Socket,
    chunk: Uint8Array,
    direction: 'up' | 'down',
    extraDelayMs: number,
  ) {
    const link = this.link!;
    const now = performance.now();
    const start = Math.max(now, this.linkFreeAt[direction]);
    const done = start + (chunk.length * 8 * 1000) / link.bitsPerSecond;
    this.linkFreeAt[direction] = done;
    from.pause();
    setTimeout(() => {
      if (!from.destroyed) from.resume();
    }, done - now);
    setTimeout(
      () => {
        if (!to.destroyed) to.write(chunk);
      },
      done - now + link.roundTripMs / 2 + extraDelayMs,
    );
  }
}
