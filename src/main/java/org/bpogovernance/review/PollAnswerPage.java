package org.bpogovernance.review;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.bpogovernance.platform.ConflictException;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.NotFoundException;
import org.bpogovernance.platform.PublicUrl;
import org.bpogovernance.review.PollAnswer.Availability;
import org.bpogovernance.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The one-click answers of a scheduling poll's mail: the link opens this page, which asks for the
 * person's login first (a link alone answers nothing: the token in it must be the one sent to
 * the person logged in), records the answer and says what is recorded, in words.
 */
@RestController
class PollAnswerPage {

    static final String PATH = "/polls/{pollId}/answer";

    private final SchedulingPollService polls;
    private final PollReadings readings;
    private final CurrentUser currentUser;
    private final PublicUrl publicUrl;

    PollAnswerPage(SchedulingPollService polls, CurrentUser currentUser, PublicUrl publicUrl, PollReadings readings) {
        this.readings = readings;
        this.polls = polls;
        this.currentUser = currentUser;
        this.publicUrl = publicUrl;
    }

    @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> answer(@PathVariable Long pollId, @RequestParam(defaultValue = "0") int slot,
            @RequestParam(defaultValue = "") String answer, @RequestParam(defaultValue = "") String token) {
        String user = currentUser.idOrSystem();
        try {
            Map<Integer, Availability> given = polls.answerByLink(pollId, user, token, slot, answer);
            var slots = readings.slotsFor(pollId, user);
            StringBuilder body = new StringBuilder("<h1>Your answer is recorded</h1><p>Slot ").append(slot).append(", ")
                    .append(HtmlUtils.htmlEscape(slots.get(slot - 1))).append(": <strong>")
                    .append(given.get(slot).words()).append("</strong></p><p>Your answers to this poll:</p><ul>");
            for (int n = 1; n <= slots.size(); n++) {
                body.append("<li>Slot ").append(n).append(": ")
                        .append(given.containsKey(n) ? given.get(n).words() : "<em>not answered yet</em>").append("</li>");
            }
            body.append("</ul><p>").append(given.size() == slots.size()
                    ? "You have answered every slot: your poll task is done. A later click changes that answer while the poll is open."
                    : "Answer the other slots from the same mail, or in Tasklist.").append("</p>");
            return page(HttpStatus.OK, body.toString());
        } catch (InvalidInputException refused) {
            return page(HttpStatus.BAD_REQUEST, "<h1>This answer was not recorded</h1><p>"
                    + HtmlUtils.htmlEscape(refused.getMessage()) + "</p>");
        } catch (ConflictException closed) {
            return page(HttpStatus.CONFLICT, "<h1>This answer was not recorded</h1><p>"
                    + HtmlUtils.htmlEscape(closed.getMessage()) + "</p>");
        } catch (NotFoundException unknown) {
            return page(HttpStatus.NOT_FOUND, "<h1>There is no such poll</h1>");
        }
    }

    private ResponseEntity<String> page(HttpStatus status, String body) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Scheduling poll</title></head>"
                + "<body style=\"font-family: Arial, sans-serif; color: #1f2933; max-width: 40em; margin: 2em auto;\">" + body
                + "<p><a href=\"" + HtmlUtils.htmlEscape(publicUrl.get()) + "/camunda/app/tasklist/\">Open Tasklist</a></p></body></html>";
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
                .body(html);
    }
}
