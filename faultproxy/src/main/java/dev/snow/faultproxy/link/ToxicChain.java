package dev.snow.faultproxy.link;

import dev.snow.faultproxy.toxic.Direction;
import dev.snow.faultproxy.toxic.ToxicSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * A proxy's toxics: one ordered chain per direction (new toxics go to the end, as in
 * Toxiproxy), names unique across both. Every change bumps {@link #version()} and wakes the
 * links, which pick up the new chain at once.
 */
public final class ToxicChain {

  private final Map<Direction, List<ToxicSpec>> chains = new EnumMap<>(Direction.class);
  private final Set<Runnable> listeners = new CopyOnWriteArraySet<>();
  private long version;

  public ToxicChain() {
    for (Direction d : Direction.values()) {
      chains.put(d, new ArrayList<>());
    }
  }

  /** Current version; changes on every add, update, remove and reset. */
  public synchronized long version() {
    return version;
  }

  /** The chain of one direction, a copy. */
  public synchronized List<ToxicSpec> chain(Direction d) {
    return List.copyOf(chains.get(d));
  }

  /** Every toxic, upstream chain first, as Toxiproxy lists them. */
  public synchronized List<ToxicSpec> all() {
    List<ToxicSpec> all = new ArrayList<>(chains.get(Direction.UPSTREAM));
    all.addAll(chains.get(Direction.DOWNSTREAM));
    return all;
  }

  public synchronized Optional<ToxicSpec> get(String name) {
    return all().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** Adds at the end of its direction's chain; false when the name is taken. */
  public boolean add(ToxicSpec spec) {
    synchronized (this) {
      if (get(spec.name()).isPresent()) {
        return false;
      }
      chains.get(spec.stream()).add(spec);
      version++;
    }
    fire();
    return true;
  }

  /** Replaces the toxic of the same name in place; false when there is none. */
  public boolean replace(ToxicSpec spec) {
    synchronized (this) {
      List<ToxicSpec> chain = chains.get(spec.stream());
      int i = indexOf(chain, spec.name());
      if (i < 0) {
        return false;
      }
      chain.set(i, spec);
      version++;
    }
    fire();
    return true;
  }

  /** Removes the toxic of that name; false when there is none. */
  public boolean remove(String name) {
    synchronized (this) {
      boolean removed = false;
      for (List<ToxicSpec> chain : chains.values()) {
        int i = indexOf(chain, name);
        if (i >= 0) {
          chain.remove(i);
          removed = true;
        }
      }
      if (!removed) {
        return false;
      }
      version++;
    }
    fire();
    return true;
  }

  /** Removes every toxic. */
  public void clear() {
    synchronized (this) {
      chains.values().forEach(List::clear);
      version++;
    }
    fire();
  }

  void listen(Runnable wake) {
    listeners.add(wake);
  }

  void unlisten(Runnable wake) {
    listeners.remove(wake);
  }

  private void fire() {
    listeners.forEach(Runnable::run);
  }

  private static int indexOf(List<ToxicSpec> chain, String name) {
    for (int i = 0; i < chain.size(); i++) {
      if (chain.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
