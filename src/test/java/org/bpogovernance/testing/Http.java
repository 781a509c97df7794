package org.bpogovernance.testing;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Requests through the running service as a named user, the way a browser or integrator sends them. */
public final class Http {

    private Http() {
    }

    public static ResponseEntity<String> get(TestRestTemplate rest, String user, String password, String path) {
        return exchange(rest, user, password, HttpMethod.GET, path, null);
    }

    public static ResponseEntity<String> postJson(TestRestTemplate rest, String user, String password, String path,
            String json) {
        return exchange(rest, user, password, HttpMethod.POST, path, json);
    }

    /** A download (a PDF) as its bytes. */
    public static ResponseEntity<byte[]> download(TestRestTemplate rest, String user, String password, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, password);
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    public static ResponseEntity<String> exchange(TestRestTemplate rest, String user, String password,
            HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, password);
        }
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL));
        if (json != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return rest.exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }
}
