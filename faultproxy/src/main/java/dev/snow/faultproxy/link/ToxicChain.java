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
 * Toxiproxy), names unique across both. Every change bumps the changed direction's
 * {@link #version(Direction)} and wakes the links, which pick up the new chain at once; a link
 * of the other direction is left alone, as Toxiproxy interrupts only the changed chain.
 */
public final class ToxicChain {

  private final Map<Direction, List<ToxicSpec>> chains = new EnumMap<>(Direction.class);
  private final Set<Runnable> listeners = new CopyOnWriteArraySet<>();
  private final Map<Direction, Long> versions = new EnumMap<>(Direction.class);

  public ToxicChain() {
    for (Direction d : Direction.values()) {
      chains.put(d, new ArrayList<>());
      versions.put(d, 0L);
    }
  }

  /** Version of one direction's chain; changes on every add, update, remove and reset there. */
  public synchronized long version(Direction d) {
    return versions.get(d);
  }

  private void bump(Direction d) {
    versions.merge(d, 1L, Long::sum);
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
      bump(spec.stream());
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
      bump(spec.stream());
    }
    fire();
    return true;
  }

  /** Removes the toxic of that name; false when there is none. */
  public boolean remove(String name) {
    synchronized (this) {
      boolean removed = false;
      for (Direction d : Direction.values()) {
        int i = indexOf(chains.get(d), name);
        if (i >= 0) {
          chains.get(d).remove(i);
          bump(d);
          removed = true;
        }
      }
      if (!removed) {
        return false;
      }
    }
    fire();
    return true;
  }

  /** Removes every toxic. */
  public void clear() {
    synchronized (this) {
      for (Direction d : Direction.values()) {
        if (!chains.get(d).isEmpty()) {
          chains.get(d).clear();
          bump(d);
        }
      }
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
