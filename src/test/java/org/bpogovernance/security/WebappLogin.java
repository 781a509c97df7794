package org.bpogovernance.security;

import java.util.List;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/** Logs into a Camunda webapp the way its login page does: session cookie, CSRF token, form post. */
final class WebappLogin {

    private WebappLogin() {
    }

    static int status(TestRestTemplate rest, String user, String password, String app) {
        var page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
        String cookieHeader = String.join("; ", cookies.stream().map(c -> c.split(";", 2)[0]).toList());
        String csrfToken = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring("XSRF-TOKEN=".length()).split(";", 2)[0]).findFirst().orElseThrow();

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookieHeader);
        headers.add("X-XSRF-TOKEN", csrfToken);
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", user);
        form.add("password", password);
        return rest.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
                new HttpEntity<>(form, headers), String.class).getStatusCode().value();
    }
}
