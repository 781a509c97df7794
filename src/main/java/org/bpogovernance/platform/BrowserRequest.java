package org.bpogovernance.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Tells a person in a browser from a program, so that a person gets pages and programs get data.
 * Browsers say what a request is for in their {@code Sec-Fetch-*} headers; programs (curl,
 * integrations, Camunda Modeler) send none.
 */
public final class BrowserRequest {

    private BrowserRequest() {
    }

    /** A page the person opens (typed, a link, a bookmark), as opposed to a program's call or a page's own request. */
    public static boolean isPageOpenedByPerson(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String mode = request.getHeader("Sec-Fetch-Mode");
        if (mode != null) {
            return "navigate".equals(mode);
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    /** A request sent by a page of this service (Swagger UI's <em>Try it out</em>, a webapp's call). */
    public static boolean isMadeByPageOfThisService(HttpServletRequest request) {
        return "same-origin".equals(request.getHeader("Sec-Fetch-Site"));
    }
}
