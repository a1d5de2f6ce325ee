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
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
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
 * <li>Everyone else writes only what their work needs, and the guard lets through nothing more
 * ({@link #isWork}): queries sent as POST, work on a task (claim, complete, comment, ...), the
 * start form, a comment on a case, their own profile and password. Every other write (signals,
 * messages, external tasks, incidents, filters, history, telemetry, batch operations ...) changes
 * what runs or who may do what, and is for administrators, whatever the engine's own check would
 * answer (found by AccessDoorsTest's walk with real ids: the engine deletes any task's attachment
 * for anyone who names it, and answers many writes 400 or 500 before it checks anything).</li>
 * <li>A task's comments and attachments are written only by those who may work on the task (the
 * engine removes an attachment for anyone who names it).</li>
 * <li>No one, administrators included, moves a step on without its form by signalling its
 * execution or triggering its message: Stegvis' listeners would write a case without the form's
 * data (an administrator moves a case with a modification instead).</li>
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
  private static final Pattern OPERATIONS = Pattern.compile("/(group|tenant|authorization|user)/(?!count$).+|/history/cleanup"
      + "|/metrics/.*|/task/create|/process-instance/[^/]+/(modification|suspended)|/process-instance/(suspended|delete.*|job-retries.*)");
  /**
   * The writes that are work for someone other than an administrator (the engine's authorizations
   * then decide whose): a query sent as POST, work on a task, the start form, a comment on a case,
   * checking a password. Paths in lower case.
   */
  private static final Pattern WORK = Pattern.compile(String.join("|",
      "/(task|process-instance|execution|external-task|job|job-definition|group|variable-instance|incident|schema/log)(/count)?",
      "/history/(activity-instance|detail|external-task-log|job-log|process-instance|task|variable-instance)(/count)?",
      "/filter/[^/]+/(list|count|singleresult)",
      "/task/[^/]+(/(claim|unclaim|complete|submit-form|resolve|assignee|delegate|identity-links|identity-links/delete"
          + "|comment|comment/create|comment/[^/]+|attachment/create|attachment/[^/]+|bpmnerror|bpmnescalation))?",
      "/process-instance/[^/]+/comment(/[^/]+)?",
      "/identity/(verify|password-policy)"));
  /** A task's attachments and comments: the engine removes an attachment for anyone who names it. */
  private static final Pattern TASK_NOTES = Pattern.compile("/task/([^/]+)/(attachment|comment)(/.*)?");
  /**
   * Moving a step on without its form: signalling its execution or triggering the message it waits
   * for skips the form, its checks and the listeners that write the case (a placement without its
   * request, a decision without its answer).
   */
  private static final Pattern SKIPS_THE_FORM = Pattern.compile("/execution/[^/]+/(signal|messagesubscriptions/.+)");
  /** A user's own profile and password (Tasklist's and Admin's profile page). */
  private static final Pattern OWN_ACCOUNT = Pattern.compile("/user/([^/]+)/(profile|credentials)");
  private static final Pattern TASK = Pattern.compile("/task/[^/]+");
  private static final Pattern START_FORM = Pattern.compile("/process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/submit-form");
  private static final Pattern VARIABLES = Pattern.compile("/(task|process-instance|execution|case-instance|case-execution)"
      + "/[^/]+/(variables|localvariables)(/.*)?|/process-instance/variables-async");
  private static final Pattern TASK_SUBMISSION = Pattern.compile("/task/([^/]+)/(complete|submit-form|resolve)");
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private final IdentityService identityService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private static final ObjectMapper JSON = new ObjectMapper();

  EngineDoorGuard(IdentityService identityService, TaskService taskService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
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
    if (path.equals("/external-task/fetchandlock") && request.getServletPath().startsWith("/camunda/")) {
      // The webapps' copy cannot hold a request open (long polling): 500 from the container otherwise.
      refuse(response, 404, "Externa uppgifter hämtas genom /engine-rest, inte genom webbapparnas motor-API.");
      return;
    }
    if (VARIABLES.matcher(path).matches()) {
      refuse(response, 403, "Processvariabler ändras bara genom Stegvis formulär och åtgärder, som loggas.");
      return;
    }
    if (SKIPS_THE_FORM.matcher(path).matches()) {
      refuse(response, 403, "Ett steg i ärendet går bara vidare genom sitt formulär, eller genom att en administratör "
          + "flyttar ärendet i processen (Cockpit).");
      return;
    }
    boolean administrator = isAdministrator(request);
    String user = currentUser(request);
    if ((isAdministration(path) || isOperation(request.getMethod(), path, user) || !isWork(request.getMethod(), path, user))
        && !administrator) {
      refuse(response, 403, "Bara administratörer (gruppen camunda-admin) får driftsätta eller ändra processer.");
      return;
    }
    Matcher notes = TASK_NOTES.matcher(path);
    if (notes.matches() && !administrator && !worksOn(notes.group(1), user)) {
      refuse(response, 403, "Bara den som arbetar med uppgiften får ändra dess kommentarer och bilagor.");
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

  /** Whether a write is someone's work other than an administrator's (the engine's authorizations decide whose). */
  static boolean isWork(String method, String path, String userId) {
    Matcher own = OWN_ACCOUNT.matcher(path);
    return own.matches() && own.group(1).equalsIgnoreCase(userId) || WORK.matcher(path).matches()
        || START_FORM.matcher(path).matches();
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

  /**
   * Whether the user may work on the task: the engine's grant to its assignee and candidates, our
   * grant to the assignee's team. Asked as no one (a user who may not read the task would find none).
   */
  private boolean worksOn(String taskId, String userId) {
    if (userId == null) {
      return false;
    }
    var authentication = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
          .map(group -> group.getId()).toList();
      return authorizationService.isUserAuthorized(userId, groups, Permissions.UPDATE, Resources.TASK, taskId)
          || authorizationService.isUserAuthorized(userId, groups, TaskPermissions.TASK_WORK, Resources.TASK, taskId);
    } finally {
      if (authentication != null) {
        identityService.setAuthentication(authentication);
      }
    }
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
