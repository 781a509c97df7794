package org.bpogovernance.servicelevel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.bpogovernance.platform.InvalidInputException;
import org.bpogovernance.platform.SpreadsheetCsv;
import org.bpogovernance.security.GovernanceGroups;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/engagements/{id}/metrics} and {@code /measurements}: the service metrics and their
 * values, as JSON (one or many) or a CSV file ({@code metric,period,value[,comment]}).
 */
@RestController
@Tag(name = "Service levels", description = "The service metrics with their thresholds, the measurements of each period (JSON or CSV) and the scorecard.")
@RequestMapping("/api/engagements/{engagementId}")
class ServiceLevelController {

    private final ServiceLevelService serviceLevels;
    private final MeasurementService measurementService;
    private final ScorecardService scorecards;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    ServiceLevelController(ServiceLevelService serviceLevels, MeasurementService measurementService,
            ScorecardService scorecards, ObjectMapper objectMapper, Clock clock) {
        this.serviceLevels = serviceLevels;
        this.measurementService = measurementService;
        this.scorecards = scorecards;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** The metrics in force in a period (yyyy-mm; this month when omitted). */
    @GetMapping("/metrics")
    List<ServiceLevelService.ActiveMetric> metrics(@PathVariable Long engagementId,
            @RequestParam(required = false) YearMonth period) {
        return serviceLevels.active(engagementId, period == null ? YearMonth.now(clock) : period);
    }

    /** Defines the whole set from a period on; weights must total 100. */
    @PutMapping("/metrics")
    @PreAuthorize(GovernanceGroups.OFFICERS_ONLY)
    List<ServiceLevelService.ActiveMetric> define(@PathVariable Long engagementId, @RequestBody MetricSetRequest request) {
        return serviceLevels.define(engagementId, request);
    }

    /** The scorecard of a period (yyyy-mm; last month when omitted). */
    @GetMapping(value = "/scorecard", produces = "application/json")
    Scorecard scorecard(@PathVariable Long engagementId, @RequestParam(required = false) YearMonth period) {
        return scorecards.of(engagementId, period == null ? YearMonth.now(clock).minusMonths(1) : period);
    }

    /** The same scorecard as CSV, one line per metric, for spreadsheets and reporting tools. */
    @GetMapping(value = "/scorecard", produces = "text/csv")
    ResponseEntity<String> scorecardCsv(@PathVariable Long engagementId, @RequestParam(required = false) YearMonth period)
            throws IOException {
        Scorecard card = scorecard(engagementId, period);
        String csv = SpreadsheetCsv.write(List.of("period", "metric", "name", "unit", "direction", "version", "target",
                "warning", "breach", "weight", "value", "health", "attainment", "credit_due", "credits_accrued",
                "credits_earned_back"), rows -> card.metrics().forEach(line -> rows.row(card.period(), line.code(),
                        line.name(), line.unit(), line.direction(), line.version(), line.target(), line.warning(),
                        line.breach(), line.weight(), line.value(), line.health(), line.attainment(),
                        line.creditDueThisPeriod(), line.creditsAccruedToDate(), line.creditsEarnedBackToDate())));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"scorecard-" + engagementId + "-"
                        + card.period() + ".csv\"")
                .body(csv);
    }

    @GetMapping("/measurements")
    List<Measurement> measurements(@PathVariable Long engagementId,
            @RequestParam(defaultValue = "false") boolean history) {
        return measurementService.of(engagementId, history);
    }

    /** One measurement (an object) or many (an array); all or nothing. */
    @PostMapping(value = "/measurements", consumes = "application/json")
    MeasurementService.Ingested record(@PathVariable Long engagementId, @RequestBody JsonNode body) {
        List<MeasurementInput> inputs = new ArrayList<>();
        JsonNode items = body.isArray() ? body : objectMapper.createArrayNode().add(body);
        for (int i = 0; i < items.size(); i++) {
            try {
                inputs.add(objectMapper.treeToValue(items.get(i), MeasurementInput.class));
            } catch (JsonMappingException wrongType) {
                String field = wrongType.getPath().isEmpty() ? "" : "." + wrongType.getPath().get(0).getFieldName();
                throw new InvalidInputException("[" + i + "]" + field, "has a value of the wrong type or format");
            } catch (JsonProcessingException unreadable) {
                throw new InvalidInputException("[" + i + "]", "is not a measurement {metric, period, value, comment}");
            }
        }
        return measurementService.recordJson(engagementId, inputs, Measurement.Source.API);
    }

    /** A CSV file as the request body; all or nothing, every bad line named. */
    @PostMapping(value = "/measurements", consumes = {"text/csv", "text/plain"})
    MeasurementService.Ingested recordCsv(@PathVariable Long engagementId, jakarta.servlet.http.HttpServletRequest request)
            throws IOException {
        return measurementService.recordCsv(engagementId, request.getInputStream(), request.getContentLengthLong());
    }

    /** The same CSV file uploaded as a form field named {@code file}. */
    @PostMapping(value = "/measurements", consumes = "multipart/form-data")
    MeasurementService.Ingested upload(@PathVariable Long engagementId, @RequestPart("file") MultipartFile file)
            throws IOException {
        return measurementService.recordCsv(engagementId, file.getInputStream(), file.getSize());
    }
}
