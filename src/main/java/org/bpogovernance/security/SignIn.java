package org.bpogovernance.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where a person signs in when a page of the service needs a login, and how they get back. */
final class SignIn {

    /** The Welcome app's login page; every user may log into Welcome, which links to the other apps. */
    static final String LOGIN_PAGE = "/camunda/app/welcome/default/";
    /** The query parameter the Welcome app's {@code return-after-login.js} sends the person back to. */
    static final String RETURN_PARAMETER = "return";

    private SignIn() {
    }

    /** The login page, which brings the person back to the page they opened once they are logged in. */
    static String loginPageReturningTo(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String target = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
        return request.getContextPath() + LOGIN_PAGE + "?" + RETURN_PARAMETER + "="
                + URLEncoder.encode(target, StandardCharsets.UTF_8) + "#!/login";
    }
}
