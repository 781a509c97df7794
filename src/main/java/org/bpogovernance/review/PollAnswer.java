package org.bpogovernance.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One person's answer to one slot of a scheduling poll; a later answer replaces it. */
@Entity
@Table(name = "review_poll_answer")
public class PollAnswer {

    public enum Availability {
        AVAILABLE("available"), IF_NEED_BE("if need be"), NOT_AVAILABLE("not available");

        private final String words;

        Availability(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "poll_id", nullable = false)
    private Long pollId;

    @Column(name = "user_id", nullable = false)
    private String userId;

    private int slot;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Availability answer;

    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;

    protected PollAnswer() {
    }

    PollAnswer(Long pollId, String userId, int slot) {
        this.pollId = pollId;
        this.userId = userId;
        this.slot = slot;
    }

    void answer(Availability answer, Instant at) {
        this.answer = answer;
        this.answeredAt = at;
    }

    public String getUserId() {
        return userId;
    }

    public int getSlot() {
        return slot;
    }

    public Availability getAnswer() {
        return answer;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }
}
