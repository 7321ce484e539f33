package dev.snow.faultproxy;

import dev.snow.faultproxy.link.Endpoint;
import dev.snow.faultproxy.link.Proxy;
import java.io.IOException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The named proxies of one server, with Toxiproxy's rules: names are unique, a proxy created
 * enabled must bind or is not created, {@code populate} replaces only proxies that differ.
 */
final class ProxyRegistry {

  /** A proxy as a request describes it (create, update, populate). */
  record Wanted(String name, String listen, String upstream, boolean enabled) { }

  private final TreeMap<String, Proxy> proxies = new TreeMap<>();
  private final SplittableRandom seeds = new SplittableRandom();

  synchronized List<Proxy> all() {
    return new ArrayList<>(proxies.values());
  }

  synchronized Proxy get(String name) {
    Proxy p = proxies.get(name);
    if (p == null) {
      throw ApiError.proxyNotFound();
    }
    return p;
  }

  synchronized Proxy create(Wanted w) {
    if (proxies.containsKey(w.name())) {
      throw ApiError.proxyExists();
    }
    Proxy p = newProxy(w);
    proxies.put(w.name(), p);
    return p;
  }

  /** Toxiproxy's update: move the proxy if listen or upstream differ, then enable or disable. */
  synchronized Proxy update(String name, Wanted w) {
    Proxy p = get(name);
    if (differs(p, w)) {
      p.stop();
      p.setAddresses(w.listen(), w.upstream());
    }
    if (w.enabled()) {
      start(p);
    } else {
      p.stop();
    }
    return p;
  }

  synchronized void delete(String name) {
    Proxy p = get(name);
    p.stop();
    proxies.remove(name);
  }

  /** Enables every proxy and removes every toxic. */
  synchronized void reset() {
    for (Proxy p : proxies.values()) {
      start(p);
      p.toxics().clear();
    }
  }

  /**
   * Creates or replaces each proxy in order; one that exists and does not differ is kept as is.
   *
   * @return the proxies, or stops at the first failure (the exception carries what was done)
   */
  synchronized List<Proxy> populate(List<Wanted> wanted, List<Proxy> done) {
    for (Wanted w : wanted) {
      Proxy existing = proxies.get(w.name());
      if (existing != null && !differs(existing, w)) {
        done.add(existing);
        continue;
      }
      if (existing != null) {
        existing.stop();
        proxies.remove(w.name());
      }
      Proxy p = newProxy(w);
      proxies.put(w.name(), p);
      done.add(p);
    }
    return done;
  }

  /** Stops every proxy and waits (until the deadline, nanoTime) for their connections to end. */
  void closeAll(long deadline) throws InterruptedException {
    List<Proxy> all;
    synchronized (this) {
      all = new ArrayList<>(proxies.values());
      proxies.clear();
    }
    all.forEach(Proxy::stop);
    for (Proxy p : all) {
      p.awaitConnectionsClosed(deadline);
    }
  }

  private Proxy newProxy(Wanted w) {
    validate(w);
    Proxy p = new Proxy(w.name(), w.listen(), w.upstream(), seeds.nextLong());
    if (w.enabled()) {
      start(p);
    }
    return p;
  }

  private static void validate(Wanted w) {
    try {
      Endpoint.parse(w.listen());
      Endpoint.parse(w.upstream());
    } catch (IllegalArgumentException e) {
      throw ApiError.badBody(e.getMessage());
    }
  }

  private static void start(Proxy p) {
    try {
      p.start();
    } catch (IOException e) {
      throw ApiError.internal(e.getMessage());
    }
  }

  /** Go's Differs: the resolved listen address or the upstream changed. */
  private static boolean differs(Proxy p, Wanted w) {
    validate(w);
    try {
      String resolved = Endpoint.format(Endpoint.parse(w.listen()).resolve());
      return !resolved.equals(p.listen()) || !w.upstream().equals(p.upstream());
    } catch (UnknownHostException e) {
      throw ApiError.internal("lookup " + w.listen() + ": no such host");
    }
  }
}
