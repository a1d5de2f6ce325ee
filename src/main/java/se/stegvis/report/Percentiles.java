package se.stegvis.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Medians and percentiles of waiting times in whole days. */
final class Percentiles {

  private Percentiles() {
  }

  /**
   * The median of the values: the middle one of an odd number, the mean of the two middle ones
   * of an even number (so it may end in .5); {@code null} for no values.
   */
  static BigDecimal median(List<Integer> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Integer> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    if (n % 2 == 1) {
      return BigDecimal.valueOf(sorted.get(n / 2)).setScale(1);
    }
    return BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 1,
        RoundingMode.HALF_UP);
  }

  /**
   * The p-th percentile by the nearest-rank method: sort the n values ascending and take the one
   * at rank ⌈p/100 × n⌉ (1-based). Always one of the values, never interpolated; {@code null} for
   * no values. Example: the 90th percentile of 7 values is the 7th (⌈6.3⌉), of 10 values the 9th.
   */
  static Integer nearestRank(List<Integer> values, int p) {
    if (values.isEmpty()) {
      return null;
    }
    List<Integer> sorted = values.stream().sorted().toList();
    int rank = (p * sorted.size() + 99) / 100;
    return sorted.get(Math.max(rank, 1) - 1);
  }
}
