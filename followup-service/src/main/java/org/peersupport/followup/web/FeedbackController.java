package org.peersupport.followup.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.peersupport.followup.application.FeedbackService;
import org.peersupport.followup.domain.Feedback;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The anonymous pulse answer, without a login (a public path): the link's token is the only credential, in the body
 * so that it never sits in an access log's URL. 204, or 404 for a link unknown, used or lapsed.
 */
@RestController
class FeedbackController {

    private final FeedbackService feedback;

    FeedbackController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @PostMapping("/api/feedback")
    ResponseEntity<Void> answer(@Valid @RequestBody AnswerBody body) {
        feedback.answer(body.token(), new Feedback.Pulse(body.helpfulness(), body.wouldRecommend(), body.distress(),
                body.colleagueSupport(), body.institutionalSupport(), body.selfEfficacy(), body.turnoverIntention()));
        return ResponseEntity.noContent().build();
    }

    record AnswerBody(@NotBlank @Size(max = 128) String token, Integer helpfulness, Boolean wouldRecommend,
            Integer distress, Integer colleagueSupport, Integer institutionalSupport, Integer selfEfficacy,
            Integer turnoverIntention) {

        @Override
        public String toString() {
            return "AnswerBody[redacted]";
        }
    }
}
