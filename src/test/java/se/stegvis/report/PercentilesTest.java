package se.stegvis.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Median, 90:e percentil (närmaste rang) och åldersgrupper")
class PercentilesTest {

  @Test
  @DisplayName("median av udda och jämnt antal, percentil som närmaste rang, inga värden ger null")
  void medianAndNearestRank() {
    assertThat(Percentiles.median(List.of(9, 4, 19, 5, 9, 16, 9))).isEqualByComparingTo("9.0");
    assertThat(Percentiles.median(List.of(4, 1, 3, 2))).isEqualByComparingTo(new BigDecimal("2.5"));
    assertThat(Percentiles.nearestRank(List.of(4, 1, 3, 2), 90)).as("rank ⌈3.6⌉ = 4").isEqualTo(4);
    assertThat(Percentiles.nearestRank(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 90)).as("rank 9").isEqualTo(9);
    assertThat(Percentiles.nearestRank(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), 90)).as("rank ⌈9.9⌉")
        .isEqualTo(10);
    assertThat(Percentiles.nearestRank(List.of(7), 90)).isEqualTo(7);
    assertThat(Percentiles.median(List.of())).isNull();
    assertThat(Percentiles.nearestRank(List.of(), 90)).isNull();
  }

  @Test
  @DisplayName("åldersgrupp efter fyllda år på dagen, gränserna inräknade")
  void ageBands() {
    LocalDate on = LocalDate.of(2032, 6, 30);
    assertThat(AgeBand.of(LocalDate.of(2014, 7, 1), on)).isEqualTo(AgeBand.UNDER_18);
    assertThat(AgeBand.of(LocalDate.of(2014, 6, 30), on)).isEqualTo(AgeBand.A18_24);
    assertThat(AgeBand.of(LocalDate.of(2007, 7, 1), on)).isEqualTo(AgeBand.A18_24);
    assertThat(AgeBand.of(LocalDate.of(2007, 6, 30), on)).isEqualTo(AgeBand.A25_29);
    assertThat(AgeBand.of(LocalDate.of(2002, 6, 30), on)).isEqualTo(AgeBand.A30_35);
    assertThat(AgeBand.of(LocalDate.of(1996, 7, 1), on)).isEqualTo(AgeBand.A30_35);
    assertThat(AgeBand.of(LocalDate.of(1996, 6, 30), on)).isEqualTo(AgeBand.A36_65);
    assertThat(AgeBand.of(LocalDate.of(1966, 7, 1), on)).isEqualTo(AgeBand.A36_65);
    assertThat(AgeBand.of(LocalDate.of(1966, 6, 30), on)).isEqualTo(AgeBand.A66_PLUS);
    assertThat(AgeBand.of(null, on)).isEqualTo(AgeBand.UNKNOWN);
  }
}
