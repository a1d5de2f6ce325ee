package se.stegvis.support;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * In the PostgreSQL run ({@link PostgresTestDatabase#selected()}), points the Spring context of an
 * {@link AlsoOnPostgres} class at a fresh, empty PostgreSQL database, as
 * {@link PostgresTestDatabase.Initializer} does. Elsewhere it adds nothing, so the H2 contexts and
 * their cache keys stay as they are.
 *
 * <p>The customizer is one value: every context that differs only by it differs from its H2
 * counterpart in the same way, so classes that share a context on H2 share one (and one database)
 * on PostgreSQL too. Registered by {@link AlsoOnPostgres} itself.
 */
public class PostgresContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    if (!PostgresTestDatabase.selected()
        || !MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY).isPresent(AlsoOnPostgres.class)) {
      return null;
    }
    return new FreshPostgresDatabase();
  }

  /** Creates the database when the context is built, not when its cache key is computed. */
  static final class FreshPostgresDatabase implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
      new PostgresTestDatabase.Initializer().initialize(context);
    }

    @Override
    public boolean equals(Object other) {
      return other != null && other.getClass() == getClass();
    }

    @Override
    public int hashCode() {
      return getClass().hashCode();
    }

    @Override
    public String toString() {
      return "FreshPostgresDatabase";
    }
  }
}
