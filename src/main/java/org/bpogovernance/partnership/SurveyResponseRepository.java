package org.bpogovernance.partnership;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SurveyResponseRepository extends JpaRepository<SurveyResponse, Long> {

    List<SurveyResponse> findBySurveyIdOrderByIdAsc(Long surveyId);

    List<SurveyResponse> findBySurveyIdIn(Collection<Long> surveyIds);
}
