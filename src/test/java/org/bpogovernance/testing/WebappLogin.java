package org.bpogovernance.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Logs into a Camunda webapp the way its login page does: session cookie, CSRF token, form post. */
public final class WebappLogin {

    private WebappLogin() {
    }

    public static int status(TestRestTemplate rest, String user, String password, String app) {
        return login(rest, user, password, app).answer().getStatusCode().value();
    }

    /** Logs in and returns the {@code Cookie} header a browser would send afterwards. */
    public static String sessionCookie(TestRestTemplate rest, String user, String password, String app) {
        Login login = login(rest, user, password, app);
        if (!login.answer().getStatusCode().is2xxSuccessful()) {
            throw new IllegalStateException(user + " could not log into " + app + ": " + login.answer().getStatusCode());
        }
        return login.cookies();
    }

    /** A logged-in browser: its cookies and the session's CSRF token, as the webapps send them with every change. */
    public record Session(String cookies, String csrfToken) {

        public HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.add(HttpHeaders.COOKIE, cookies);
            headers.add("X-XSRF-TOKEN", csrfToken);
            headers.setContentType(MediaType.APPLICATION_JSON);
            headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.ALL));
            return headers;
        }
    }

    /** Logs in and reads the session's CSRF token the way the webapps do, from the answer to their first request. */
    public static Session session(TestRestTemplate rest, String user, String password, String app) {
        String cookies = sessionCookie(rest, user, password, app);
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookies);
        String token = rest.exchange("/camunda/api/engine/engine/default/task/count", HttpMethod.GET,
                new HttpEntity<>(headers), String.class).getHeaders().getFirst("X-XSRF-TOKEN");
        return new Session(cookies, token);
    }

    private record Login(ResponseEntity<String> answer, String cookies) {
    }

    private static Login login(TestRestTemplate rest, String user, String password, String app) {
        // ?local-login: the address of the login form itself, also where single sign-on (profile oidc) is on
        var page = rest.getForEntity("/camunda/app/tasklist/default/?local-login", String.class);
        Map<String, String> cookies = new LinkedHashMap<>();
        remember(cookies, page.getHeaders().get(HttpHeaders.SET_COOKIE));
        String csrfToken = cookies.get("XSRF-TOKEN");

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookieHeader(cookies));
        headers.add("X-XSRF-TOKEN", csrfToken);
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", user);
        form.add("password", password);
        ResponseEntity<String> answer = rest.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
                new HttpEntity<>(form, headers), String.class);
        // The login may start a new session: the cookies set by its answer replace the earlier ones.
        remember(cookies, answer.getHeaders().get(HttpHeaders.SET_COOKIE));
        return new Login(answer, cookieHeader(cookies));
    }

    private static void remember(Map<String, String> cookies, List<String> setCookies) {
        if (setCookies != null) {
            setCookies.forEach(cookie -> {
                String[] pair = cookie.split(";", 2)[0].split("=", 2);
                cookies.put(pair[0], pair.length > 1 ? pair[1] : "");
            });
        }
    }

    private static String cookieHeader(Map<String, String> cookies) {
        return String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
}
