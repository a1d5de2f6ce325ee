package se.stegvis.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN model from {@code processes/} and every form from {@code forms/} as one
 * deployment, so that {@code formRefBinding="deployment"} resolves. Resource names are the
 * paths relative to the classpath root, identical on every machine and node; duplicate
 * filtering then makes a restart without model changes deploy nothing.
 */
@Component
public class ModelDeployment extends AbstractProcessEnginePlugin {

  public static final String DEPLOYMENT_NAME = "stegvis-models";
  static final String[] FOLDERS = {"processes", "forms"};
  static final String[] PATTERNS = {"classpath*:processes/**/*.bpmn", "classpath*:forms/**/*.form"};

  private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("stegvis")
        .enableDuplicateFiltering(false);
    int resources = 0;
    for (Resource resource : modelResources()) {
      deployment.addInputStream(resourceName(resource), read(resource));
      resources++;
    }
    var result = deployment.deployWithResult();
    var definitions = result.getDeployedProcessDefinitions();
    log.info("Models: {} resources, deployment {} ({} new process definition versions)",
        resources, result.getId(), definitions == null ? 0 : definitions.size());
  }

  static Resource[] modelResources() {
    var resolver = new PathMatchingResourcePatternResolver();
    try {
      var all = new java.util.ArrayList<Resource>();
      for (String pattern : PATTERNS) {
        all.addAll(java.util.List.of(resolver.getResources(pattern)));
      }
      return all.toArray(Resource[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the models on the classpath", e);
    }
  }

  /** "processes/x.bpmn" whether the resource lies in a folder or inside the jar. */
  static String resourceName(Resource resource) {
    try {
      String url = resource.getURL().toString();
      for (String folder : FOLDERS) {
        int at = url.lastIndexOf("/" + folder + "/");
        if (at >= 0) {
          return url.substring(at + 1);
        }
      }
      throw new IllegalStateException("Not a model resource: " + url);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream read(Resource resource) {
    try {
      return resource.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
