package se.stegvis.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs actions on their own threads, all released by one barrier at the same moment (as a double
 * click or two users do), and returns their results in order. No sleeps: the barrier is the timing.
 */
public final class AtOnce {

  private AtOnce() {
  }

  @SafeVarargs
  public static <T> List<T> run(Callable<T>... actions) throws Exception {
    CyclicBarrier start = new CyclicBarrier(actions.length);
    ExecutorService pool = Executors.newFixedThreadPool(actions.length);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> action : actions) {
        futures.add(pool.submit(() -> {
          start.await();
          return action.call();
        }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The same action several times at once. */
  @SuppressWarnings("unchecked")
  public static <T> List<T> times(int count, Callable<T> action) throws Exception {
    Callable<T>[] actions = new Callable[count];
    java.util.Arrays.fill(actions, action);
    return run(actions);
  }
}
