package org.bpogovernance.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a person sees when the service refuses or cannot answer a page (Cockpit for someone
 * who may not open it, an address that does not exist, …): the product's name, what happened in
 * words, what to do, and the way to Tasklist or to sign out. Spring Boot asks for it only when the
 * browser wants HTML; programs and the apps' own requests keep their JSON answers.
 */
@Component
class RefusalPages implements ErrorViewResolver {

    private static final Pattern WEBAPP = Pattern.compile("^/camunda/app/(tasklist|cockpit|admin|welcome)(/.*)?$");

    record Refusal(String title, String explanation, String whatToDo) {
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        String path = model.get("path") instanceof String p ? p.substring(request.getContextPath().length()) : "";
        UserAuthentication person = WebappSessionAuthenticationFilter.webappUser(request.getSession(false));
        Refusal refusal = refusal(status, path, person == null ? null : person.getIdentityId());
        String html = page(status, refusal, person == null ? null : person.getIdentityId(), request.getContextPath());
        View view = (viewModel, viewRequest, response) -> {
            response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
            response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
        };
        ModelAndView page = new ModelAndView(view);
        page.setStatus(status);
        return page;
    }

    static Refusal refusal(HttpStatus status, String path, String person) {
        Matcher webapp = WEBAPP.matcher(path);
        String app = webapp.matches() ? webapp.group(1) : null;
        return switch (status) {
            case UNAUTHORIZED -> new Refusal("Please sign in",
                    "This page is only for people who are signed in.",
                    "Sign in with your user name and password, then open the page again.");
            case FORBIDDEN -> switch (app == null ? "" : app) {
                case "cockpit" -> new Refusal("Cockpit is not open to you",
                        "Cockpit shows the running governance processes and the portfolio to governance officers and"
                                + " executive sponsors" + (person == null ? "." : ". You are signed in as " + person
                                + ", who is neither."),
                        "Your tasks are in Tasklist. If you need Cockpit, ask your governance officer.");
                case "admin" -> new Refusal("Admin is for administrators",
                        "Admin manages users, groups and permissions; only administrators may open it.",
                        "Your tasks are in Tasklist. To change a user or a group, ask your administrator.");
                default -> new Refusal("This page is not open to you",
                        "You are signed in" + (person == null ? "" : " as " + person)
                                + ", but your groups do not allow this page.",
                        "Your tasks are in Tasklist. If you should see this page, ask your governance officer.");
            };
            case NOT_FOUND -> new Refusal("There is no page at this address",
                    "The address may be mistyped, or what it pointed to is gone.",
                    "Check the address, or start again from Tasklist.");
            default -> status.is5xxServerError()
                    ? new Refusal("Something went wrong on our side",
                            "The service could not answer this page.",
                            "Try again in a moment. If it keeps happening, tell your administrator the time it happened.")
                    : new Refusal("This page cannot be shown",
                            "The service could not answer the request for this page (" + status.value() + ").",
                            "Go back and try again, or start again from Tasklist.");
        };
    }

    private static String page(HttpStatus status, Refusal refusal, String person, String contextPath) {
        String signedIn = person == null
                ? "<a class=\"button\" href=\"" + contextPath + SignIn.LOGIN_PAGE + "#!/login\">Sign in</a>"
                : "<form method=\"post\" action=\"" + contextPath + SignOutController.PATH + "\">"
                        + "<button type=\"submit\">Sign out</button></form>";
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s – BPO Governance</title>
                <link rel="icon" href="%5$s/camunda/favicon.ico">
                <style>
                  body { margin: 0; font-family: "IBM Plex Sans", "Helvetica Neue", Arial, sans-serif; color: #1f2933; background: #f3f5f8; }
                  header { display: flex; align-items: center; gap: 10px; padding: 10px 24px; background: #fff; border-top: 3px solid #1d3f6e;
                           box-shadow: 0 2px 8px -4px #555; font-size: 20px; }
                  main { max-width: 640px; margin: 48px auto; padding: 32px; background: #fff; box-shadow: 0 2px 8px -4px #555; }
                  h1 { margin-top: 0; font-size: 24px; }
                  p { line-height: 1.5; }
                  .status { color: #6b7785; font-size: 13px; }
                  nav { display: flex; gap: 12px; margin-top: 24px; align-items: center; }
                  nav a, nav button { font: inherit; font-size: 15px; padding: 8px 16px; border-radius: 3px; cursor: pointer; }
                  nav a.primary { background: #1d3f6e; color: #fff; text-decoration: none; }
                  nav a.button, nav button { background: #fff; color: #1d3f6e; border: 1px solid #1d3f6e; text-decoration: none; }
                  form { margin: 0; }
                </style>
                </head>
                <body>
                <header>%6$s<span>BPO Governance</span></header>
                <main>
                <h1>%1$s</h1>
                <p>%2$s</p>
                <p>%3$s</p>
                <nav><a class="primary" href="%5$s/camunda/app/tasklist/default/">Open Tasklist</a>%4$s</nav>
                <p class="status">%7$s</p>
                </main>
                </body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(refusal.title()), HtmlUtils.htmlEscape(refusal.explanation()),
                HtmlUtils.htmlEscape(refusal.whatToDo()), signedIn, contextPath, LOGO,
                HtmlUtils.htmlEscape(status.value() + " " + status.getReasonPhrase()));
    }

    /** The product's mark, as in the webapps' header ({@code webjars/camunda/assets/bpo-governance-logo.svg}). */
    static final String LOGO = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">\
            <rect width="32" height="32" rx="7" fill="#1d3f6e"/>\
            <circle cx="12.5" cy="16" r="7" fill="none" stroke="#ffffff" stroke-width="2.5"/>\
            <circle cx="19.5" cy="16" r="7" fill="none" stroke="#5fc2b4" stroke-width="2.5"/></svg>""";
}
