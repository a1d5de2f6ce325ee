package se.stegvis.security;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import se.stegvis.access.ApiEndpoints;
import se.stegvis.casefile.CaseAccess;
import se.stegvis.casefile.CaseFileRepository;
import se.stegvis.casefile.VisibleCases;

/**
 * The one gate of the application's API: before any handler runs, the call's row in
 * {@link ApiEndpoints} and the {@code AccessMatrix} decide. A mapping without a row is refused
 * (403); a per-case action on {@code {caseNumber}} answers 404 for a case the user may neither read
 * nor do this with (its existence is not revealed) and 403 for one they may read but not do this with.
 */
@Configuration
class ApiAccess implements WebMvcConfigurer, HandlerInterceptor {

  static final String CASE_NUMBER = "caseNumber";

  /** The file uploads (multipart) that may be larger than 1 MB, up to their own limit. */
  static final java.util.Set<String> UPLOADS = java.util.Set.of("POST /api/cases/{caseNumber}/attachments");

  private final CaseAccess access;
  private final CaseFileRepository caseFiles;
  private final TransactionTemplate readOnly;

  ApiAccess(CaseAccess access, CaseFileRepository caseFiles, PlatformTransactionManager transactions) {
    this.access = access;
    this.caseFiles = caseFiles;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod)) {
      return true;
    }
    String method = "HEAD".equals(request.getMethod()) ? "GET" : request.getMethod();
    String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    boolean upload = UPLOADS.contains(method + " " + pattern) && request.getContentType() != null
        && request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    if (!upload && request.getContentLengthLong() > EngineDoorGuard.MAX_BODY) {
      // Refused before the body is read: nothing of it reaches a handler.
      throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "Begäran är för stor (högst 1 MB).");
    }
    // A file upload has its own limit: the server's multipart limit (spring.servlet.multipart, a
    // little above the attachment's 10 MB) refuses larger requests while reading them, and the
    // handler refuses a file over its limit with its own Swedish message.
    var endpoint = ApiEndpoints.find(method, pattern).orElseThrow(() -> new VisibleCases.RoleRefused(
        "Adressen är inte öppnad i Stegvis behörigheter (ApiEndpoints)."));
    var action = endpoint.action();
    @SuppressWarnings("unchecked")
    var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    String caseNumber = variables == null ? null : variables.get(CASE_NUMBER);
    if (action.perCase() && caseNumber != null) {
      var viewer = access.viewer();
      // Hidden (404) unless the user may read the case or do this very action with it (the working
      // group's decision history reaches past its read of the case).
      Boolean allowed = readOnly.execute(status -> caseFiles.findByCaseNumber(caseNumber)
          .filter(c -> access.canSee(viewer, c) || access.can(viewer, c, action))
          .map(c -> access.can(viewer, c, action)).orElse(null));
      if (allowed == null) {
        throw new VisibleCases.NotVisible();
      }
      if (!allowed) {
        throw new VisibleCases.RoleRefused(action.refusal());
      }
    } else if (!access.may(action)) {
      throw new VisibleCases.RoleRefused(action.refusal());
    }
    return true;
  }
}
