package se.stegvis.identity;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A name as searched: lower case, without diacritics, single spaces, so that "Asa Ostlund", "ÅSA
 * östlund" and "Åsa  Östlund" are the same. V13 folds the names already stored the same way.
 */
public final class SearchNames {

  private SearchNames() {
  }

  public static String normalise(String text) {
    if (text == null) {
      return "";
    }
    String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").replace('ø', 'o');
    return folded.strip().replaceAll("\\s+", " ");
  }
}
