package se.stegvis.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

import se.stegvis.casefile.ProcessVariables;
import se.stegvis.identity.Groups;

/**
 * The engine's doors ({@code /engine-rest} and the webapps' {@code /camunda/api/engine}) let
 * through only what the roles may do; the engine's authorizations check the rest. The path is
 * judged as the servlet container resolved it (matrix parameters removed, slashes collapsed), in
 * lower case, so {@code /engine-rest/deployment;x=1/create} or {@code //Deployment/create} is
 * the deployment it names.
 * <ul>
 * <li>Changing what runs (deployments, migrations, modifications, process definitions, jobs,
 * batches) is for administrators; Camunda Modeler deploys this way. Starting a case is work, but
 * only through its start form ({@code submit-form}): {@code start} takes start instructions and
 * {@code skipCustomListeners}, which would bypass the referral, so it is for administrators.</li>
 * <li>Process variables are written by Stegvis only: the variable resources of tasks, instances
 * and executions take no writes from anyone, and a form submission ({@code complete},
 * {@code submit-form}, {@code resolve}) may not carry a Stegvis variable ({@code caseId},
 * {@code startDate}, {@code referralDate}, ...) unless its form has that field (400).</li>
 * <li>A body over {@link #MAX_BODY} bytes is refused (413) before it is read.</li>
 * </ul>
 */
class EngineDoorGuard extends OncePerRequestFilter {

  static final int MAX_BODY = 1 << 20;

  /** The door's prefix: the engine REST API (optionally naming the engine) or the webapps' engine API. */
  private static final Pattern DOOR = Pattern.compile("^(/engine-rest(/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)$");
  /** Below these resources every write changes what runs; a POST to the list itself or its count is a query. */
  private static final Pattern ADMINISTRATION = Pattern.compile(
      "/(deployment|migration|modification|process-definition|decision-definition|decision-requirements-definition"
          + "|job-definition|job|batch)/(?!count$).+");
  /**
   * Identity, tenants, authorizations, history clean-up, metrics, standalone tasks and operating on a
   * process instance as a whole: administration too (found by AccessDoorsTest's OpenAPI walk, where
   * the engine answered a referrer 204 for ids it does not hold).
   */
  private static final Pattern OPERATIONS = Pattern.compile("/(group|tenant|authorization|user)/.+|/history/cleanup"
      + "|/metrics/.*|/task/create|/process-instance/[^/]+/(modification|suspended)|/process-instance/(suspended|delete.*|job-retries.*)");
  /** A user's own profile and password (Tasklist's and Admin's profile page). */
  private static final Pattern OWN_ACCOUNT = Pattern.compile("/user/([^/]+)/(profile|credentials)");
  private static final Pattern TASK = Pattern.compile("/task/[^/]+");
  private static final Pattern START_FORM = Pattern.compile("/process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/submit-form");
  private static final Pattern VARIABLES = Pattern.compile("/(task|process-instance|execution|case-instance|case-execution)/[^/]+/(variables|localvariables)(/.*)?");
  private static final Pattern TASK_SUBMISSION = Pattern.compile("/task/([^/]+)/(complete|submit-form|resolve)");
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private final IdentityService identityService;
  private final TaskService taskService;
  private static final ObjectMapper JSON = new ObjectMapper();

  EngineDoorGuard(IdentityService identityService, TaskService taskService) {
    this.identityService = identityService;
    this.taskService = taskService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = resourcePath(request);
    if (path == null || READS.contains(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > MAX_BODY) {
      refuse(response, 413, "Begäran är för stor (högst 1 MB).");
      return;
    }
    if ((isAdministration(path) || isOperation(request.getMethod(), path, currentUser(request)))
        && !isAdministrator(request)) {
      refuse(response, 403, "Bara administratörer (gruppen camunda-admin) får driftsätta eller ändra processer.");
      return;
    }
    if (VARIABLES.matcher(path).matches()) {
      refuse(response, 403, "Processvariabler ändras bara genom Stegvis formulär och åtgärder, som loggas.");
      return;
    }
    Matcher task = TASK_SUBMISSION.matcher(path);
    if (task.matches() || START_FORM.matcher(path).matches()) {
      byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        refuse(response, 413, "Begäran är för stor (högst 1 MB).");
        return;
      }
      List<String> refused = stegvisVariables(body, task.matches() ? task.group(1) : null);
      if (!refused.isEmpty()) {
        refuse(response, 400, "Variabeln " + String.join(", ", refused)
            + " sätts av Stegvis och kan inte skickas med ett formulär.");
        return;
      }
      chain.doFilter(new BufferedBody(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The path after the door's prefix as the container resolved it, in lower case; null outside the doors. */
  static String resourcePath(HttpServletRequest request) {
    String resolved = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    Matcher door = DOOR.matcher(resolved.replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT));
    return door.matches() ? door.group(3) : null;
  }

  static boolean isAdministration(String path) {
    return ADMINISTRATION.matcher(path).matches() && !START_FORM.matcher(path).matches();
  }

  static boolean isOperation(String method, String path, String userId) {
    Matcher own = OWN_ACCOUNT.matcher(path);
    if (own.matches() && own.group(1).equalsIgnoreCase(userId)) {
      return false;
    }
    return OPERATIONS.matcher(path).matches() || "DELETE".equals(method) && TASK.matcher(path).matches();
  }

  /** The submitted variables that Stegvis sets itself (except the fields of this task's own form). */
  private List<String> stegvisVariables(byte[] body, String taskId) {
    JsonNode variables;
    try {
      variables = JSON.readTree(body).path("variables");
    } catch (IOException e) {
      return List.of(); // not JSON: the engine answers for it
    }
    List<String> names = new ArrayList<>();
    variables.fieldNames().forEachRemaining(names::add);
    names.retainAll(ProcessVariables.ALLOWED);
    if (!names.isEmpty() && taskId != null) {
      var task = taskService.createTaskQuery().taskId(taskId).singleResult();
      if (task != null) {
        names.removeAll(ProcessVariables.SUBMITTED_ON_TASK.getOrDefault(task.getTaskDefinitionKey(), Set.of()));
      }
    }
    return names;
  }

  private String currentUser(HttpServletRequest request) {
    var authentication = identityService.getCurrentAuthentication();
    if (authentication != null) {
      return authentication.getUserId();
    }
    var session = request.getSession(false);
    var authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    return authentications == null ? null : authentications.getAuthentications().stream()
        .map(UserAuthentication::getIdentityId).findFirst().orElse(null);
  }

  private boolean isAdministrator(HttpServletRequest request) {
    var authentication = identityService.getCurrentAuthentication();
    if (authentication != null && authentication.getGroupIds() != null) {
      return authentication.getGroupIds().contains(Groups.ADMINISTRATORS);
    }
    // The webapps' engine API: the user of the webapp session.
    var session = request.getSession(false);
    var authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    return authentications != null && authentications.getAuthentications().stream()
        .filter(UserAuthentication.class::isInstance).map(UserAuthentication.class::cast)
        .anyMatch(user -> user.getGroupIds() != null && user.getGroupIds().contains(Groups.ADMINISTRATORS));
  }

  private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(JSON.createObjectNode()
        .put("type", status == 403 ? "AuthorizationException" : "InvalidRequestException")
        .put("message", message).toString());
  }

  /** The request with its body already read, for the engine to read again. */
  private static final class BufferedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
