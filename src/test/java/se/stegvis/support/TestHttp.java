package se.stegvis.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real HTTP against the application under test: calls with HTTP Basic, and a browser-like webapp
 * session (cookies kept, Camunda's CSRF token sent back as the webapps do).
 */
public final class TestHttp {

  private final int port;
  /** The cookies the server set, by name, sent back with every request (as a browser on one site). */
  private final Map<String, String> cookies = new ConcurrentHashMap<>();
  private final HttpClient client = HttpClient.newHttpClient();

  public TestHttp(int port) {
    this.port = port;
  }

  public HttpRequest.Builder request(String path) {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
          .collect(Collectors.joining("; ")));
    }
    return request;
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      for (String cookie : response.headers().allValues("Set-Cookie")) {
        String pair = cookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
      }
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String basic(String userId, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** GET with HTTP Basic, no session. */
  public HttpResponse<String> get(String path, String userId, String password) {
    return send(request(path).header("Authorization", basic(userId, password)).header("Accept", "application/json"));
  }

  /** POST of a JSON body with HTTP Basic, no session. */
  public HttpResponse<String> post(String path, String body, String userId, String password) {
    return send(request(path).header("Authorization", basic(userId, password)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The webapps' login (session cookie kept by this client), with the page loads around it that hand out the CSRF token. */
  public HttpResponse<String> login(String app, String userId, String password) {
    send(request("/camunda/app/" + app + "/"));
    String form = "username=" + URLEncoder.encode(userId, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> login = send(withCsrf(request("/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    // The logged-in session has a new CSRF token; the app's next page load hands it out.
    send(request("/camunda/app/" + app + "/"));
    return login;
  }

  /** A request carrying the webapp session's CSRF token and the page's origin, as Tasklist and Cockpit send them. */
  public HttpRequest.Builder withCsrf(HttpRequest.Builder request) {
    return request.header("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", "")).header("Accept", "application/json")
        .header("Origin", "http://localhost:" + port);
  }

  /** GET within the webapp session. */
  public HttpResponse<String> sessionGet(String path) {
    return send(withCsrf(request(path)));
  }

  /** POST of a JSON body within the webapp session, with the CSRF token. */
  public HttpResponse<String> sessionPost(String path, String body) {
    return send(withCsrf(request(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
