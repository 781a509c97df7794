package org.bpogovernance.security;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A person's time zone and working hours: the same hours on each working day; a shift that ends
 * before it starts (22:00 to 06:00) runs into the next day.
 */
@Entity
@Table(name = "person_profile")
public class PersonProfile {

    @Id
    @Column(name = "user_id")
    private String userId;

    @Version
    @JsonIgnore
    private Long version;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "work_starts", nullable = false)
    private LocalTime workStarts;

    @Column(name = "work_ends", nullable = false)
    private LocalTime workEnds;

    /** Comma-separated, MONDAY first: "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY". */
    @Column(name = "work_days", nullable = false)
    @JsonIgnore
    private String workDayNames;

    protected PersonProfile() {
    }

    PersonProfile(String userId) {
        this.userId = userId;
    }

    void change(ZoneId zone, LocalTime starts, LocalTime ends, Set<DayOfWeek> days) {
        this.timeZone = zone.getId();
        this.workStarts = starts;
        this.workEnds = ends;
        this.workDayNames = EnumSet.copyOf(days).stream().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    public String getUserId() {
        return userId;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public LocalTime getWorkStarts() {
        return workStarts;
    }

    public LocalTime getWorkEnds() {
        return workEnds;
    }

    public Set<DayOfWeek> getWorkDays() {
        return Arrays.stream(workDayNames.split(",")).map(DayOfWeek::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }
}
