package dev.snow.faultproxy.link;

import dev.snow.faultproxy.toxic.Chunk;
import dev.snow.faultproxy.toxic.Direction;
import dev.snow.faultproxy.toxic.NoopToxic;
import dev.snow.faultproxy.toxic.Toxic;
import dev.snow.faultproxy.toxic.ToxicSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One direction of one connection: a reader thread takes what the source socket gives (one
 * chunk per read, at most {@link #READ_SIZE} bytes, stamped with its arrival), a writer thread
 * runs each chunk through this direction's toxic chain and writes what comes out, in order, each
 * piece no earlier than its due time.
 *
 * <pre>
 *  source ──read──▶ inbox ──▶ [toxic 1] ─▶ … ─▶ [toxic n] ──▶ pending ──write at due──▶ dest
 *                   └───────── at most BUFFER_LIMIT bytes together ─────────┘
 * </pre>
 *
 * When the chain changes the writer rebuilds its stages (keeping those whose spec is unchanged)
 * and releases what it holds at once, as Toxiproxy's interrupted toxics flush their buffers.
 */
final class Link {

  /** Bytes per read from the source socket. */
  static final int READ_SIZE = 16 * 1024;
  /** Bytes a link holds at most (read but not yet written). */
  public static final long BUFFER_LIMIT = 1L << 20;

  private record Stage(ToxicSpec spec, Toxic toxic) { }

  private final Connection connection;
  private final Direction direction;
  private final Socket source;
  private final Socket dest;
  private final ToxicChain chain;
  private final SplittableRandom random;
  private final Runnable wake = this::wake;

  private final Object lock = new Object();
  private final ArrayDeque<Chunk> inbox = new ArrayDeque<>();
  private long inboxBytes;
  private volatile long pendingBytes;
  private boolean stopped;

  // writer thread only
  private final ArrayDeque<Chunk> pending = new ArrayDeque<>();
  private List<Stage> stages = List.of();
  private long seenVersion = -1;

  Link(Connection connection, Direction direction, Socket source, Socket dest, ToxicChain chain,
      SplittableRandom random) {
    this.connection = connection;
    this.direction = direction;
    this.source = source;
    this.dest = dest;
    this.chain = chain;
    this.random = random;
  }

  Direction direction() {
    return direction;
  }

  Socket dest() {
    return dest;
  }

  /** Stops both threads soon; idempotent. The sockets are the connection's to close. */
  void stop() {
    synchronized (lock) {
      stopped = true;
      lock.notifyAll();
    }
  }

  private void wake() {
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  void readLoop() {
    try {
      InputStream in = source.getInputStream();
      byte[] buf = new byte[READ_SIZE];
      try {
        int n;
        while ((n = in.read(buf)) >= 0) {
          if (n > 0 && !offer(Chunk.data(Arrays.copyOf(buf, n), System.nanoTime()))) {
            return;
          }
        }
      } catch (IOException closedOrReset) {
        // the source is gone either way: the stream ends (Toxiproxy does the same)
      }
      offer(Chunk.end(System.nanoTime()));
    } catch (IOException | InterruptedException e) {
      connection.close();
    } finally {
      connection.threadDone();
    }
  }

  private boolean offer(Chunk c) throws InterruptedException {
    synchronized (lock) {
      while (!stopped && inboxBytes + pendingBytes >= BUFFER_LIMIT) {
        lock.wait();
      }
      if (stopped) {
        return false;
      }
      inbox.addLast(c);
      inboxBytes += c.length();
      lock.notifyAll();
      return true;
    }
  }

  void writeLoop() {
    chain.listen(wake);
    try {
      OutputStream out = dest.getOutputStream();
      List<Chunk> arrivals = new ArrayList<>();
      while (true) {
        synchronized (lock) {
          if (stopped) {
            return;
          }
          if (!inbox.isEmpty()) {
            arrivals.addAll(inbox);
            inbox.clear();
            inboxBytes = 0;
            lock.notifyAll(); // a reader waiting for room: the chain may drop what it took
          }
        }
        long now = System.nanoTime();
        long version = chain.version(direction);
        if (version != seenVersion) {
          rebuild(now, seenVersion >= 0);
          seenVersion = version;
        }
        for (Chunk c : arrivals) {
          feed(0, c);
        }
        arrivals.clear();
        fireDeadlines(now);
        Chunk head = pending.peekFirst();
        if (head != null && head.due() <= now) {
          pending.pollFirst();
          pendingBytes -= head.length();
          if (head.isData()) {
            wake();
            out.write(head.data());
            continue;
          }
          if (head.kind() == Chunk.Kind.END) {
            connection.endFrom(this);
          } else {
            connection.reset();
          }
          return;
        }
        long wakeAt = head == null ? Toxic.NEVER : head.due();
        for (Stage s : stages) {
          wakeAt = Math.min(wakeAt, s.toxic().deadline());
        }
        synchronized (lock) {
          if (stopped || !inbox.isEmpty() || chain.version(direction) != seenVersion) {
            continue;
          }
          if (wakeAt == Toxic.NEVER) {
            lock.wait();
          } else {
            long waitNanos = wakeAt - System.nanoTime();
            if (waitNanos > 0) {
              lock.wait(waitNanos / 1_000_000L, (int) (waitNanos % 1_000_000L));
            }
          }
        }
      }
    } catch (IOException | InterruptedException e) {
      connection.close();
    } finally {
      chain.unlisten(wake);
      connection.threadDone();
    }
  }

  /** Runs {@code c} through stages {@code i..}; what leaves the last one is pending. */
  private void feed(int i, Chunk c) {
    if (i == stages.size()) {
      pending.addLast(c);
      pendingBytes += c.length();
      return;
    }
    stages.get(i).toxic().accept(c, next -> feed(i + 1, next));
  }

  private void fireDeadlines(long now) {
    for (int i = 0; i < stages.size(); i++) {
      Toxic t = stages.get(i).toxic();
      if (t.deadline() <= now) {
        int after = i + 1;
        t.onDeadline(now, next -> feed(after, next));
      }
    }
  }

  private void rebuild(long now, boolean release) {
    List<Stage> next = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (ToxicSpec spec : chain.chain(direction)) {
      names.add(spec.name());
      Stage kept = null;
      for (Stage s : stages) {
        if (s.spec() == spec) {
          kept = s;
        }
      }
      next.add(kept != null ? kept : new Stage(spec, start(spec, now)));
    }
    List<Chunk> fromRemoved = new ArrayList<>();
    for (Stage s : stages) {
      if (!names.contains(s.spec().name())) {
        s.toxic().onRemoved(now, fromRemoved::add);
      }
    }
    if (release && !pending.isEmpty()) {
      ArrayDeque<Chunk> released = new ArrayDeque<>();
      for (Chunk c : pending) {
        released.addLast(c.due() > now ? c.at(now) : c);
      }
      pending.clear();
      pending.addAll(released);
    }
    stages = next;
    for (Chunk c : fromRemoved) {
      feed(0, c);
    }
  }

  /** A running toxic for this link: the toxicity roll, then the type's own instance. */
  private Toxic start(ToxicSpec spec, long now) {
    Long seed = spec.seed();
    SplittableRandom r = seed == null ? random.split()
        : new SplittableRandom(LinkSeeds.mix(seed, connection.index(), direction));
    boolean active = r.nextDouble() < spec.toxicity();
    return active ? spec.type().instantiate(spec.attributes(), now, r) : new NoopToxic();
  }
}
